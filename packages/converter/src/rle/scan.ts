/**
 * The run scan behind `encodeCounts` (pycocotools `rleEncode` in `maskApi.c`): the positions, in column-major order,
 * where the mask flips between background and foreground, turned into run lengths.
 *
 * Written by hand because the plain per-byte loop is the cost of every RLE export: masks are mostly long runs, so
 * both scans read 4 bytes at a time through a `Uint32Array` view and look at single bytes only in words where a
 * flip can be (bench/index.ts prints the ratio to a plain typed-array scan).
 * - Column-major masks: a word is skipped when all 4 bytes are zero (inside a background run) or none is (inside
 *   a foreground run; "has a zero byte" is the classic `(w - 0x01010101) & ~w & 0x80808080` test).
 * - Row-major masks: a flip in column order is a pixel that differs from the pixel above it, so rows are compared
 *   with the row above, word by word, reading memory in order (a column walk strides by the width and misses the
 *   cache); flips are then bucketed by column.
 */

const ONES = 0x01010101;
const HIGHS = 0x80808080;

/** A `Uint32Array` over `data[from...]` when `from` is 4-byte aligned in the buffer, else `undefined`. */
function wordsOf(data: Uint8Array, from: number): Uint32Array | undefined {
  const offset = data.byteOffset + from;
  if (offset % 4 !== 0) return undefined;
  return new Uint32Array(data.buffer, offset, (data.length - from) >>> 2);
}

/** Run lengths of a column-major mask (first run background, as pycocotools). */
export function columnMajorCounts(data: Uint8Array): number[] {
  const n = data.length;
  const counts: number[] = [];
  // `state` and `start` stay local (no closure): the word loop reads `state` for every word.
  let state = 0;
  let start = 0;
  // bytes up to the first 4-byte boundary, then words, then the tail
  const head = Math.min(n, (4 - (data.byteOffset % 4)) % 4);
  const words = wordsOf(data, head) ?? new Uint32Array(0);
  const end = words.length;
  let k = -1;
  let j = 0;
  while (j < n) {
    if (j >= head && k < end) {
      // word-aligned: skip 16 bytes, then single words, while they continue the run
      k = (j - head) >>> 2;
      if (k + 4 <= end) {
        const w0 = words[k] as number;
        const w1 = words[k + 1] as number;
        const w2 = words[k + 2] as number;
        const w3 = words[k + 3] as number;
        const inRun =
          state === 0
            ? (w0 | w1 | w2 | w3) === 0
            : ((((w0 - ONES) & ~w0) | ((w1 - ONES) & ~w1) | ((w2 - ONES) & ~w2) | ((w3 - ONES) & ~w3)) &
                HIGHS) ===
              0;
        if (inRun) {
          j += 16;
          continue;
        }
      }
      if (k < end) {
        const w = words[k] as number;
        if (state === 0 ? w === 0 : ((w - ONES) & ~w & HIGHS) === 0) {
          j += 4;
          continue;
        }
      }
    }
    // a byte where a flip may be (unaligned head, a mixed word, or the tail)
    const stop = j >= head && k < end ? j + 4 : j + 1;
    for (; j < stop && j < n; j++) {
      if ((data[j] === 0 ? 0 : 1) !== state) {
        counts.push(j - start);
        start = j;
        state ^= 1;
      }
    }
  }
  counts.push(n - start);
  return counts;
}

/** A growable list of (column, row) flips. */
class Flips {
  xs = new Int32Array(1024);
  ys = new Int32Array(1024);
  length = 0;

  add(x: number, y: number): void {
    if (this.length === this.xs.length) {
      const xs = new Int32Array(this.length * 2);
      const ys = new Int32Array(this.length * 2);
      xs.set(this.xs);
      ys.set(this.ys);
      this.xs = xs;
      this.ys = ys;
    }
    this.xs[this.length] = x;
    this.ys[this.length++] = y;
  }
}

/** Flips of rows 1..h-1 (a pixel unlike the one above it), in row order. */
function rowFlips(data: Uint8Array, w: number, h: number, flips: Flips): void {
  const words = w % 4 === 0 ? wordsOf(data, 0) : undefined;
  const wordsPerRow = w >>> 2;
  for (let y = 1; y < h; y++) {
    const row = y * w;
    const above = row - w;
    if (words === undefined) {
      for (let x = 0; x < w; x++) if ((data[row + x] === 0) !== (data[above + x] === 0)) flips.add(x, y);
      continue;
    }
    const rowWord = row >>> 2;
    const aboveWord = above >>> 2;
    let k = 0;
    while (k < wordsPerRow) {
      // 16 bytes at a time while they equal the row above, then single words
      if (
        k + 4 <= wordsPerRow &&
        ((words[rowWord + k] as number) ^ (words[aboveWord + k] as number)) === 0 &&
        ((words[rowWord + k + 1] as number) ^ (words[aboveWord + k + 1] as number)) === 0 &&
        ((words[rowWord + k + 2] as number) ^ (words[aboveWord + k + 2] as number)) === 0 &&
        ((words[rowWord + k + 3] as number) ^ (words[aboveWord + k + 3] as number)) === 0
      ) {
        k += 4;
        continue;
      }
      if (words[rowWord + k] !== words[aboveWord + k])
        for (let x = 4 * k; x < 4 * k + 4; x++)
          if ((data[row + x] === 0) !== (data[above + x] === 0)) flips.add(x, y);
      k++;
    }
  }
}

/** Run lengths of a row-major `w` x `h` mask, counted column by column (first run background). */
export function rowMajorCounts(data: Uint8Array, w: number, h: number): number[] {
  if (w === 0 || h === 0) return [0];
  const flips = new Flips();
  // Row 0: pixel (x, 0) follows (x - 1, h - 1) in column order; the first pixel follows background.
  for (let x = 0; x < w; x++) {
    const previous = x === 0 ? true : data[(h - 1) * w + x - 1] === 0;
    if ((data[x] === 0) !== previous) flips.add(x, 0);
  }
  rowFlips(data, w, h, flips);
  // Bucket by column (stable: rows stay ascending within a column), then positions x * h + y -> run lengths.
  const start = new Int32Array(w + 1);
  for (let i = 0; i < flips.length; i++) {
    const x = flips.xs[i] as number;
    start[x + 1] = (start[x + 1] as number) + 1;
  }
  for (let x = 0; x < w; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const rows = new Int32Array(flips.length);
  const fill = start.slice(0, w);
  for (let i = 0; i < flips.length; i++) {
    const x = flips.xs[i] as number;
    const slot = fill[x] as number;
    rows[slot] = flips.ys[i] as number;
    fill[x] = slot + 1;
  }
  const counts: number[] = [];
  let last = 0;
  for (let x = 0; x < w; x++) {
    for (let i = start[x] as number; i < (start[x + 1] as number); i++) {
      const p = x * h + (rows[i] as number);
      counts.push(p - last);
      last = p;
    }
  }
  counts.push(w * h - last);
  return counts;
}
