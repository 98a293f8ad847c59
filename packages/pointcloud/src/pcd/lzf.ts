// LZF, the compression of PCD `binary_compressed` data (the format of liblzf's lzf_c.c / lzf_d.c, which PCL and
// open3d embed). Written here rather than taken from npm: the one registry package (lzfjs 1.0.1, a single release)
// decodes into a growing JS array with no bound on the output (a hostile file can make it allocate without limit),
// calls the deprecated `new Buffer`, and its compressor reads its argument instead of the Uint8Array view of it.
// PCD stores the uncompressed size next to the stream, so the decoder here writes into exactly that many bytes.
//
// Stream format: a control byte c < 32 starts a run of c + 1 literal bytes; otherwise the top three bits give a
// length l (7 means "add the next byte"), the match is l + 2 bytes long and starts ((c & 31) << 8) + next byte + 1
// bytes back in the output (a match may overlap the bytes it produces).

const MAX_OFFSET = 1 << 13;
const MAX_MATCH = 264; // 2 + 7 + 255
const MAX_LITERALS = 32;
const HASH_BITS = 14;

/**
 * Decompresses an LZF stream into exactly `size` bytes. Returns the bytes, or a string saying why the stream is
 * corrupt (it runs past its end, refers before the start of the output, or does not produce `size` bytes).
 */
export function lzfDecompress(input: Uint8Array, size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  const end = input.length;
  let ip = 0;
  let op = 0;
  while (ip < end) {
    const ctrl = input[ip++] as number;
    if (ctrl < MAX_LITERALS) {
      const run = ctrl + 1;
      if (ip + run > end)
        return `a literal run of ${run} bytes at byte ${ip - 1} passes the end of the stream`;
      if (op + run > size) return `the stream decompresses to more than the ${size} bytes announced`;
      out.set(input.subarray(ip, ip + run), op);
      ip += run;
      op += run;
      continue;
    }
    let length = ctrl >> 5;
    if (length === 7) {
      if (ip >= end) return "the stream ends inside a match";
      length += input[ip++] as number;
    }
    if (ip >= end) return "the stream ends inside a match";
    let ref = op - ((ctrl & 0x1f) << 8) - 1 - (input[ip++] as number);
    length += 2;
    if (ref < 0) return `a match at output byte ${op} refers before the start of the data`;
    if (op + length > size) return `the stream decompresses to more than the ${size} bytes announced`;
    while (length-- > 0) out[op++] = out[ref++] as number;
  }
  if (op !== size) return `the stream decompresses to ${op} bytes, not the ${size} announced`;
  return out;
}

/** Compresses bytes to an LZF stream (greedy matching over a hash of the next three bytes). */
export function lzfCompress(input: Uint8Array): Uint8Array {
  const n = input.length;
  // Worst case (nothing matches): one control byte per 32 literals.
  const out = new Uint8Array(n + Math.ceil(n / MAX_LITERALS) + 1);
  const table = new Int32Array(1 << HASH_BITS); // last position + 1 of each hash; 0 = none
  let op = 0;
  let literalStart = 0;
  let ip = 0;
  const flushLiterals = (to: number) => {
    for (let from = literalStart; from < to; from += MAX_LITERALS) {
      const run = Math.min(MAX_LITERALS, to - from);
      out[op++] = run - 1;
      out.set(input.subarray(from, from + run), op);
      op += run;
    }
  };
  while (ip + 2 < n) {
    const h = hash(input, ip);
    const ref = (table[h] as number) - 1;
    table[h] = ip + 1;
    const offset = ip - ref - 1;
    if (
      ref >= 0 &&
      offset < MAX_OFFSET &&
      input[ref] === input[ip] &&
      input[ref + 1] === input[ip + 1] &&
      input[ref + 2] === input[ip + 2]
    ) {
      const limit = Math.min(MAX_MATCH, n - ip);
      let length = 3;
      while (length < limit && input[ref + length] === input[ip + length]) length++;
      flushLiterals(ip);
      const l = length - 2;
      if (l < 7) out[op++] = (offset >> 8) + (l << 5);
      else {
        out[op++] = (offset >> 8) + (7 << 5);
        out[op++] = l - 7;
      }
      out[op++] = offset & 0xff;
      // Index the match's last positions too, so a following repeat finds it.
      for (let p = Math.max(ip + 1, ip + length - 2); p < ip + length && p + 2 < n; p++)
        table[hash(input, p)] = p + 1;
      ip += length;
      literalStart = ip;
    } else ip++;
  }
  flushLiterals(n);
  return out.subarray(0, op);
}

function hash(input: Uint8Array, p: number): number {
  const v = ((input[p] as number) << 16) | ((input[p + 1] as number) << 8) | (input[p + 2] as number);
  return Math.imul(v, 0x9e3779b1) >>> (32 - HASH_BITS);
}
