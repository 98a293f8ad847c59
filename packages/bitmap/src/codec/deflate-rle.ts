// The back end of bitmap2file's compressor: a zlib stream of literals, runs of one byte (distance-1 matches, what
// zlib calls the Z_RLE strategy) and runs of one pixel's four bytes (distance-4 matches), in one dynamic-Huffman
// block. `RleTokens` collects the symbols and writes the stream; label-deflate.ts feeds it straight from label ids.
// The RFC 1951 tables are shared with label-inflate.ts.

/** Base match length of each length symbol 257-285 (RFC 1951 3.2.5), and its number of extra bits. */
export const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
export const LEN_EXTRA = [
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
/**
 * Longest literal/length code we write (deflate allows 15). label-inflate.ts decodes with a one-level table of
 * 2^(longest code) entries: 10 bits keep it at 4 kB, in L1 cache, where 15 bits would make it 128 kB; the files
 * grow by a fraction of a percent (bench/RESULTS.md).
 */
const LIT_MAX_BITS = 10;
/** Order in which code-length code lengths are written (RFC 1951 3.2.7). */
export const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length symbol index (0..28) of each match length 3..258. */
const LEN_SYM = /* @__PURE__ */ (() => {
  const t = new Uint8Array(259);
  for (let L = 3; L <= 258; L++) {
    let k = LEN_BASE.length - 1;
    while ((LEN_BASE[k] as number) > L) k--;
    t[L] = k;
  }
  return t;
})();

/** Huffman code lengths (<= maxBits) for the given frequencies; unused symbols get 0. */
function codeLengths(freq: ArrayLike<number>, maxBits: number): Uint8Array {
  const n = freq.length;
  const f = Array.from(freq);
  for (;;) {
    const used: number[] = [];
    for (let i = 0; i < n; i++) if ((f[i] as number) > 0) used.push(i);
    const lens = new Uint8Array(n);
    if (used.length === 1) {
      lens[used[0] as number] = 1;
      return lens;
    }
    if (used.length === 0) return lens;
    // Build the tree with two sorted queues (leaves, then merged nodes): O(n log n) for the sort only.
    const leaves = used.sort((a, b) => (f[a] as number) - (f[b] as number) || a - b);
    const weight: number[] = leaves.map((i) => f[i] as number);
    const parent: number[] = new Array(leaves.length * 2).fill(-1);
    const nodeW: number[] = [];
    let li = 0;
    let ni = 0;
    const pick = () => {
      if (li < leaves.length && (ni >= nodeW.length || (weight[li] as number) <= (nodeW[ni] as number)))
        return li++;
      return leaves.length + ni++;
    };
    while (leaves.length - li + nodeW.length - ni > 1) {
      const x = pick();
      const y = pick();
      const wx = x < leaves.length ? (weight[x] as number) : (nodeW[x - leaves.length] as number);
      const wy = y < leaves.length ? (weight[y] as number) : (nodeW[y - leaves.length] as number);
      const id = leaves.length + nodeW.length;
      nodeW.push(wx + wy);
      parent[x] = id;
      parent[y] = id;
    }
    const depth: number[] = new Array(leaves.length + nodeW.length).fill(0);
    for (let id = leaves.length + nodeW.length - 2; id >= 0; id--)
      depth[id] = (depth[parent[id] as number] as number) + 1;
    let max = 0;
    for (let k = 0; k < leaves.length; k++) {
      const d = depth[k] as number;
      lens[leaves[k] as number] = d;
      if (d > max) max = d;
    }
    if (max <= maxBits) return lens;
    // Too deep: flatten the distribution and retry (converges quickly; optimality matters little here).
    for (let i = 0; i < n; i++) if ((f[i] as number) > 0) f[i] = ((f[i] as number) >> 1) | 1;
  }
}

/** Canonical codes for the lengths, bit-reversed for deflate's LSB-first bit order. */
function canonical(lens: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const l of lens) if (l) count[l] = (count[l] as number) + 1;
  const next = new Uint16Array(16);
  let code = 0;
  for (let b = 1; b < 16; b++) {
    code = (code + (count[b - 1] as number)) << 1;
    next[b] = code;
  }
  const out = new Uint16Array(lens.length);
  for (let s = 0; s < lens.length; s++) {
    const l = lens[s] as number;
    if (!l) continue;
    const c = next[l] as number;
    next[l] = c + 1;
    let r = 0;
    for (let i = 0; i < l; i++) r = (r << 1) | ((c >> i) & 1);
    out[s] = r;
  }
  return out;
}

const MOD = 65521;

/** `v` repeated in the four bytes of a word. */
const fourOf = (v: number) => (v * 0x01010101) | 0;

/** Byte `j` (0-3) of a little-endian word. */
export const byteOf = (word: number, j: number) => (word >>> (8 * j)) & 255;

/**
 * The symbols of a zlib stream made of literals and matches at distance 1 (runs of one byte) and 4 (runs of one
 * RGBA pixel's four bytes), with their frequencies and the Adler-32 of the bytes they stand for;
 * {@link RleTokens.finish} codes them as one dynamic-Huffman block.
 */
export class RleTokens {
  /** Literal byte v as v, a match of length L at distance 1 as 256 + L, at distance 4 as 1024 + L. */
  private tokens: Uint16Array;
  private count = 0;
  private readonly freq = new Uint32Array(286);
  private distance4 = false;
  private a = 1;
  private b = 0;
  private written = 0;
  /** The last four bytes as a little-endian word: the newest in the top byte. */
  private tail = 0;

  constructor(capacity = 1024) {
    this.tokens = new Uint16Array(Math.max(16, capacity));
  }

  /** The last byte written (0 before the first). */
  get lastByte(): number {
    return this.tail >>> 24;
  }

  /** The last four bytes written, as a little-endian word (byte 3 is the newest; zeros before the first). */
  get lastWord(): number {
    return this.tail;
  }

  /** One literal byte. */
  literal(v: number): void {
    this.push(v);
    this.a = (this.a + v) % MOD;
    this.b = (this.b + this.a) % MOD;
    this.tail = (this.tail >>> 8) | (v << 24);
    this.written++;
  }

  /**
   * `n` more bytes, each a copy of the byte `distance` back: distance 1 repeats the last byte, distance 4 the last
   * four bytes in turn. Coded as matches of at most 258 bytes (greedy, as zlib does; a 1-2 byte rest becomes
   * literals).
   */
  repeat(distance: 1 | 4, n: number): void {
    if (n <= 0) return;
    if (this.written < distance)
      throw new Error(`a distance-${distance} match needs ${distance} bytes before it`);
    const pattern = distance === 1 ? fourOf(this.lastByte) : this.tail;
    const adler = adlerCycles(this.a, this.b, pattern, n);
    this.a = adler & 0xffff;
    this.b = adler >>> 16;
    if (distance === 4) this.distance4 ||= n >= 3;
    const base = distance === 1 ? 256 : 1024;
    let left = n;
    while (left >= 3) {
      // (Splitting 259-260 as 256-257 + 3 would make files larger: the common 258 code is shorter than rare ones.)
      const L = Math.min(left, 258);
      this.push(base + L);
      left -= L;
    }
    for (let t = n - left; t < n; t++) this.push(byteOf(pattern, t & 3));
    this.tail = afterCycles(this.tail, pattern, n);
    this.written += n;
  }

  /** The zlib stream: header, one final dynamic-Huffman block, Adler-32. */
  finish(): Uint8Array {
    const freq = this.freq;
    freq[256] = 1; // end of block
    const lit = huffman(freq, LIT_MAX_BITS);
    const w = new BitWriter(1024 + Math.ceil(bodyBits(freq, lit.lens) / 8));
    w.put(0x78, 8); // CMF: deflate, 32 kB window
    w.put(0x01, 8); // FLG: no dictionary, fastest-compression hint, check bits
    w.put(1, 1); // BFINAL
    w.put(2, 2); // BTYPE = 10, dynamic Huffman
    writeCodeLengths(w, lit.lens, this.distance4);
    for (let k = 0; k < this.count; k++) {
      const t = this.tokens[k] as number;
      if (t < 256) w.put(lit.codes[t] as number, lit.lens[t] as number);
      else if (t < 1024) writeMatch(w, lit, t - 256, 0);
      else writeMatch(w, lit, t - 1024, 1);
    }
    w.put(lit.codes[256] as number, lit.lens[256] as number);
    w.align();
    w.put(this.b >>> 8, 8);
    w.put(this.b & 255, 8);
    w.put(this.a >>> 8, 8);
    w.put(this.a & 255, 8);
    return w.bytes();
  }

  private push(t: number): void {
    if (this.count === this.tokens.length) {
      const bigger = new Uint16Array(this.tokens.length * 2);
      bigger.set(this.tokens);
      this.tokens = bigger;
    }
    this.tokens[this.count++] = t;
    const s = t < 256 ? t : 257 + (LEN_SYM[t < 1024 ? t - 256 : t - 1024] as number);
    this.freq[s] = (this.freq[s] as number) + 1;
  }
}

/** The bytes of a little-endian word rotated down by `k` (0-3) places: byte k comes first. */
export const rotate = (word: number, k: number) =>
  k === 0 ? word : (word >>> (8 * k)) | (word << (32 - 8 * k));

/**
 * The last four bytes (a little-endian word, the newest in the top byte) after `n` more bytes that cycle through the
 * bytes of `pattern`, when they were `last4` before. Shared by the writer and label-inflate.ts.
 */
export const afterCycles = (last4: number, pattern: number, n: number): number =>
  n >= 4 ? rotate(pattern, n & 3) : (last4 >>> (8 * n)) | (pattern << (32 - 8 * n));

/**
 * The Adler-32 (`B << 16 | A`) after `n` more bytes that cycle through the four bytes of `pattern`, from sums A and B
 * (each below 65521): whole cycles in closed form, then the rest. One cycle adds c0 + c1 + c2 + c3 to A, and
 * 4A + (4 c0 + 3 c1 + 2 c2 + c3) to B. Shared by the writer and label-inflate.ts (whose hot loop inlines it, reduced
 * lazily, for runs of at most 258 bytes). Returned as one number, not an array of two, so that no array is allocated
 * per run.
 */
export function adlerCycles(a0: number, b0: number, pattern: number, n: number): number {
  const c0 = byteOf(pattern, 0);
  const c1 = byteOf(pattern, 1);
  const c2 = byteOf(pattern, 2);
  const c3 = byteOf(pattern, 3);
  const sum = c0 + c1 + c2 + c3;
  const weighted = 4 * c0 + 3 * c1 + 2 * c2 + c3;
  let a = a0;
  let b = b0;
  for (let cycles = n >>> 2; cycles > 0; ) {
    const m = Math.min(cycles, 1 << 16); // keeps every product below 2^53
    b = (b + 4 * m * a + 4 * sum * ((m * (m - 1)) / 2) + m * weighted) % MOD;
    a = (a + m * sum) % MOD;
    cycles -= m;
  }
  for (let t = 0; t < (n & 3); t++) {
    a += byteOf(pattern, t);
    b += a;
  }
  return ((b % MOD) * 65536 + (a % MOD)) >>> 0;
}

/** Huffman code lengths and (bit-reversed) codes of an alphabet. */
interface Code {
  lens: Uint8Array;
  codes: Uint16Array;
}

function huffman(freq: ArrayLike<number>, maxBits: number): Code {
  const lens = codeLengths(freq, maxBits);
  return { lens, codes: canonical(lens) };
}

/** Bits of the block's symbols (literals, lengths with their extra bits and 1-bit distance codes). */
function bodyBits(freq: Uint32Array, lens: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < 286; s++) {
    const f = freq[s] as number;
    if (f) bits += f * ((lens[s] as number) + (s > 256 ? (LEN_EXTRA[s - 257] as number) + 1 : 0));
  }
  return bits;
}

/** A match of length L; `far` 0 for distance 1 (distance code 0), 1 for distance 4 (code 3). */
function writeMatch(w: BitWriter, lit: Code, L: number, far: 0 | 1): void {
  const sym = LEN_SYM[L] as number;
  w.put(lit.codes[257 + sym] as number, lit.lens[257 + sym] as number);
  const extra = LEN_EXTRA[sym] as number;
  if (extra) w.put(L - (LEN_BASE[sym] as number), extra);
  // Distance codes 0 and 3 have one bit each (0 and 1), or code 0 alone has the one bit 0.
  w.put(far, 1);
}

/**
 * HLIT, HDIST, HCLEN and the code lengths of the literal/length alphabet and of the distance codes (distance 1 = code
 * 0 and, with `distance4`, distance 4 = code 3, one bit each), run-length coded with symbols 16/17/18 (RFC 1951
 * 3.2.7).
 */
function writeCodeLengths(w: BitWriter, litLens: Uint8Array, distance4: boolean): void {
  let hlit = 286;
  while (hlit > 257 && litLens[hlit - 1] === 0) hlit--;
  const distLens = distance4 ? [1, 0, 0, 1] : [1];
  const all = new Uint8Array(hlit + distLens.length);
  all.set(litLens.subarray(0, hlit));
  all.set(distLens, hlit);
  const { syms, extra } = runLengthCode(all);
  const clFreq = new Uint32Array(19);
  for (const s of syms) clFreq[s] = (clFreq[s] as number) + 1;
  const cl = huffman(clFreq, 7);
  let hclen = 19;
  while (hclen > 4 && cl.lens[CL_ORDER[hclen - 1] as number] === 0) hclen--;
  w.put(hlit - 257, 5);
  w.put(distLens.length - 1, 5); // HDIST - 1
  w.put(hclen - 4, 4);
  for (let k = 0; k < hclen; k++) w.put(cl.lens[CL_ORDER[k] as number] as number, 3);
  for (let k = 0; k < syms.length; k++) {
    const s = syms[k] as number;
    w.put(cl.codes[s] as number, cl.lens[s] as number);
    if (s >= 16) w.put(extra[k] as number, s === 16 ? 2 : s === 17 ? 3 : 7);
  }
}

/** Code-length symbols (0-15 literally, 16 = repeat previous, 17/18 = runs of zeros) with their extra bits. */
function runLengthCode(all: Uint8Array): { syms: number[]; extra: number[] } {
  const syms: number[] = [];
  const extra: number[] = [];
  for (let k = 0; k < all.length; ) {
    const l = all[k] as number;
    let r = 1;
    while (k + r < all.length && all[k + r] === l) r++;
    k += r;
    if (l === 0) {
      while (r >= 11) {
        const c = Math.min(r, 138);
        syms.push(18);
        extra.push(c - 11);
        r -= c;
      }
      if (r >= 3) {
        syms.push(17);
        extra.push(r - 3);
        r = 0;
      }
    } else {
      syms.push(l);
      extra.push(0);
      r--;
      while (r >= 3) {
        const c = Math.min(r, 6);
        syms.push(16);
        extra.push(c - 3);
        r -= c;
      }
    }
    while (r-- > 0) {
      syms.push(l);
      extra.push(0);
    }
  }
  return { syms, extra };
}

/** Deflate's LSB-first bit packing into a buffer sized in advance. */
class BitWriter {
  private readonly out: Uint8Array;
  private pos = 0;
  private acc = 0;
  private bits = 0;

  constructor(capacity: number) {
    this.out = new Uint8Array(capacity);
  }

  /** The low `len` (<= 16) bits of v. */
  put(v: number, len: number): void {
    this.acc |= v << this.bits;
    this.bits += len;
    while (this.bits >= 8) {
      this.out[this.pos++] = this.acc & 255;
      this.acc >>>= 8;
      this.bits -= 8;
    }
  }

  /** Pad to a byte boundary. */
  align(): void {
    if (this.bits > 0) this.put(0, 8 - this.bits);
  }

  bytes(): Uint8Array {
    return this.out.subarray(0, this.pos);
  }
}
