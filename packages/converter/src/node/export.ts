/** `exportDataset`: the registry's exports (`exportTo`) written into a directory. */
import { mkdir } from "node:fs/promises";
import { WarningCollector } from "../errors.js";
import { type ExportFormat, type ExportOptions, type ExportResult, exportTo } from "../export/index.js";
import type { SegmentsDataset } from "../release/index.js";
import { OutputDirectory } from "./output.js";

/**
 * Exports a dataset like the Python SDK's `export_dataset`: same formats (`EXPORT_FORMATS`), file names and JSON
 * layout (see the README for the deliberate differences), into `outDir`. Samples are processed one at a time. Every
 * file name built from the release's names is made safe and unique (see `UniqueNames`): nothing is written outside
 * `outDir`, nothing overwritten. `yolo` accepts `vector`, `bboxes` and `image-vector-sequence` datasets; for
 * sequences every frame of a labeled sample gets a file (empty when the frame has no objects) and `imageWidth` /
 * `imageHeight` are required (a {@link ConversionError} otherwise).
 *
 * @example
 * ```ts
 * const dataset = await SegmentsDataset.load(release, { fetch, cache: new DirectoryCache("segments") });
 * const { jsonFile } = await exportDataset(dataset, "coco-instance", "out");
 *
 * // image-vector-sequence: one YOLO file per frame, `{sample}-{frame name or 00001}.txt`; the frame size is required
 * const sequences = await loadReleaseFile("sequence-release.json");
 * await exportDataset(sequences, "yolo", "out", { imageWidth: 1920, imageHeight: 1080 });
 * ```
 */
export async function exportDataset(
  dataset: SegmentsDataset,
  format: ExportFormat,
  outDir: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const warnings = new WarningCollector();
  const result = await exportTo(dataset, format, new OutputDirectory(outDir, warnings), options, warnings);
  await mkdir(outDir, { recursive: true }); // also when nothing was written (no labeled sample)
  return result;
}
