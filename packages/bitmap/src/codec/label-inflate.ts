// A zlib inflater that decodes RGBA8 label rows straight into instance ids, for streams made of literals and
// matches at distances 1 and 4 only: what bitmap2file writes (Up rows: zeros, and one pixel difference repeated) and
// zlib's Z_RLE strategy (distance 1 only). On such streams a run of zero bytes is a run of zero filter differences,
// i.e. pixels equal to their left or upper neighbour, and a distance-4 run one pixel difference repeated; the
// receiving PixelRows (label-pixels.ts) turns them into a `fill` or a short loop of ids (Sub), or nothing / a few
// patched pixels (Up rows start as a copy of the row above), so the zero bytes are never written or read, which a
// general inflate followed by an unfilter pass must do (h * (4w + 1) bytes each way).
//
// Two passes over batches of a few thousand symbols: huffmanBatch decodes symbols into tokens (a literal, a run of
// one byte, a run of the last four bytes), PixelRows.consume turns tokens into ids. Each hot loop keeps its state in
// locals: fused into one loop, the two sets of state do not fit the registers, and the loop is slower.
//
// It is deliberately partial: on anything else (a match at another distance, a malformed stream, a checksum
// mismatch, too little or too much data) it returns `undefined` and the caller decodes with the general zlib path,
// which reports errors exactly as before. So it never has to be right about an error, only about a success, which
// the Adler-32 check (computed in closed form over the runs) backs up.
import { adlerCycles, afterCycles, rotate } from "./deflate-rle.js";
import { BitReader, type BlockCodes, fixed, LENGTH, readDynamicCodes } from "./huffman.js";
import { giveUp, NotForUs, PixelRows, TOKEN_BATCH } from "./label-pixels.js";

const ADLER_MOD = 65521;
/**
 * The Adler-32 sums are reduced lazily, once B passes this (A <= B always): small enough that the products in the
 * closed-form run updates stay exact in doubles.
 */
const ADLER_LAZY_MAX = 2 ** 40;

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
   * the object's shape mid-decode, which throws away the optimized code of every function that uses it (the first
   * calls would then run several times longer).
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
 * which shifts in as zero bits, what BitReader reads there too; that costs less than testing `pos` on every byte.
 * Each symbol adds at most one token. Longer than the package's other functions on purpose: its state lives in
 * locals, which calls would have to store and reload (see README.md in this folder).
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
    // per run would cost more than the rest of this step). With A < 2^24 and len < 2^28 + 258, B stays below 2^53.
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
