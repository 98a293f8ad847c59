/**
 * `yolo`: one text file per image (`toYolo`) and `classes.txt`: boxes (`detect`) for vector datasets, polygons traced
 * from the bitmaps (`segment`) for segmentation datasets, unless `yoloMode` says otherwise. For `image-vector-sequence` datasets,
 * one file per frame of each labeled sample, named as the Python SDK names them, `{sample}-{frame name, or its
 * 1-based number on 5 digits}.txt`, as one file name (path separators in sample and frame names become `_`); the
 * frame size comes from the options, since frames are not downloaded.
 */
import { ConversionError } from "../errors.js";
import { stripExtension } from "../formats/common.js";
import { toYolo } from "../formats/yolo.js";
import type { DatasetSample } from "../release/index.js";
import { SEGMENTATION_TASK_TYPES } from "../release/options.js";
import type { ImageSequenceVectorLabelAttributes } from "../types.js";
import { defineExporter, type ExportContext, type ExportOptions } from "./types.js";

declare module "./types.js" {
  interface ExportOptions {
    /**
     * `yolo`: `detect` writes boxes, `segment` polygons (for segmentation datasets, traced from the bitmaps; holes are
     * reported). Default: `segment` for segmentation datasets, `detect` otherwise.
     */
    yoloMode?: "detect" | "segment";
  }
}

export const yolo = defineExporter({
  format: "yolo",
  description:
    "one YOLO text file per image (per frame for sequences) and classes.txt; boxes, or polygons traced from bitmaps",
  taskTypes: ["vector", "bboxes", "image-vector-sequence", ...SEGMENTATION_TASK_TYPES],
  start(context) {
    const { dataset, out } = context;
    const sequences = dataset.taskType === "image-vector-sequence";
    const frameSize = sequences ? requireFrameSize(context.options) : undefined;
    const mode = context.options.yoloMode;
    if (mode !== undefined && mode !== "detect" && mode !== "segment")
      throw new ConversionError(`yoloMode must be "detect" or "segment", got ${JSON.stringify(mode)}`, {
        field: "yoloMode",
      });
    // Before any label file: an image named `classes.jpg` must not take its name.
    const classesTxt = out.claim("classes.txt");
    return {
      add: (sample) => (frameSize ? writeFrames(context, sample, frameSize) : writeImage(context, sample)),
      async finish() {
        await out.writeClaimed(classesTxt, toYolo([], dataset.categories).value.classesTxt);
        return {};
      },
    };
  },
});

async function writeImage(
  { dataset, out, warnings, options }: ExportContext,
  sample: DatasetSample,
): Promise<void> {
  const image = await sample.toLabeledImage();
  const mode =
    options.yoloMode ?? (dataset.taskType.startsWith("segmentation-bitmap") ? "segment" : "detect");
  const result = toYolo([image], dataset.categories, { mode });
  warnings.list.push(...result.warnings);
  for (const [name, text] of result.value.files)
    await out.writeClaimed(out.claim(name, { directories: true, item: `image ${image.name}` }), text);
}

async function writeFrames(
  { dataset, out, warnings, options }: ExportContext,
  sample: DatasetSample,
  size: { width: number; height: number },
): Promise<void> {
  const label = sample.label as ImageSequenceVectorLabelAttributes;
  const attributes = sample.raw.attributes;
  const frames =
    attributes !== undefined && attributes !== null && "frames" in attributes
      ? (attributes.frames as Array<{ name?: string | null }>)
      : [];
  const base = stripExtension(sample.name.split(/[\\/]/).pop() ?? "");
  for (const [j, frame] of (label.frames ?? []).entries()) {
    const frameName = frames[j]?.name ?? String(j + 1).padStart(5, "0");
    const result = toYolo([{ name: `${base}-${frameName}`, ...size, vector: frame }], dataset.categories, {
      mode: options.yoloMode ?? "detect",
    });
    warnings.list.push(...result.warnings);
    const [text] = result.value.files.values();
    const name = out.claim(`${base}-${frameName}.txt`, { item: `sample ${sample.name}, frame ${j + 1}` });
    await out.writeClaimed(name, text ?? "");
  }
}

/** `imageWidth` and `imageHeight`, required for sequences: positive numbers. */
function requireFrameSize(options: ExportOptions): { width: number; height: number } {
  const { imageWidth: width, imageHeight: height } = options;
  for (const [name, value] of [
    ["imageWidth", width],
    ["imageHeight", height],
  ] as const) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new ConversionError(
        `yolo export of an image-vector-sequence dataset needs options.imageWidth and options.imageHeight (the frame size in pixels, positive numbers); ${name} is ${JSON.stringify(value)}`,
        { field: name },
      );
    }
  }
  return { width: width as number, height: height as number };
}
