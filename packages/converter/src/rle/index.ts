/**
 * COCO run-length encoding, bit-for-bit compatible with pycocotools (`common/maskApi.c`).
 *
 * Written from the documented algorithm (see the package README); pycocotools is the spec, not the source. There is
 * no maintained JS library for COCO RLE, so this is our own implementation.
 *
 * Conventions:
 * - Masks passed in and returned are **row-major** (`data[y * width + x]`, like ImageData) unless `order:
 *   "column-major"` is given; RLE counts always run column by column (`x * height + y`), as pycocotools does.
 * - Any non-zero byte is foreground (pycocotools compares raw bytes, which only differs for masks with 3+ values).
 */
import { ConversionError } from "../errors.js";
import { checkPixels, resolveMaxPixels } from "../limits.js";

/** A COCO RLE with compressed `counts` (the ASCII string pycocotools produces). */
export interface Rle {
  /** `[height, width]`. */
  size: [number, number];
  counts: string;
}

/** A COCO RLE with uncompressed `counts` (as found in `iscrowd: 1` annotations of COCO instance files). */
export interface UncompressedRle {
  size: [number, number];
  counts: number[];
}

/** A binary mask: `data[y * width + x]` (row-major) unless stated otherwise; non-zero is foreground. */
export interface BinaryMask {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixel order of a mask buffer. */
export type MaskOrder = "row-major" | "column-major";

/** Counts plus size: the in-memory working form. */
interface Runs {
  h: number;
  w: number;
  counts: ArrayLike<number>;
}

function checkSize(size: unknown, field = "size"): [number, number] {
  if (
    !Array.isArray(size) ||
    size.length !== 2 ||
    !size.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0)
  ) {
    throw new ConversionError(`RLE size must be [height, width] of non-negative integers`, { field });
  }
  return [size[0] as number, size[1] as number];
}

/**
 * Encodes an uncompressed count list into the compressed COCO `counts` string (pycocotools `rleToString`).
 *
 * @example
 * ```ts
 * countsToString([4, 2, 2, 3, 2, 2, 4, 1]); // "42210O2O"
 * ```
 */
export function countsToString(counts: ArrayLike<number>): string {
  const out: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    let x = counts[i] as number;
    if (i > 2) x -= counts[i - 2] as number;
    let more = true;
    while (more) {
      let c = x & 0x1f; // low 5 bits; correct for negative x (two's complement)
      x = Math.floor(x / 32); // arithmetic shift, exact beyond 32 bits
      more = c & 0x10 ? x !== -1 : x !== 0;
      if (more) c |= 0x20;
      out.push(c + 48);
    }
  }
  // Chunked to stay under the argument-count limit of String.fromCharCode.
  let s = "";
  for (let i = 0; i < out.length; i += 8192) s += String.fromCharCode(...out.slice(i, i + 8192));
  return s;
}

/**
 * Decodes a compressed COCO `counts` string into counts (pycocotools `rleFrString`).
 * Throws {@link ConversionError} on characters outside `'0'..'o'` or a truncated string.
 *
 * @example
 * ```ts
 * stringToCounts("42210O2O"); // [4, 2, 2, 3, 2, 2, 4, 1]
 * ```
 */
export function stringToCounts(s: string): number[] {
  const counts: number[] = [];
  let p = 0;
  while (p < s.length) {
    let x = 0;
    let k = 0;
    let more = true;
    while (more) {
      if (p >= s.length) throw new ConversionError("truncated RLE counts string", { field: "counts" });
      const c = s.charCodeAt(p) - 48;
      if (c < 0 || c > 63) {
        throw new ConversionError(`invalid character ${JSON.stringify(s[p])} at ${p} in RLE counts string`, {
          field: "counts",
        });
      }
      x += (c & 0x1f) * 2 ** (5 * k);
      more = (c & 0x20) !== 0;
      p++;
      k++;
      if (!more && c & 0x10) x -= 2 ** (5 * k); // sign extension
    }
    const m = counts.length;
    if (m > 2) x += counts[m - 2] as number;
    counts.push(((x % 2 ** 32) + 2 ** 32) % 2 ** 32); // stored as uint32, as in C
  }
  return counts;
}

function runsOf(rle: Rle | UncompressedRle, field = "segmentation"): Runs {
  if (rle === null || typeof rle !== "object") throw new ConversionError("RLE must be an object", { field });
  const [h, w] = checkSize(rle.size, `${field}.size`);
  let counts: number[];
  if (typeof rle.counts === "string") counts = stringToCounts(rle.counts);
  else if (Array.isArray(rle.counts)) {
    for (const c of rle.counts) {
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0) {
        throw new ConversionError("RLE counts must be non-negative integers", { field: `${field}.counts` });
      }
    }
    counts = rle.counts;
  } else throw new ConversionError("RLE counts must be a string or an array", { field: `${field}.counts` });
  return { h, w, counts };
}

function toRle(runs: Runs): Rle {
  return { size: [runs.h, runs.w], counts: countsToString(runs.counts) };
}

/**
 * Converts an uncompressed RLE (counts list) into a compressed one (pycocotools `frPyObjects` on an RLE dict).
 *
 * @example
 * ```ts
 * compressRle({ size: [3, 3], counts: [0, 9] }); // { size: [3, 3], counts: "09" }
 * ```
 */
export function compressRle(rle: UncompressedRle): Rle {
  return toRle(runsOf(rle));
}

/**
 * Converts a compressed RLE into one with a counts list.
 *
 * @example
 * ```ts
 * decompressRle({ size: [3, 3], counts: "09" }); // { size: [3, 3], counts: [0, 9] }
 * ```
 */
export function decompressRle(rle: Rle | UncompressedRle): UncompressedRle {
  const runs = runsOf(rle);
  return { size: [runs.h, runs.w], counts: Array.from(runs.counts) };
}

/**
 * Encodes a binary mask (pycocotools `mask.encode`).
 *
 * @example
 * ```ts
 * const rle = encode({ width: 3, height: 3, data: new Uint8Array(9).fill(1) }); // { size: [3, 3], counts: "09" }
 * ```
 */
export function encode(mask: BinaryMask, options: { order?: MaskOrder } = {}): Rle {
  return { size: [mask.height, mask.width], counts: countsToString(encodeCounts(mask, options)) };
}

/**
 * Encodes a binary mask into uncompressed counts (column-major runs, first run is background).
 *
 * @example
 * ```ts
 * encodeCounts({ width: 2, height: 1, data: Uint8Array.of(0, 1) }); // [1, 1]
 * ```
 */
export function encodeCounts(mask: BinaryMask, options: { order?: MaskOrder } = {}): number[] {
  const { width: w, height: h, data } = mask;
  if (data.length !== w * h) {
    throw new ConversionError(`mask has ${data.length} pixels, expected ${w}x${h}`, { field: "data" });
  }
  const counts: number[] = [];
  let previous = 0;
  let run = 0;
  if (options.order === "column-major") {
    for (let i = 0; i < data.length; i++) {
      const v = data[i] === 0 ? 0 : 1;
      if (v !== previous) {
        counts.push(run);
        run = 0;
        previous = v;
      }
      run++;
    }
  } else {
    for (let x = 0; x < w; x++) {
      for (let i = x; i < data.length; i += w) {
        const v = data[i] === 0 ? 0 : 1;
        if (v !== previous) {
          counts.push(run);
          run = 0;
          previous = v;
        }
        run++;
      }
    }
  }
  counts.push(run);
  return counts;
}

/**
 * Decodes an RLE (compressed or not) into a binary mask of 0/1 bytes (pycocotools `mask.decode`).
 * Throws {@link ConversionError} when the counts do not add up to `height * width`, or when the mask would have more
 * than `maxPixels` pixels (default 2^28, checked from `size` before anything is allocated).
 *
 * @example
 * ```ts
 * const mask = decode({ size: [4, 5], counts: "42210O2O" });
 * mask.data[0 * 5 + 1]; // 1 (x=1, y=0)
 * ```
 */
export function decode(
  rle: Rle | UncompressedRle,
  options: { order?: MaskOrder; maxPixels?: number } = {},
): BinaryMask {
  // The size is the only thing the allocation depends on: check it before parsing the counts.
  if (rle !== null && typeof rle === "object") {
    const [h, w] = checkSize(rle.size, "segmentation.size");
    checkPixels("RLE mask", w, h, resolveMaxPixels(options.maxPixels), { field: "segmentation.size" });
  }
  const { h, w, counts } = runsOf(rle);
  let total = 0;
  for (let j = 0; j < counts.length; j++) total += counts[j] as number;
  if (total !== h * w) {
    throw new ConversionError(`RLE counts sum to ${total}, expected ${h}x${w} = ${h * w}`, {
      field: "counts",
    });
  }
  const data = new Uint8Array(h * w);
  let index = 0;
  const columnMajor = options.order === "column-major";
  for (let j = 0; j < counts.length; j++) {
    const n = counts[j] as number;
    if (j % 2 === 1) {
      if (columnMajor) data.fill(1, index, index + n);
      else {
        // Walk the run column by column; each column chunk is a strided fill in row-major order.
        let i = index;
        const end = index + n;
        while (i < end) {
          const x = Math.floor(i / h);
          let y = i - x * h;
          const stop = Math.min(end, (x + 1) * h);
          for (let k = i; k < stop; k++, y++) data[y * w + x] = 1;
          i = stop;
        }
      }
    }
    index += n;
  }
  return { width: w, height: h, data };
}

/**
 * Foreground pixel count (pycocotools `mask.area`).
 *
 * @example
 * ```ts
 * area({ size: [4, 5], counts: "42210O2O" }); // 8
 * ```
 */
export function area(rle: Rle | UncompressedRle): number {
  const { counts } = runsOf(rle);
  let a = 0;
  for (let j = 1; j < counts.length; j += 2) a += counts[j] as number;
  return a;
}

/**
 * Bounding box `[x, y, width, height]` of the foreground (pycocotools `mask.toBbox`).
 *
 * @example
 * ```ts
 * toBbox({ size: [4, 5], counts: "42210O2O" }); // [1, 0, 4, 4]
 * ```
 */
export function toBbox(rle: Rle | UncompressedRle): [number, number, number, number] {
  const { h, counts } = runsOf(rle);
  const m = Math.floor(counts.length / 2) * 2;
  if (m === 0) return [0, 0, 0, 0];
  let xs = Number.POSITIVE_INFINITY;
  let ys = Number.POSITIVE_INFINITY;
  let xe = 0;
  let ye = 0;
  let cc = 0;
  let xp = 0;
  for (let j = 0; j < m; j++) {
    cc += counts[j] as number;
    const t = cc - (j % 2);
    const y = t % h;
    const x = Math.floor(t / h);
    if (j % 2 === 0) xp = x;
    else if (xp < x) {
      ys = 0;
      ye = h - 1;
    }
    xs = Math.min(xs, x);
    xe = Math.max(xe, x);
    ys = Math.min(ys, y);
    ye = Math.max(ye, y);
  }
  return [xs, ys, xe - xs + 1, ye - ys + 1];
}

/**
 * Rasterises one polygon `[x1, y1, x2, y2, ...]` (pixel-edge coordinates) into an RLE exactly like pycocotools
 * `frPoly`: a pixel is inside when its centre is, after snapping vertices to a 1/5-pixel grid. Orientation and a
 * repeated closing vertex do not matter; parts outside the image are clipped.
 *
 * @example
 * ```ts
 * frPoly([10, 10, 20, 10, 20, 20, 10, 20], 30, 30).counts; // "f9:d000000000000000000R9"
 * ```
 */
export function frPoly(polygon: ArrayLike<number>, height: number, width: number): Rle {
  return toRle({ h: height, w: width, counts: frPolyCounts(polygon, height, width) });
}

/**
 * Boundary steps allowed per rasterised polygon: at least 2^24, and always enough for any polygon whose vertices lie
 * within about an image size of the image (each edge then takes at most `5 * (width + height)` steps). A vertex far
 * outside the image (a corrupt `1e9`) would otherwise cost billions of steps for pixels that are never drawn.
 */
function maxPolygonSteps(vertices: number, height: number, width: number): number {
  return Math.max(2 ** 24, 10 * vertices * (width + height + 1));
}

/** {@link frPoly} returning uncompressed counts. */
export function frPolyCounts(polygon: ArrayLike<number>, height: number, width: number): number[] {
  const h = height;
  const w = width;
  const k = Math.floor(polygon.length / 2);
  const scale = 5;
  const x = new Int32Array(k + 1);
  const y = new Int32Array(k + 1);
  for (let i = 0; i < 2 * k; i++) {
    const value = polygon[i] as number;
    if (!Number.isFinite(value)) {
      throw new ConversionError(`polygon coordinate ${i} is not a finite number`, { field: "segmentation" });
    }
    // The upsampled grid is 32-bit as in pycocotools; a coordinate beyond it would wrap around silently.
    const scaled = Math.trunc(scale * value + 0.5);
    if (Math.abs(scaled) > 2 ** 31 - 1) {
      throw new ConversionError(`polygon coordinate ${i} (${value}) is too large to rasterise`, {
        field: "segmentation",
      });
    }
    if (i % 2 === 0) x[i / 2] = scaled;
    else y[(i - 1) / 2] = scaled;
  }
  x[k] = x[0] as number;
  y[k] = y[0] as number;
  // 1. Dense boundary points on the upsampled grid: counted first, to refuse an outline too long to walk.
  let m = 0;
  for (let j = 0; j < k; j++) {
    m +=
      Math.max(
        Math.abs((x[j] as number) - (x[j + 1] as number)),
        Math.abs((y[j] as number) - (y[j + 1] as number)),
      ) + 1;
  }
  const limit = maxPolygonSteps(k, h, w);
  if (m > limit) {
    throw new ConversionError(
      `polygon outline of ${m} steps is too long to rasterise (limit ${limit}): a vertex lies far outside the ${h}x${w} image`,
      { field: "segmentation" },
    );
  }
  // 2. Points where the boundary crosses a pixel-centre column, downsampled to pixel indices. The boundary points
  // are generated and consumed one at a time (pycocotools stores them all first: same points, same order).
  const a: number[] = [];
  let first = true;
  let up = 0;
  let vp = 0;
  const visit = (uj: number, vj: number) => {
    if (first) first = false;
    else if (uj !== up) {
      let xd = uj < up ? uj : uj - 1;
      xd = (xd + 0.5) / scale - 0.5;
      if (Math.floor(xd) === xd && xd >= 0 && xd <= w - 1) {
        let yd = Math.min(vj, vp);
        yd = (yd + 0.5) / scale - 0.5;
        if (yd < 0) yd = 0;
        else if (yd > h) yd = h;
        yd = Math.ceil(yd);
        a.push(xd * h + yd);
      }
    }
    up = uj;
    vp = vj;
  };
  for (let j = 0; j < k; j++) {
    let xs = x[j] as number;
    let xe = x[j + 1] as number;
    let ys = y[j] as number;
    let ye = y[j + 1] as number;
    const dx = Math.abs(xe - xs);
    const dy = Math.abs(ys - ye);
    const flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
    if (flip) {
      [xs, xe] = [xe, xs];
      [ys, ye] = [ye, ys];
    }
    // `| 0` and `Math.trunc` reproduce the C int casts (the Int32Array stores of the materialised version).
    if (dx >= dy) {
      const s = dx === 0 ? 0 : (ye - ys) / dx; // C gives NaN for a zero-length edge; its point is never used
      for (let d = 0; d <= dx; d++) {
        const t = flip ? dx - d : d;
        visit((t + xs) | 0, Math.trunc(ys + s * t + 0.5) | 0);
      }
    } else {
      const s = (xe - xs) / dy;
      for (let d = 0; d <= dy; d++) {
        const t = flip ? dy - d : d;
        visit(Math.trunc(xs + s * t + 0.5) | 0, (t + ys) | 0);
      }
    }
  }
  // 3. Sorted toggle positions -> run lengths, cancelling toggles at the same position.
  a.push(h * w);
  a.sort((p, q) => p - q);
  let previous = 0;
  for (let j = 0; j < a.length; j++) {
    const t = a[j] as number;
    a[j] = t - previous;
    previous = t;
  }
  const b: number[] = [a[0] as number];
  let j = 1;
  while (j < a.length) {
    if ((a[j] as number) > 0) b.push(a[j++] as number);
    else {
      j++;
      if (j < a.length) b[b.length - 1] = (b[b.length - 1] as number) + (a[j++] as number);
    }
  }
  return b;
}

/**
 * RLE of an axis-aligned box `[x, y, width, height]` (pycocotools `frBbox`).
 *
 * @example
 * ```ts
 * frBbox([2, 3, 4, 5], 10, 10).counts; // "g05500000U1"
 * ```
 */
export function frBbox(bbox: ArrayLike<number>, height: number, width: number): Rle {
  const [x, y, bw, bh] = [
    bbox[0] ?? Number.NaN,
    bbox[1] ?? Number.NaN,
    bbox[2] ?? Number.NaN,
    bbox[3] ?? Number.NaN,
  ];
  return frPoly([x, y, x, y + bh, x + bw, y + bh, x + bw, y], height, width);
}

function mergeRuns(a: ArrayLike<number>, b: ArrayLike<number>, intersect: boolean): number[] {
  const out: number[] = [];
  let ca = a[0] ?? 0;
  let cb = b[0] ?? 0;
  let v = 0;
  let va = 0;
  let vb = 0;
  let ia = 1;
  let ib = 1;
  let cc = 0;
  let ct = 1;
  while (ct > 0) {
    const c = Math.min(ca, cb);
    cc += c;
    ct = 0;
    ca -= c;
    if (ca === 0 && ia < a.length) {
      ca = a[ia++] as number;
      va = 1 - va;
    }
    ct += ca;
    cb -= c;
    if (cb === 0 && ib < b.length) {
      cb = b[ib++] as number;
      vb = 1 - vb;
    }
    ct += cb;
    const vp = v;
    v = intersect ? va & vb : va | vb;
    if (v !== vp || ct === 0) {
      out.push(cc);
      cc = 0;
    }
  }
  return out;
}

/**
 * Union (default) or intersection of RLEs of the same size (pycocotools `mask.merge`).
 *
 * @example
 * ```ts
 * const both = merge([frBbox([0, 0, 2, 2], 4, 4), frBbox([1, 1, 2, 2], 4, 4)]);
 * area(both); // 7
 * ```
 */
export function merge(rles: ReadonlyArray<Rle | UncompressedRle>, intersect = false): Rle {
  return toRle(mergeToRuns(rles, intersect));
}

function mergeToRuns(rles: ReadonlyArray<Rle | UncompressedRle>, intersect: boolean): Runs {
  if (rles.length === 0) return { h: 0, w: 0, counts: [] };
  const first = runsOf(rles[0] as Rle, "rles[0]");
  let counts: ArrayLike<number> = first.counts;
  for (let i = 1; i < rles.length; i++) {
    const next = runsOf(rles[i] as Rle, `rles[${i}]`);
    if (next.h !== first.h || next.w !== first.w) {
      throw new ConversionError(`cannot merge RLEs of different sizes`, { field: `rles[${i}].size` });
    }
    counts = mergeRuns(counts, next.counts, intersect);
  }
  return { h: first.h, w: first.w, counts };
}

/**
 * Complement of an RLE (foreground becomes background). Not in pycocotools; used for polygon holes.
 *
 * @example
 * ```ts
 * invert({ size: [3, 3], counts: "09" }).counts; // "9"
 * ```
 */
export function invert(rle: Rle | UncompressedRle): Rle {
  const { h, w, counts } = runsOf(rle);
  const c = Array.from(counts);
  if (c.length > 0 && c[0] === 0) c.shift();
  else c.unshift(0);
  return toRle({ h, w, counts: c });
}

/**
 * Intersection over union between every detection and ground-truth RLE (pycocotools `mask.iou`): returns
 * `result[d][g]`. For crowd ground truths the denominator is the detection's area. Size mismatches give -1.
 *
 * @example
 * ```ts
 * iou([frBbox([0, 0, 2, 2], 4, 4)], [frBbox([0, 0, 2, 1], 4, 4)], [false]); // [[0.5]]
 * ```
 */
export function iou(
  detections: ReadonlyArray<Rle | UncompressedRle>,
  groundTruths: ReadonlyArray<Rle | UncompressedRle>,
  iscrowd: ReadonlyArray<boolean | number> = [],
): number[][] {
  const dt = detections.map((r, i) => runsOf(r, `detections[${i}]`));
  const gt = groundTruths.map((r, i) => runsOf(r, `groundTruths[${i}]`));
  return dt.map((d) =>
    gt.map((g, gi) => {
      if (d.h !== g.h || d.w !== g.w) return -1;
      const intersection = sumOnes(mergeRuns(d.counts, g.counts, true));
      if (intersection === 0) return 0;
      const union = iscrowd[gi] ? sumOnes(d.counts) : sumOnes(mergeRuns(d.counts, g.counts, false));
      return intersection / union;
    }),
  );
}

function sumOnes(counts: ArrayLike<number>): number {
  let a = 0;
  for (let j = 1; j < counts.length; j += 2) a += counts[j] as number;
  return a;
}

/** A COCO `segmentation` value: polygons, an uncompressed RLE or a compressed RLE. */
export type CocoSegmentation = number[][] | Rle | UncompressedRle;

/**
 * Any COCO segmentation to a compressed RLE (pycocotools `COCO.annToRLE`): polygons are rasterised with
 * {@link frPoly} and united.
 *
 * @example
 * ```ts
 * segmentationToRle([[0, 0, 2, 0, 2, 2, 0, 2]], 4, 4).counts; // same as frBbox([0, 0, 2, 2], 4, 4)
 * ```
 */
export function segmentationToRle(segmentation: CocoSegmentation, height: number, width: number): Rle {
  if (Array.isArray(segmentation)) {
    if (segmentation.length === 0) return { size: [height, width], counts: countsToString([height * width]) };
    return merge(segmentation.map((polygon) => frPoly(polygon, height, width)));
  }
  const runs = runsOf(segmentation);
  if (runs.h !== height || runs.w !== width) {
    throw new ConversionError(`RLE size [${runs.h}, ${runs.w}] does not match the image ${height}x${width}`, {
      field: "segmentation.size",
    });
  }
  return toRle(runs);
}
