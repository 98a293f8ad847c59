/**
 * Every export format of `exportDataset`, in the order the CLI and the docs list them. The CLI's `--format` values,
 * the docs and the README's table of formats come from here: adding a format is one exporter file and one line
 * below (see "Adding an export format" in CONTRIBUTING.md).
 */
import { ConversionError } from "../errors.js";
import { cocoInstance } from "./coco-instance.js";
import { cocoPanoptic } from "./coco-panoptic.js";
import { instance, instanceColor, semantic, semanticColor } from "./label-pngs.js";
import { polygon } from "./polygon.js";
import type { Exporter } from "./types.js";
import { voc } from "./voc.js";
import { yolo } from "./yolo.js";

/** The registered exporters (see {@link Exporter}). */
export const EXPORTERS = [
  cocoInstance,
  cocoPanoptic,
  yolo,
  instance,
  instanceColor,
  semantic,
  semanticColor,
  polygon,
  voc,
] as const;

/** An export format name: `coco-instance`, `yolo`, ... (the Python SDK's `export_dataset` formats). */
export type ExportFormat = (typeof EXPORTERS)[number]["format"];

/**
 * Every export format name, in registry order.
 *
 * @example
 * ```ts
 * program.option("--format <format>", `one of: ${EXPORT_FORMATS.join(", ")}`);
 * ```
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = EXPORTERS.map((e) => e.format);

/**
 * The exporter of `format`, or a {@link ConversionError} listing the formats.
 *
 * @example
 * ```ts
 * exporterFor("yolo").taskTypes; // ["vector", "bboxes", "image-vector-sequence"]
 * ```
 */
export function exporterFor(format: string): Exporter {
  const exporter = EXPORTERS.find((e) => e.format === format);
  if (exporter === undefined)
    throw new ConversionError(
      `unknown export format ${JSON.stringify(format)} (formats: ${EXPORT_FORMATS.join(", ")})`,
      { field: "format" },
    );
  return exporter;
}
