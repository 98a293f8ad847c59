// The Huffman side of label-inflate.ts (RFC 1951 section 3.2): a bit reader over the zlib stream, single-level
// decoding tables, and each block's tables in the form the hot loop reads (BlockCodes). Like the rest of the inflater
// it gives up (NotForUs) on anything it does not take, and the general zlib path decodes the stream instead.
import { CL_ORDER, LEN_BASE, LEN_EXTRA } from "./deflate-rle.js";
import { giveUp } from "./label-pixels.js";

/**
 * Build a single-level Huffman decoding table (index: the next `bits` input bits, LSB first; entry: symbol << 4 |
 * code length, 0 = no such code) from code lengths, into `table`. Returns `bits`. Over-subscribed sets, and
 * incomplete ones except a single code of length 1 (which zlib accepts for literal/length and distance codes),
 * give up.
 */
export function buildTable(lens: Uint8Array, count: number, table: Int32Array, allowSingle: boolean): number {
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
export class BitReader {
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
 * A block's decoding tables (index: the next `bits` input bits, LSB first), with entries made for the hot loop:
 * - literal/length: `v << 4 | code length` for literal v (so below 4096), `256 << 4 | code length` for the end of
 *   the block, `LENGTH | base << 8 | extra bits << 4 | code length` for a length, 0 for no such code;
 * - distance: `distance << 4 | code length` for distances 1 and 4, 0 for any other (which gives up).
 */
export interface BlockCodes {
  lit: Int32Array;
  dist: Int32Array;
  /** The table index masks (a block without distance codes has a one-entry distance table of 0: no such code). */
  litMask: number;
  distMask: number;
  /** The bits of "length 258, distance 1", and how many (0 when the block lacks either code). */
  longRun: number;
  longRunBits: number;
}

/** Flags a literal/length table entry as a length (see {@link BlockCodes}). */
export const LENGTH = 1 << 20;

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
export function fixed(): BlockCodes {
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
export function readDynamicCodes(br: BitReader): BlockCodes {
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
