// bitmap2file's compressor: the zlib stream of a label map's filtered RGBA rows, coded straight from the runs of equal
// ids. The first row is Sub-filtered, every other row Up-filtered: a row is then zero bytes where the id equals the
// one above, and the difference to the id above, repeated, over each piece where it does not. Zeros become runs
// (distance-1 matches, as zlib's Z_RLE strategy would code them) and a repeated difference a distance-4 match (one
// pixel's four bytes, again and again). Building those symbols from the runs skips both writing the filtered bytes
// (h * (4w + 1) of them, tens of megabytes for a 4K label) and scanning them again for matches.
import { byteOf, RleTokens } from "./deflate-rle.js";

/**
 * {@link RleTokens} fed byte by byte and pixel run by pixel run, with zero bytes held back so that adjacent ones
 * become one run.
 */
class LabelTokens extends RleTokens {
  /** Zero bytes not coded yet. */
  pending = 0;

  /** One byte of the stream. */
  byte(v: number): void {
    if (v === 0) this.pending++;
    else {
      this.flush();
      this.literal(v);
    }
  }

  /** Code the pending zeros: a run of the last byte if that is a zero, else a literal zero and a run of it. */
  flush(): void {
    let n = this.pending;
    if (n === 0) return;
    this.pending = 0;
    if (this.lastByte !== 0) {
      this.literal(0);
      n--;
    }
    this.repeat(1, n);
  }

  /** The R, G, B bytes of id p minus those of id `from`, byte by byte (mod 256, no borrows between bytes). */
  rgbDiff(p: number, from: number): void {
    const d = diffWord(p, from);
    this.byte(byteOf(d, 0));
    this.byte(byteOf(d, 1));
    this.byte(byteOf(d, 2));
  }

  /**
   * `count` pixels whose four filtered bytes are all `diff` (a little-endian word): the first bytes as they are, then
   * one distance-4 match from the first byte that the four bytes before it (the previous pixel's) already agree
   * with. After unchanged pixels (zeros), a difference in R alone is one literal and one match.
   */
  pixels(diff: number, count: number): void {
    const z = this.pending;
    const before = z >= 4 ? 0 : this.lastWord >>> (8 * z); // the four bytes before the pixels, pending zeros included
    let start = 4;
    while (start > 0 && byteOf(diff, start - 1) === byteOf(before, start - 1)) start--;
    for (let j = 0; j < start; j++) this.byte(byteOf(diff, j));
    const rest = 4 * count - start;
    if (rest >= 3) {
      this.flush();
      this.repeat(4, rest);
    } else for (let j = start; j < 4; j++) this.byte(byteOf(diff, j));
  }
}

/** The per-byte difference of the R, G, B bytes of two ids (mod 256 each), alpha difference 0, as a word. */
const diffWord = (p: number, from: number) =>
  ((p - from) & 0xff) | ((p - (from & 0xff00)) & 0xff00) | ((p - (from & 0xff0000)) & 0xff0000);

/** The runs of equal ids of one row: where each starts (pixel offset in the row) and its id. */
class RowRuns {
  readonly starts: Int32Array;
  readonly values: Uint32Array;
  count = 0;
  constructor(width: number) {
    this.starts = new Int32Array(width);
    this.values = new Uint32Array(width);
  }
}

/** A row cut where its id or the id above changes: each piece's end (exclusive), its id and the id above it. */
class Pieces {
  readonly ends: Int32Array;
  readonly values: Uint32Array;
  readonly above: Uint32Array;
  count = 0;
  constructor(width: number) {
    // Each piece ends where one of the two rows has a run boundary: at most 2 * width of them.
    this.ends = new Int32Array(2 * width);
    this.values = new Uint32Array(2 * width);
    this.above = new Uint32Array(2 * width);
  }
}

/**
 * zlib stream (RFC 1950) of the PNG rows of a label map, RGBA8, where id = R + 256 G + 65536 B and alpha is 255.
 * The first row is Sub-filtered and every other row Up-filtered, so a row is the filter byte then the byte-wise
 * differences (mod 256) to the left or upper pixel. Coded with literals and matches at distances 1 and 4 only, in one
 * dynamic-Huffman block.
 *
 * Ids must be below 2^24: the rows are coded first and then, if any id has bits above the 24th, the result of
 * `badId()` is thrown instead of returning (the caller can name the offending pixel in its own terms).
 */
export function deflateLabelRows(
  ids: Uint32Array,
  width: number,
  height: number,
  badId: () => Error = () => new RangeError("instance id >= 2^24: label PNGs store 24-bit ids"),
): Uint8Array {
  // Capacity for ~16 changes per row plus the zero runs between them; the token buffer grows if needed.
  const t = new LabelTokens(height * (80 + ((width * 4) >> 8)));
  const acc = codeRows(ids, width, height, t);
  if (acc & 0xff000000) throw badId();
  t.flush();
  return t.finish();
}

/**
 * Feed the filtered rows to `t`, touching only the pixels where the id changes; returns the OR of every run's id,
 * which has a bit above the 24th exactly when some id does.
 *
 * Why Up on every row but the first: in a label map the boundaries between instances stay put or move by a few
 * pixels from one row to the next, so against the row above only a few short pieces change, each coded as one
 * difference and a distance-4 match. Sub would code a difference at every run boundary instead. Both give files of
 * about the same symbol count, but the decoder copies the row above in one call and patches a few pixels, where a
 * Sub row costs one `fill` per run (the comparison with a per-row choice of filters: bench/RESULTS.md).
 */
function codeRows(ids: Uint32Array, width: number, height: number, t: LabelTokens): number {
  let runs = new RowRuns(width);
  let above = new RowRuns(width);
  const pieces = new Pieces(width);
  let acc = 0;
  for (let y = 0; y < height; y++) {
    acc |= scanRuns(ids, y * width, width, runs);
    if (y === 0) emitSub(t, runs, width);
    else {
      cutAgainstAbove(runs, above, width, pieces);
      emitUp(t, pieces);
    }
    [runs, above] = [above, runs];
  }
  return acc;
}

/** Fill `runs` with the runs of row `ids[r .. r + width)`; returns the OR of their ids. */
function scanRuns(ids: Uint32Array, r: number, width: number, runs: RowRuns): number {
  // Runs are skipped two pixels at a time by comparing the ids as float64s (a pair of equal valid ids is a finite
  // float, and float equality is bit equality except for -0 === +0, which zero runs check with Object.is).
  const s0 = ids.byteOffset & 7 ? 1 : 0;
  const pairs = new Float64Array(ids.buffer, ids.byteOffset + 4 * s0, (ids.length - s0) >> 1);
  const { starts, values } = runs;
  const end = r + width;
  let left = ids[r] as number;
  let acc = left;
  starts[0] = 0;
  values[0] = left;
  let count = 1;
  let i = r + 1;
  while (i < end) {
    if (((i - s0) & 1) === 0 && i + 1 < end && ids[i] === left && ids[i + 1] === left) {
      const k0 = (i - s0) >> 1;
      const kEnd = (end - s0) >> 1;
      const v = pairs[k0] as number;
      let k = k0 + 1;
      if (v !== 0) while (k < kEnd && pairs[k] === v) k++;
      else while (k < kEnd && Object.is(pairs[k], 0)) k++;
      i = s0 + 2 * k;
      continue;
    }
    const p = ids[i] as number;
    if (p !== left) {
      starts[count] = i - r;
      values[count] = p;
      count++;
      acc |= p;
      left = p;
    }
    i++;
  }
  runs.count = count;
  return acc;
}

/**
 * Cut the row where its id or the id above changes, walking the two rows' run lists together (the cost is the
 * number of runs, not the width), into `pieces`.
 */
function cutAgainstAbove(runs: RowRuns, above: RowRuns, width: number, pieces: Pieces): void {
  let count = 0;
  let i = 0;
  let j = 0;
  let x = 0;
  while (x < width) {
    const runEnd = i + 1 < runs.count ? (runs.starts[i + 1] as number) : width;
    const aboveEnd = j + 1 < above.count ? (above.starts[j + 1] as number) : width;
    const e = Math.min(runEnd, aboveEnd);
    pieces.ends[count] = e;
    pieces.values[count] = runs.values[i] as number;
    pieces.above[count] = above.values[j] as number;
    count++;
    x = e;
    if (e === runEnd) i++;
    if (e === aboveEnd) j++;
  }
  pieces.count = count;
}

/** Code a Sub row: the first pixel against 0 (its alpha is 255), then one difference per run, zeros elsewhere. */
function emitSub(t: LabelTokens, runs: RowRuns, width: number): void {
  const { starts, values, count } = runs;
  t.byte(1);
  let left = 0;
  for (let k = 0; k < count; k++) {
    const v = values[k] as number;
    const len = (k + 1 < count ? (starts[k + 1] as number) : width) - (starts[k] as number);
    t.rgbDiff(v, left);
    if (k === 0) t.byte(255);
    else t.pending++; // alpha difference
    t.pending += 4 * (len - 1); // equal pixels: four zero bytes each
    left = v;
  }
}

/** Code an Up row: zeros where the id equals the one above, the difference to it, repeated, over other pieces. */
function emitUp(t: LabelTokens, pieces: Pieces): void {
  const { ends, values, above, count } = pieces;
  t.byte(2);
  let x = 0;
  for (let k = 0; k < count; k++) {
    const e = ends[k] as number;
    const v = values[k] as number;
    const u = above[k] as number;
    if (v === u) t.pending += 4 * (e - x);
    else t.pixels(diffWord(v, u), e - x);
    x = e;
  }
}
