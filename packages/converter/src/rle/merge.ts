/**
 * Set operations on RLEs without decoding them (pycocotools `rleMerge` and `rleIou` in `maskApi.c`; `invert` is ours).
 */
import { ConversionError } from "../errors.js";
import { type Rle, type Runs, runsOf, toRle, type UncompressedRle } from "./counts.js";

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
