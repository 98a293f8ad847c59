// A zlib inflater that decodes RGBA8 label rows straight into instance ids, for streams made of literals and
// matches at distances 1 and 4 only: what bitmap2file writes (Up rows: zeros, and one pixel difference repeated) and
// zlib's Z_RLE strategy (distance 1 only). On such streams a run of zero bytes is a run of zero filter differences,
// i.e. pixels equal to their left or upper neighbour, and a distance-4 run one pixel difference repeated; the
// receiving PixelRows (label-pixels.ts) turns them into a `fill` or a short loop of ids (Sub), or nothing / a few
// patched pixels (Up rows start as a copy of the row above), so the zero bytes are never written or read, which a
// general inflate followed by an unfilter pass must do (33 MB each at 4K).
//
// Two passes over batches of a few thousand symbols: huffmanBatch decodes symbols into tokens (a literal, a run of
// one byte, a run of the last four bytes), PixelRows.consume turns tokens into ids. Each hot loop keeps its state in
// locals; in one loop, the two sets of state did not fit the registers (measured 0-17% slower).
//
// It is deliberately partial: on anything else (a match at another distance, a malformed stream, a checksum
// mismatch, too little or too much data) it returns `undefined` and the caller decodes with the general zlib path,
// which reports errors exactly as before. So it never has to be right about an error, only about a success, which
// the Adler-32 check (computed in closed form over the runs) backs up.
import { adlerCycles, afterCycles, CL_ORDER, LEN_BASE, LEN_EXTRA, rotate } from "./deflate-rle.js";
import { giveUp, NotForUs, PixelRows, TOKEN_BATCH } from "./label-pixels.js";

const ADLER_MOD = 65521;
/**
 * The Adler-32 sums are reduced lazily, once B passes this (A <= B always): small enough that the products in the
 * closed-form run updates stay exact in doubles.
 */
const ADLER_LAZY_MAX = 2 ** 40;

/**
 * Build a single-level Huffman decoding table (index: the next `bits` input bits, LSB first; entry: symbol << 4 |
 * code length, 0 = no such code) from code lengths, into `table`. Returns `bits`. Over-subscribed sets, and
 * incomplete ones except a single code of length 1 (which zlib accepts for literal/length and distance codes),
 * give up.
 */
function buildTable(lens: Uint8Array, count: number, table: Int32Array, allowSingle: boolean): number {
  const perLength = new Uint16Array(16);
  let max = 0;
  for (let s = 0; s < count; s++) {
    const l = lens[s] as number;
    perLength[l] = (perLength[l] as number) + 1;
    if (l > max) max = l;
  }
  if (max === 0) giveUp();
  perLength[0] = 0; // unused symbols take no code
  let left = 1;
  for (let l = 1; l <= 15; l++) {
    left = (left << 1) - (perLength[l] as number);
    if (left < 0) giveUp();
  }
  if (left > 0 && !(allowSingle && max === 1)) giveUp();
  const next = new Uint16Array(16);
  for (let l = 1, code = 0; l <= 15; l++) {
    code = (code + (perLength[l - 1] as number)) << 1;
    next[l] = code;
  }
  const size = 1 << max;
  table.fill(0, 0, size);
  for (let s = 0; s < count; s++) {
    const l = lens[s] as number;
    if (l === 0) continue;
    const code = next[l] as number;
    next[l] = code + 1;
    let rev = 0;
    for (let i = 0; i < l; i++) rev = (rev << 1) | ((code >> i) & 1);
    for (let j = rev; j < size; j += 1 << l) table[j] = (s << 4) | l;
  }
  return max;
}

/** The code of `symbol` in a table from {@link buildTable}, as `code << 4 | length` (LSB-first bits), or 0. */
function codeOf(table: Int32Array, tableBits: number, symbol: number): number {
  for (let j = 0; j < 1 << tableBits; j++) {
    const e = table[j] as number;
    if (e !== 0 && e >> 4 === symbol) return ((j & ((1 << (e & 15)) - 1)) << 4) | (e & 15);
  }
  return 0;
}

/** LSB-first bit input over the zlib stream; past its end it reads zero bits (callers check `pastEnd`). */
class BitReader {
  pos = 2; // after the zlib header
  buf = 0;
  count = 0;
  constructor(readonly z: Uint8Array) {}

  /** Make sure `buf` holds at least `n` (<= 24) bits. */
  need(n: number): void {
    while (this.count < n) {
      this.buf |= (this.pos < this.z.length ? (this.z[this.pos] as number) : 0) << this.count;
      this.pos++;
      this.count += 8;
    }
  }

  bits(n: number): number {
    this.need(n);
    const v = this.buf & ((1 << n) - 1);
    this.buf >>= n;
    this.count -= n;
    return v;
  }

  /** Decode one symbol with a table from {@link buildTable}. */
  symbol(table: Int32Array, tableBits: number): number {
    this.need(tableBits);
    const e = table[this.buf & ((1 << tableBits) - 1)] as number;
    if (e === 0) giveUp();
    this.buf >>= e & 15;
    this.count -= e & 15;
    return e >> 4;
  }

  /** Drop the bits up to the next byte boundary and give back whole buffered bytes: `pos` is the next byte. */
  alignToByte(): void {
    this.pos -= this.count >> 3;
    this.buf = 0;
    this.count = 0;
  }

  get pastEnd(): boolean {
    return this.pos - (this.count >> 3) > this.z.length;
  }
}

/**
 * What the decoder carries from block to block: the last four output bytes (what distance-1 and distance-4 matches
 * repeat), the Adler-32 sums of the output, reduced lazily (see {@link ADLER_LAZY_MAX}), and the token batch.
 */
class OutputState {
  /** The last four bytes as a little-endian word, the newest in the top byte. */
  last4 = 0;
  /** Whether any byte went to the sink (a match needs one before it; PixelRows checks the four of distance 4). */
  started = false;
  /**
   * The Adler-32 sums A and B, kept in a Float64Array: they outgrow small integers, and a field that does would change
   * the object's shape mid-decode, which throws away the optimized code of every function that uses it (measured:
   * the first calls ran 2-4x longer).
   */
  private readonly sums = Float64Array.of(1, 0);
  /** Whether the last Huffman batch ended at the end of its block. */
  blockEnded = false;
  readonly tok = new Int32Array(TOKEN_BATCH);
  readonly aux = new Int32Array(TOKEN_BATCH);

  constructor(readonly sink: PixelRows) {}

  get a(): number {
    return this.sums[0] as number;
  }
  set a(v: number) {
    this.sums[0] = v;
  }
  get b(): number {
    return this.sums[1] as number;
  }
  set b(v: number) {
    this.sums[1] = v;
  }

  get adler(): number {
    return ((this.b % ADLER_MOD) * 65536 + (this.a % ADLER_MOD)) >>> 0;
  }

  /** Give the first `n` tokens to the sink. */
  flush(n: number): void {
    if (n === 0) return;
    this.sink.consume(this.tok, this.aux, n);
    this.started = true;
  }

  /** Adler-32 of `n` bytes cycling through the four bytes of `pattern` (oldest first), in closed form. */
  addPattern(pattern: number, n: number): void {
    this.reduce();
    const adler = adlerCycles(this.a, this.b, pattern, n);
    this.a = adler & 0xffff;
    this.b = adler >>> 16;
  }

  reduce(): void {
    this.a %= ADLER_MOD;
    this.b %= ADLER_MOD;
  }
}

/**
 * Decode the zlib stream `z` of a non-interlaced RGBA8 image of `width` x `height` straight into instance ids
 * (`R + 256G + 65536B`, alpha ignored), or return `undefined` when the stream is not one this decoder takes (see
 * the file comment): the caller then uses the general path.
 */
export function inflateLabelIds(
  z: Uint8Array,
  width: number,
  height: number,
  allocUnsafe?: (bytes: number) => Uint8Array,
): Uint32Array | undefined {
  try {
    return inflateInto(z, new OutputState(new PixelRows(width, height, allocUnsafe)));
  } catch (e) {
    if (e instanceof NotForUs) return undefined;
    throw e;
  }
}

/**
 * A block's decoding tables (index: the next `bits` input bits, LSB first), with entries made for the hot loop:
 * - literal/length: `v << 4 | code length` for literal v (so below 4096), `256 << 4 | code length` for the end of
 *   the block, `LENGTH | base << 8 | extra bits << 4 | code length` for a length, 0 for no such code;
 * - distance: `distance << 4 | code length` for distances 1 and 4, 0 for any other (which gives up).
 */
interface BlockCodes {
  lit: Int32Array;
  dist: Int32Array;
  /** The table index masks (a block without distance codes has a one-entry distance table of 0: no such code). */
  litMask: number;
  distMask: number;
  /** The bits of "length 258, distance 1", and how many (0 when the block lacks either code). */
  longRun: number;
  longRunBits: number;
}

const LENGTH = 1 << 20;

/** {@link BlockCodes} from tables built by {@link buildTable} (converted in place). */
function blockCodes(lit: Int32Array, litBits: number, dist: Int32Array, distBits: number): BlockCodes {
  const len258 = codeOf(lit, litBits, 285);
  const dist1 = distBits > 0 ? codeOf(dist, distBits, 0) : 0;
  const bits = (len258 & 15) + (dist1 & 15);
  const hasLongRun = len258 !== 0 && dist1 !== 0 && bits <= 24;
  for (let j = 0; j < 1 << litBits; j++) {
    const e = lit[j] as number;
    const s = e >> 4;
    if (s > 256)
      lit[j] =
        s - 257 < 29
          ? LENGTH | ((LEN_BASE[s - 257] as number) << 8) | ((LEN_EXTRA[s - 257] as number) << 4) | (e & 15)
          : 0;
  }
  for (let j = 0; j < 1 << distBits; j++) {
    const e = dist[j] as number;
    dist[j] = e === 0 ? 0 : e >> 4 === 0 ? (1 << 4) | (e & 15) : e >> 4 === 3 ? (4 << 4) | (e & 15) : 0;
  }
  return {
    lit,
    dist,
    litMask: (1 << litBits) - 1,
    distMask: (1 << distBits) - 1,
    longRun: hasLongRun ? (len258 >> 4) | ((dist1 >> 4) << (len258 & 15)) : 0,
    longRunBits: hasLongRun ? bits : 0,
  };
}

let fixedCodes: BlockCodes | undefined;
function fixed(): BlockCodes {
  if (!fixedCodes) {
    const lens = new Uint8Array(288);
    lens.fill(8, 0, 144);
    lens.fill(9, 144, 256);
    lens.fill(7, 256, 280);
    lens.fill(8, 280, 288);
    const lit = new Int32Array(1 << 9);
    const dist = new Int32Array(1 << 5);
    // (Distance codes 30 and 31 are invalid; any distance but 1 and 4 gives up anyway.)
    fixedCodes = blockCodes(
      lit,
      buildTable(lens, 288, lit, false),
      dist,
      buildTable(new Uint8Array(32).fill(5), 32, dist, false),
    );
  }
  return fixedCodes;
}

/**
 * Read a dynamic block's code lengths and build its tables, sized to its longest codes (bitmap2file's are at most
 * 10 bits: 4 kB, in L1 cache). Allocated per block, not shared between calls: a custom `allocUnsafe` called in the
 * middle of a decode could start another one.
 */
function readDynamicCodes(br: BitReader): BlockCodes {
  const hlit = br.bits(5) + 257;
  const hdist = br.bits(5) + 1;
  const hclen = br.bits(4) + 4;
  if (hlit > 286 || hdist > 30) giveUp();
  const clLens = new Uint8Array(19);
  for (let i = 0; i < hclen; i++) clLens[CL_ORDER[i] as number] = br.bits(3);
  const clTable = new Int32Array(1 << 7);
  const clBits = buildTable(clLens, 19, clTable, false);
  const lens = new Uint8Array(hlit + hdist);
  for (let i = 0; i < hlit + hdist; ) {
    const sym = br.symbol(clTable, clBits);
    if (sym < 16) {
      lens[i++] = sym;
      continue;
    }
    let repeat: number;
    let value = 0;
    if (sym === 16) {
      if (i === 0) giveUp();
      value = lens[i - 1] as number;
      repeat = 3 + br.bits(2);
    } else repeat = sym === 17 ? 3 + br.bits(3) : 11 + br.bits(7);
    if (i + repeat > hlit + hdist) giveUp();
    lens.fill(value, i, i + repeat);
    i += repeat;
  }
  if (lens[256] === 0) giveUp(); // no end-of-block code
  const litLens = lens.subarray(0, hlit);
  const distLens = lens.subarray(hlit);
  const lit = new Int32Array(1 << maxOf(litLens));
  // A block of literals only may have no distance codes at all.
  const distMax = maxOf(distLens);
  const dist = new Int32Array(1 << distMax);
  return blockCodes(
    lit,
    buildTable(litLens, hlit, lit, true),
    dist,
    distMax > 0 ? buildTable(distLens, hdist, dist, true) : 0,
  );
}

const maxOf = (lens: Uint8Array) => lens.reduce((m, l) => Math.max(l, m), 0);

/** Give a stored block's bytes to the sink, as literal tokens. */
function storedBlock(br: BitReader, state: OutputState): void {
  br.alignToByte();
  const len = br.bits(16);
  if ((len ^ 0xffff) !== br.bits(16)) giveUp();
  br.alignToByte();
  if (br.pos + len > br.z.length) giveUp();
  const { tok } = state;
  for (let i = 0; i < len; ) {
    const n = Math.min(len - i, TOKEN_BATCH);
    for (let k = 0; k < n; k++) {
      const v = br.z[br.pos + i + k] as number;
      tok[k] = v;
      state.a += v;
      state.b += state.a;
      state.last4 = (state.last4 >>> 8) | (v << 24);
    }
    state.reduce();
    state.flush(n);
    i += n;
  }
  br.pos += len;
}

/** The symbols of one Huffman-coded block, up to its end-of-block code, given to the sink a batch at a time. */
function huffmanBlock(br: BitReader, codes: BlockCodes, state: OutputState): void {
  do state.flush(huffmanBatch(br, codes, state));
  while (!state.blockEnded);
}

/**
 * Decode symbols of a Huffman-coded block into `state.tok` (tokens, see TOKEN_BATCH in label-pixels.ts) until the
 * batch is full or the end-of-block code comes (then `state.blockEnded` is set); returns the number of tokens.
 * Called once per batch, not per block, so that V8 sees the whole function run many times during the first decode
 * and optimizes it with complete type feedback (one call per block deoptimized on its first exit, then recompiled).
 *
 * The hot loop of the first pass: it keeps the bit buffer, the last four bytes, the Adler-32 sums and the batch
 * length in locals and stores them back. The bit buffer stays below 2^31, so `>>` is a plain int32 shift. Past the
 * end of `z` (only a broken stream gets there: a valid one ends with the 4-byte Adler-32), `z[pos]` is undefined,
 * which shifts in as zero bits, what BitReader reads there too; that costs less than testing `pos` on every byte
 * (3-4% of the decode). Each symbol adds at most one token.
 */
function huffmanBatch(br: BitReader, codes: BlockCodes, state: OutputState): number {
  const { z } = br;
  const { lit, dist, litMask, distMask, longRunBits, longRun } = codes;
  const { tok, aux } = state;
  const longRunMask = (1 << longRunBits) - 1;
  let pos = br.pos;
  let buf = br.buf;
  let count = br.count;
  let last4 = state.last4;
  let a = state.a;
  let b = state.b;
  let nt = 0;
  let ended = false;
  while (nt < TOKEN_BATCH) {
    // Up to 15 bits of literal/length code, then up to 5 extra bits: 20 bits hold one step.
    while (count < 20) {
      buf |= (z[pos] as number) << count;
      pos++;
      count += 8;
    }
    const e = lit[buf & litMask] as number;
    if (e === 0) giveUp();
    buf >>= e & 15;
    count -= e & 15;
    if (e < 256 << 4) {
      const sym = e >> 4;
      tok[nt++] = sym;
      last4 = (last4 >>> 8) | (sym << 24);
      a += sym;
      b += a;
      if (b > ADLER_LAZY_MAX) {
        a %= ADLER_MOD;
        b %= ADLER_MOD;
      }
      continue;
    }
    if (e < LENGTH) {
      ended = true;
      break;
    }
    const extra = (e >> 4) & 15;
    let len = ((e >> 8) & 511) + (buf & ((1 << extra) - 1));
    buf >>= extra;
    count -= extra;
    while (count < 15) {
      buf |= (z[pos] as number) << count;
      pos++;
      count += 8;
    }
    const de = dist[buf & distMask] as number;
    if (de === 0) giveUp(); // a distance other than 1 and 4, or a block without distance codes
    buf >>= de & 15;
    count -= de & 15;
    // A match needs a byte before it (and PixelRows gives up on a distance-4 one before four).
    if (nt === 0 && !state.started) giveUp();
    const distance = de >> 4;
    if (distance === 4) {
      // The last four bytes, repeated: one token (with the four bytes in aux); Adler-32 over whole cycles in
      // closed form, as adlerCycles does, inlined and reduced lazily (len <= 258: every product is small).
      aux[nt] = last4;
      tok[nt++] = len << 9;
      const c0 = last4 & 255;
      const c1 = (last4 >>> 8) & 255;
      const c2 = (last4 >>> 16) & 255;
      const c3 = last4 >>> 24;
      const m = len >> 2;
      if (a >= 2 ** 24) a %= ADLER_MOD;
      b += 4 * m * a + 2 * (c0 + c1 + c2 + c3) * m * (m - 1) + m * (4 * c0 + 3 * c1 + 2 * c2 + c3);
      a += m * (c0 + c1 + c2 + c3);
      const r = len & 3;
      if (r > 0) {
        a += c0;
        b += a;
        if (r > 1) {
          a += c1;
          b += a;
          if (r > 2) {
            a += c2;
            b += a;
          }
        }
        last4 = rotate(last4, r);
      }
      if (b > ADLER_LAZY_MAX) {
        a %= ADLER_MOD;
        b %= ADLER_MOD;
      }
      continue;
    }
    const last = last4 >>> 24;
    if (last !== 0) {
      // A run of a non-zero byte: rare in label maps.
      tok[nt++] = (len << 9) | 256 | last;
      last4 = afterCycles(last4, last * 0x01010101, len);
      state.a = a;
      state.b = b;
      state.addPattern(last * 0x01010101, len);
      a = state.a;
      b = state.b;
      continue;
    }
    if (len === 258 && longRunBits !== 0) {
      // Long runs of zeros are sequences of identical maximal matches: taken a whole pattern at a time.
      for (;;) {
        while (count < longRunBits) {
          buf |= (z[pos] as number) << count;
          pos++;
          count += 8;
        }
        if ((buf & longRunMask) !== longRun || len >= 2 ** 28) break;
        buf >>= longRunBits;
        count -= longRunBits;
        len += 258;
      }
    }
    // A run of zeros: merged into the token before when that is a literal zero or a zero run (merged runs stay
    // below 2^30 bytes, far from the int32 limit).
    const before = nt > 0 ? (tok[nt - 1] as number) : 1;
    if (before <= 0 && len - before < 2 ** 30) tok[nt - 1] = before - len - (before === 0 ? 1 : 0);
    else tok[nt++] = -len;
    if (len >= 4) last4 = 0;
    else last4 >>>= 8 * len;
    // Adler-32 of `len` zeros: B grows by `len` times A, reduced lazily like the literals' sums (an integer division
    // per run cost ~7% of this loop). With A < 2^24 and len < 2^28 + 258, B stays below 2^53: exact.
    if (a >= 2 ** 24) a %= ADLER_MOD;
    b += a * len;
    if (b > ADLER_LAZY_MAX) {
      a %= ADLER_MOD;
      b %= ADLER_MOD;
    }
  }
  br.pos = pos;
  br.buf = buf;
  br.count = count;
  state.last4 = last4;
  state.a = a;
  state.b = b;
  state.blockEnded = ended;
  return nt;
}

function inflateInto(z: Uint8Array, state: OutputState): Uint32Array | undefined {
  if (z.length < 2) giveUp();
  const cmf = z[0] as number;
  const flg = z[1] as number;
  // Deflate, window <= 32 kB, header checksum, no preset dictionary.
  if ((cmf & 15) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 !== 0 || flg & 32) giveUp();
  const br = new BitReader(z);
  let final = 0;
  while (!final) {
    if (br.pastEnd) giveUp();
    final = br.bits(1);
    const type = br.bits(2);
    if (type === 0) storedBlock(br, state);
    else if (type === 1) huffmanBlock(br, fixed(), state);
    else if (type === 2) huffmanBlock(br, readDynamicCodes(br), state);
    else giveUp();
  }
  // The Adler-32 trailer, big-endian, at the next byte boundary.
  br.alignToByte();
  const p = br.pos;
  const { sink } = state;
  if (!sink.done || br.pastEnd || p + 4 > z.length) giveUp();
  const trailer =
    (((z[p] as number) << 24) |
      ((z[p + 1] as number) << 16) |
      ((z[p + 2] as number) << 8) |
      (z[p + 3] as number)) >>>
    0;
  if (trailer !== state.adler) giveUp();
  return sink.out;
}
