/**
 * RLE counts by the plain definition (pycocotools `rleEncode`): walk the pixels column by column and count equal
 * neighbours, one byte at a time. The reference the word-at-a-time scans are tested against (rle-scan.test.ts), and
 * the baseline the bench compares them with.
 */
export function perPixelCounts(data: Uint8Array, w: number, h: number, columnMajor: boolean): number[] {
  const counts: number[] = [];
  let previous = 0;
  let run = 0;
  for (let x = 0; x < w; x++)
    for (let y = 0; y < h; y++) {
      const v = data[columnMajor ? x * h + y : y * w + x] === 0 ? 0 : 1;
      if (v !== previous) {
        counts.push(run);
        run = 0;
        previous = v;
      }
      run++;
    }
  counts.push(run);
  return counts;
}
