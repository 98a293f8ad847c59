/** `exportTo`: an export is a lookup in the registry and a loop over the labeled samples. */
import { ConversionError, WarningCollector } from "../errors.js";
import type { SegmentsDataset } from "../release/index.js";
import { type ExportFormat, exporterFor } from "./registry.js";
import type { ExportOptions, ExportResult, FileSink } from "./types.js";

/**
 * Exports a dataset in `format` into `out`, like the Python SDK's `export_dataset`: same formats, file names and JSON
 * layout. Samples are processed one at a time, in release order; unlabeled ones are skipped. In Node,
 * `exportDataset(dataset, format, outDir)` of `@segments-ts/converter/node` writes into a directory; elsewhere, pass
 * any {@link FileSink} (e.g. one that builds a zip). `warnings` collects the warnings (the sink may add its own).
 *
 * @example
 * ```ts
 * const { files, warnings } = await exportTo(dataset, "coco-instance", mySink);
 * ```
 */
export async function exportTo(
  dataset: SegmentsDataset,
  format: ExportFormat,
  out: FileSink,
  options: ExportOptions = {},
  warnings: WarningCollector = new WarningCollector(),
): Promise<ExportResult> {
  const exporter = exporterFor(format);
  if (!exporter.taskTypes.includes(dataset.taskType as (typeof exporter.taskTypes)[number]))
    throw new ConversionError(
      `format ${format} needs a ${exporter.taskTypes.join(" / ")} dataset, this one is ${dataset.taskType}`,
      { field: "format" },
    );
  const run = await exporter.start({ dataset, out, warnings, options });
  for (const sample of dataset.samples) if (sample.label !== null) await run.add(sample);
  const { jsonFile } = await run.finish();
  return { ...(jsonFile === undefined ? {} : { jsonFile }), files: [...out.files], warnings: warnings.list };
}
