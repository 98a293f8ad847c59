// The second pass of label-inflate.ts: turns a batch of tokens (literal bytes and runs, see below) of inflated RGBA8
// rows into ids, pixel by pixel, with no row buffer in between. Runs are where the time is saved:
// - a run of zero bytes over whole pixels means "these pixels equal their predictor": one `fill` of the left id on a
//   Sub row, nothing at all on an Up row (which starts as one copy of the row above);
// - a run of the last four bytes (a distance-4 match) over whole pixels repeats one pixel difference: on an Up row,
//   the same difference added to each pixel above, in a short loop.
import { addBytes, average, paeth } from "./label-rows.js";

/** Thrown to give up on the fast path; label-inflate.ts turns it into `undefined`, it never escapes. */
export class NotForUs extends Error {}
export const giveUp = (): never => {
  throw new NotForUs();
};

/**
 * The tokens label-inflate.ts hands over, in an Int32Array with a parallel `aux` array, at most this many at a time:
 * - 0..255: one literal byte;
 * - negative: -n zero bytes;
 * - `n << 9 | 256 | v`: n copies of the non-zero byte v (distance-1 matches of a non-zero byte: rare in label maps);
 * - `n << 9` (n >= 1): n bytes repeating the four bytes before them, in turn (a distance-4 match); `aux` at the same
 *   index holds those four bytes as a little-endian word (the oldest in the low byte).
 */
export const TOKEN_BATCH = 4096;

/**
 * Write a zero into every 4 kB page of a fresh output (whose every id is written later anyway), so that the
 * operating system maps its pages here, in one tight loop, rather than one at a time in the middle of the decode.
 * Large allocations usually are fresh pages, and each first touch is a page fault; a fault in the decode's loop
 * also leaves it running on cold caches and branch predictors afterwards (bench/RESULTS.md has the figures).
 */
function touchPages(ids: Uint32Array): void {
  for (let i = 0; i < ids.length; i += 1024) ids[i] = 0;
}

/** Filter types, as the predictor a pixel is added to (row 0 has no row above: Up is None there, and so on). */
const NONE = 0;
const SUB = 1;
const UP = 2;
const AVERAGE = 3;
const PAETH = 4;

/**
 * The id of pixel `i` (in `ids`) with R, G, B difference `d` on a row with predictor `filter`, `left` being the id to
 * its left: Sub and Up here, the rare others through the sink.
 */
const predict = (
  rows: PixelRows,
  filter: number,
  d: number,
  left: number,
  ids: Uint32Array,
  i: number,
): number =>
  filter === SUB
    ? addBytes(d, left)
    : filter === UP
      ? addBytes(d, ids[i] as number)
      : rows.predicted(d, left, i);

/** Receives the inflated bytes as tokens ({@link consume}) and writes the ids. */
export class PixelRows {
  y = 0;
  /** The current row's predictor (one of the constants above). */
  filter = NONE;
  /** Bytes of the current pixel received (0-3), or -1 when a row's filter byte comes next. */
  bi = -1;
  /** The R, G, B bytes of the current pixel's difference received so far. */
  d = 0;
  /** Index in `ids` of the current pixel, and of the end of the current row. */
  i = 0;
  rowEnd = 0;
  /** The id of the pixel to the left (0 at a row's start). */
  left = 0;
  /**
   * Where ids are written: a one-row scratch for row 0, then the output, allocated when row 0 is complete (other
   * encoders' streams are usually given up before) with row 0 copied in. Both are indexed by `i`.
   */
  ids: Uint32Array;
  /** Whether `ids` started zero-filled (then Sub runs of id 0, most of a label map, need no write at all). */
  zeroed = true;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly allocUnsafe: ((bytes: number) => Uint8Array) | undefined,
  ) {
    this.ids = new Uint32Array(width);
  }

  /** Every row received, nothing more. */
  get done(): boolean {
    return this.y === this.height && this.bi === -1;
  }

  /** The ids, once {@link done}. */
  get out(): Uint32Array {
    return this.ids;
  }

  /**
   * The hot loop of the second pass: tokens `[0, n)`. The pixel state lives in locals here and is stored back at the
   * end; the rare paths (runs of a non-zero byte, None/Average/Paeth pixels, row ends) go through methods. Longer than
   * the package's other functions on purpose, for those locals (see README.md in this folder).
   */
  consume(tok: Int32Array, aux: Int32Array, n: number): void {
    const width = this.width;
    let { ids, i, rowEnd, filter, bi, d, left } = this;
    for (let t = 0; t < n; t++) {
      const v = tok[t] as number;
      if (v >= 0 && v < 256) {
        if (bi >= 0) {
          // An R, G or B byte of the current pixel's difference, or its alpha byte, which completes it.
          if (bi < 3) {
            d |= v << (bi << 3);
            bi++;
            continue;
          }
          left = predict(this, filter, d, left, ids, i);
          ids[i++] = left;
          d = 0;
          bi = 0;
          if (i === rowEnd) {
            bi = -1;
            ids = this.endRow();
          }
          continue;
        }
        filter = this.startRow(v, i);
        left = 0;
        bi = 0;
        rowEnd = i + width;
        continue;
      }
      if (v < 0) {
        // A run of zero bytes: the rest of the current pixel, whole pixels equal to their predictor, the first
        // bytes of the next one; across row ends too (a zero filter byte starts a None row).
        let z = -v;
        while (z > 0) {
          if (bi > 0) {
            const take = Math.min(4 - bi, z);
            bi += take;
            z -= take;
            if (bi < 4) break;
            left = predict(this, filter, d, left, ids, i);
            ids[i++] = left;
            d = 0;
            bi = 0;
          } else if (bi === 0) {
            if (z < 4) {
              bi = z;
              break;
            }
            const k = Math.min(z >> 2, rowEnd - i);
            if (filter === SUB) {
              if (left !== 0 || !this.zeroed) ids.fill(left, i, i + k);
              i += k;
            } else if (filter === UP) i += k;
            else for (const end = i + k; i < end; i++) ids[i] = left = this.predicted(0, left, i);
            z -= k << 2;
          } else {
            filter = this.startRow(0, i);
            left = 0;
            bi = 0;
            rowEnd = i + width;
            z--;
            continue;
          }
          if (i === rowEnd) {
            bi = -1;
            ids = this.endRow();
          }
        }
        continue;
      }
      if ((v & 256) === 0) {
        // A distance-4 run of `m` bytes: four bytes (aux[t], oldest first) in turn. Given up on (the general path
        // takes such streams) at a row's filter byte, before four bytes exist, or across a row end.
        let m = v >>> 9;
        if (bi < 0 || (this.y === 0 && 4 * i + bi < 3) || m > 4 * (rowEnd - i) - bi) giveUp();
        // The four bytes rotated to pixel byte positions: byte bi of q is the run's first.
        const h = aux[t] as number;
        const q = bi === 0 ? h : (h << (8 * bi)) | (h >>> (32 - 8 * bi));
        if (bi > 0) {
          const take = Math.min(4 - bi, m);
          const rgbEnd = Math.min(bi + take, 3);
          if (rgbEnd > bi) d |= q & (((1 << (8 * rgbEnd)) - 1) ^ ((1 << (8 * bi)) - 1));
          bi += take;
          m -= take;
          if (bi < 4) continue;
          left = predict(this, filter, d, left, ids, i);
          ids[i++] = left;
          d = 0;
          bi = 0;
        }
        // Whole pixels with the difference q, then the first bytes of the next.
        const dq = q & 0xffffff;
        const end = i + (m >> 2);
        if (filter === UP) for (; i < end; i++) ids[i] = addBytes(dq, ids[i] as number);
        else if (filter === SUB) for (; i < end; i++) ids[i] = left = addBytes(dq, left);
        else for (; i < end; i++) ids[i] = left = this.predicted(dq, left, i);
        bi = m & 3;
        d = q & ((1 << (8 * bi)) - 1) & 0xffffff;
        if (i === rowEnd) {
          bi = -1;
          ids = this.endRow();
        }
        continue;
      }
      // n copies of a non-zero byte: byte by byte, through the fields.
      this.save(i, rowEnd, filter, bi, d, left);
      this.repeatByte(v & 255, v >>> 9);
      ({ ids, i, rowEnd, filter, bi, d, left } = this);
    }
    this.save(i, rowEnd, filter, bi, d, left);
  }

  private save(i: number, rowEnd: number, filter: number, bi: number, d: number, left: number): void {
    this.i = i;
    this.rowEnd = rowEnd;
    this.filter = filter;
    this.bi = bi;
    this.d = d;
    this.left = left;
  }

  /** `n` copies of the byte v, one at a time (the same steps as {@link consume}, through the fields). */
  private repeatByte(v: number, n: number): void {
    for (let k = 0; k < n; k++) {
      if (this.bi < 0) {
        this.filter = this.startRow(v, this.i);
        this.left = 0;
        this.bi = 0;
        this.rowEnd = this.i + this.width;
      } else if (this.bi < 3) {
        this.d |= v << (this.bi << 3);
        this.bi++;
      } else {
        const { d, ids, i, filter, left } = this;
        const p = predict(this, filter, d, left, ids, i);
        ids[i] = p;
        this.left = p;
        this.i = i + 1;
        this.d = 0;
        this.bi = 0;
        if (this.i === this.rowEnd) {
          this.bi = -1;
          this.endRow();
        }
      }
    }
  }

  /** The id of pixel `i` with difference `d` on a None, Average or Paeth row (`left`: the id to its left). */
  predicted(d: number, left: number, i: number): number {
    const { ids, width } = this;
    switch (this.filter) {
      case NONE:
        return d;
      case AVERAGE:
        return addBytes(d, average(left, this.y === 0 ? 0 : (ids[i - width] as number)));
      default:
        return addBytes(
          d,
          paeth(left, ids[i - width] as number, i % width === 0 ? 0 : (ids[i - width - 1] as number)),
        );
    }
  }

  /** Start a row whose first pixel is at `i`, with filter byte `f`; returns its predictor. */
  private startRow(f: number, i: number): number {
    if (this.y === this.height || f > 4) giveUp(); // more data than IHDR implies; the general path reports a bad filter
    const { width } = this;
    let filter = f;
    if (this.y === 0) filter = f === UP ? NONE : f === PAETH ? SUB : f;
    // Up: the row starts as a copy of the row above, so pixels equal to it need no work.
    else if (f === UP) this.ids.copyWithin(i, i - width, i);
    this.filter = filter;
    return filter;
  }

  /** A row is complete; after row 0, move to the output. Returns where ids are written from now on. */
  private endRow(): Uint32Array {
    this.y++;
    if (this.y === 1) {
      const n = this.width * this.height;
      const mem = this.allocUnsafe?.(4 * n);
      const out = mem ? new Uint32Array(mem.buffer, mem.byteOffset, n) : new Uint32Array(n);
      touchPages(out);
      out.set(this.ids);
      this.ids = out;
      this.zeroed = !mem;
    }
    return this.ids;
  }
}
