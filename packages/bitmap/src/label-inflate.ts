// A zlib inflater that decodes RGBA8 label rows straight into instance ids, for streams made of literals and
// distance-1 matches only: what zlib's Z_RLE strategy and bitmap2file's own encoder write. On such streams a
// distance-1 match of a zero byte is a run of zero filter differences, i.e. (after the Sub or Up filter) a run of
// pixels equal to their left or upper neighbour; the receiving PixelRows (label-pixels.ts) turns such a run into one
// `fill` of the ids (Sub) or nothing at all (Up rows start as a copy of the row above), so the zero bytes are never
// written or read, which a general inflate followed by an unfilter pass must do (33 MB each at 4K).
//
// It is deliberately partial: on anything else (a match with another distance, a malformed stream, a checksum
// mismatch, too little or too much data) it returns `undefined` and the caller decodes with the general zlib path,
// which reports errors exactly as before. So it never has to be right about an error, only about a success, which
// the Adler-32 check (computed in closed form over the runs) backs up.
import { CL_ORDER, LEN_BASE, LEN_EXTRA } from "./deflate-rle.js";
import { giveUp, NotForUs, PixelRows } from "./label-pixels.js";

const ADLER_MOD = 65521;
/**
 * The Adler-32 sums are reduced lazily, once B passes this (A <= B always): small enough that the products in the
 * closed-form run updates stay exact in doubles.
 */
const ADLER_LAZY_MAX = 2 ** 40;
/** Zero runs shorter than this update the sums lazily: B <= 2^40 + 2^24 * 2^28 stays below 2^53. */
const ADLER_RUN_MAX = 2 ** 28;

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
 * What the decoder carries from block to block: the last output byte (what a distance-1 match repeats, -1 before
 * the first) and the Adler-32 sums of the output, reduced lazily (see {@link ADLER_LAZY_MAX}).
 */
class OutputState {
  last = -1;
  a = 1;
  b = 0;

  get adler(): number {
    return ((this.b % ADLER_MOD) * 65536 + (this.a % ADLER_MOD)) >>> 0;
  }

  addByte(v: number): void {
    this.a += v;
    this.b += this.a;
    if (this.b > ADLER_LAZY_MAX) this.reduce();
    this.last = v;
  }

  /** `n` copies of `v`, in closed form. */
  addRepeat(v: number, n: number): void {
    this.reduce();
    for (let left = n; left > 0; ) {
      const k = Math.min(left, 1 << 16);
      this.b = (this.b + this.a * k + v * ((k * (k + 1)) / 2)) % ADLER_MOD;
      this.a = (this.a + v * k) % ADLER_MOD;
      left -= k;
    }
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
    return inflateInto(z, new PixelRows(width, height, allocUnsafe));
  } catch (e) {
    if (e instanceof NotForUs) return undefined;
    throw e;
  }
}

interface BlockCodes {
  lit: Int32Array;
  litBits: number;
  dist: Int32Array;
  /** 0: the block has no distance codes. */
  distBits: number;
}

let fixedCodes: BlockCodes | undefined;
let dynamicCodes: BlockCodes | undefined;
function fixed(): BlockCodes {
  if (!fixedCodes) {
    const lens = new Uint8Array(288);
    lens.fill(8, 0, 144);
    lens.fill(9, 144, 256);
    lens.fill(7, 256, 280);
    lens.fill(8, 280, 288);
    const lit = new Int32Array(1 << 9);
    const dist = new Int32Array(1 << 5);
    // (Distance codes 30 and 31 are invalid; any distance but 1 gives up anyway.)
    fixedCodes = {
      lit,
      litBits: buildTable(lens, 288, lit, false),
      dist,
      distBits: buildTable(new Uint8Array(32).fill(5), 32, dist, false),
    };
  }
  return fixedCodes;
}

/** Read a dynamic block's code lengths and build its tables into `into`. */
function readDynamicCodes(br: BitReader, into: BlockCodes): BlockCodes {
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
  const distLens = lens.subarray(hlit);
  into.litBits = buildTable(lens, hlit, into.lit, true);
  // A block of literals only may have no distance codes at all.
  into.distBits = distLens.some((l) => l > 0) ? buildTable(distLens, hdist, into.dist, true) : 0;
  return into;
}

/** Copy a stored block's bytes to the sink. */
function storedBlock(br: BitReader, sink: PixelRows, state: OutputState): void {
  br.alignToByte();
  const len = br.bits(16);
  if ((len ^ 0xffff) !== br.bits(16)) giveUp();
  br.alignToByte();
  if (br.pos + len > br.z.length) giveUp();
  for (let i = 0; i < len; i++) {
    const v = br.z[br.pos + i] as number;
    sink.byte(v);
    state.addByte(v);
  }
  br.pos += len;
}

/**
 * The symbols of one Huffman-coded block, up to its end-of-block code. The hot loop of this decoder: it keeps
 * the bit buffer, the last byte and the Adler-32 sums in locals (a few times faster than object fields) and stores
 * them back. The bit buffer stays below 2^31, so `>>` is a plain int32 shift. Past the end of `z` (only a broken
 * stream gets there: a valid one ends with the 4-byte Adler-32), `z[pos]` is undefined, which shifts in as zero bits,
 * what BitReader reads there too; that costs less than testing `pos` on every byte (3-4% of the decode).
 */
function huffmanBlock(br: BitReader, sink: PixelRows, codes: BlockCodes, state: OutputState): void {
  const { z } = br;
  const { lit, dist, distBits } = codes;
  const litMask = (1 << codes.litBits) - 1;
  // The bits of "length 258 (symbol 285), distance 1 (distance code 0)", if this block has both codes.
  const len258 = codeOf(lit, codes.litBits, 285);
  const dist1 = distBits > 0 ? codeOf(dist, distBits, 0) : 0;
  const longRunBits = (len258 & 15) + (dist1 & 15);
  const hasLongRun = len258 !== 0 && dist1 !== 0 && longRunBits <= 24;
  const longRun = (len258 >> 4) | ((dist1 >> 4) << (len258 & 15));
  const longRunMask = (1 << longRunBits) - 1;
  let pos = br.pos;
  let buf = br.buf;
  let count = br.count;
  let last = state.last;
  let a = state.a;
  let b = state.b;
  // Zero bytes decoded but not yet given to the sink: consecutive matches of zeros (a long run is usually several)
  // reach it as one `zeros` call, i.e. one fill on a Sub row.
  let pendingZeros = 0;
  for (;;) {
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
    const sym = e >> 4;
    if (sym < 256) {
      if (pendingZeros !== 0) {
        sink.zeros(pendingZeros);
        pendingZeros = 0;
      }
      // sink.byte(sym), inlined for its common case: an R, G or B byte inside a pixel (keep the two in step). The
      // pixel state stays in the sink's fields: copying it into locals too measured 0-17% slower (register spills).
      const bi = sink.bi;
      if (bi < 3 && sink.col !== 0) {
        sink.d |= sym << (bi << 3);
        sink.bi = bi + 1;
        sink.col++;
      } else sink.byte(sym);
      last = sym;
      a += sym;
      b += a;
      if (b > ADLER_LAZY_MAX) {
        a %= ADLER_MOD;
        b %= ADLER_MOD;
      }
      continue;
    }
    if (sym === 256) break;
    const li = sym - 257;
    if (li >= 29) giveUp();
    const extra = LEN_EXTRA[li] as number;
    const len = (LEN_BASE[li] as number) + (buf & ((1 << extra) - 1));
    buf >>= extra;
    count -= extra;
    // The distance: code 0 is distance 1 (no extra bits); any other is the general path's job.
    if (distBits === 0) giveUp();
    while (count < 15) {
      buf |= (z[pos] as number) << count;
      pos++;
      count += 8;
    }
    const de = dist[buf & ((1 << distBits) - 1)] as number;
    if (de === 0 || de >> 4 !== 0 || last < 0) giveUp();
    buf >>= de & 15;
    count -= de & 15;
    let total = len;
    if (len === 258 && hasLongRun) {
      // Long runs are sequences of identical maximal matches: take them a whole pattern at a time.
      for (;;) {
        while (count < longRunBits) {
          buf |= (z[pos] as number) << count;
          pos++;
          count += 8;
        }
        if ((buf & longRunMask) !== longRun) break;
        buf >>= longRunBits;
        count -= longRunBits;
        total += 258;
      }
    }
    // (A non-zero `last` came from a literal, which gave the pending zeros to the sink.)
    if (last === 0) pendingZeros += total;
    else sink.repeatByte(last, total);
    if (last === 0 && total < ADLER_RUN_MAX) {
      // Adler-32 of `total` zeros: B grows by `total` times A, reduced lazily like the literals' sums (an integer
      // division per run cost ~7% of this loop). With A < 2^24 the product stays exact.
      if (a >= 2 ** 24) a %= ADLER_MOD;
      b += a * total;
      if (b > ADLER_LAZY_MAX) {
        a %= ADLER_MOD;
        b %= ADLER_MOD;
      }
    } else {
      state.a = a;
      state.b = b;
      state.addRepeat(last, total);
      a = state.a;
      b = state.b;
    }
  }
  if (pendingZeros !== 0) sink.zeros(pendingZeros);
  br.pos = pos;
  br.buf = buf;
  br.count = count;
  state.last = last;
  state.a = a;
  state.b = b;
}

function inflateInto(z: Uint8Array, sink: PixelRows): Uint32Array | undefined {
  if (z.length < 2) giveUp();
  const cmf = z[0] as number;
  const flg = z[1] as number;
  // Deflate, window <= 32 kB, header checksum, no preset dictionary.
  if ((cmf & 15) !== 8 || cmf >> 4 > 7 || (cmf * 256 + flg) % 31 !== 0 || flg & 32) giveUp();
  const br = new BitReader(z);
  // The tables of dynamic blocks, shared by all calls (decoding is synchronous): 256 kB not to allocate each time.
  dynamicCodes ??= { lit: new Int32Array(1 << 15), litBits: 0, dist: new Int32Array(1 << 15), distBits: 0 };
  const dynamic = dynamicCodes;
  const state = new OutputState();
  let final = 0;
  while (!final) {
    if (br.pastEnd) giveUp();
    final = br.bits(1);
    const type = br.bits(2);
    if (type === 0) storedBlock(br, sink, state);
    else if (type === 1) huffmanBlock(br, sink, fixed(), state);
    else if (type === 2) huffmanBlock(br, sink, readDynamicCodes(br, dynamic), state);
    else giveUp();
  }
  // The Adler-32 trailer, big-endian, at the next byte boundary.
  br.alignToByte();
  const p = br.pos;
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
