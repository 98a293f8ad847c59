/**
 * `@segments-ts/converter/node`: file-system helpers (directory cache, release files from disk, `exportDataset`,
 * streaming COCO reader and writer).
 * @packageDocumentation
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { bitmap2file, colorizePng, encodePng } from "@segments-ts/bitmap";
import { ConversionError, type ConversionWarning, WarningCollector } from "../errors.js";
import { cocoInstanceJsonChunks } from "../export/index.js";
import type { FromCocoOptions, ToCocoOptions } from "../formats/coco.js";
import { toCocoPanoptic, toPanopticCategories } from "../formats/coco-panoptic.js";
import { type CocoStreamItem, fromCocoInstanceChunks } from "../formats/coco-stream.js";
import { stripExtension } from "../formats/common.js";
import { toYolo } from "../formats/yolo.js";
import { instanceBounds, traceInstance } from "../geometry/index.js";
import { safePath } from "../names.js";
import { type ByteCache, type DatasetOptions, parseReleaseFile, SegmentsDataset } from "../release/index.js";
import type { Category, ImageSequenceVectorLabelAttributes, LabeledImage } from "../types.js";
import { OutputDirectory } from "./output.js";

export { OutputDirectory };

/**
 * A {@link ByteCache} in a directory (created on demand).
 *
 * @example
 * ```ts
 * const dataset = await SegmentsDataset.load(url, { cache: new DirectoryCache("segments") });
 * ```
 */
export class DirectoryCache implements ByteCache {
  constructor(readonly directory: string) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async set(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  /** The file of a key: every part of the key must be a safe file name (as `SegmentsDataset` makes them). */
  #path(key: string): string {
    const parts = key.split("/");
    if (parts.some((part) => safePath(part) !== part))
      throw new ConversionError("unsafe cache key: each part must be a safe file name (see safePath)", {
        item: key,
      });
    return join(this.directory, ...parts);
  }
}

/**
 * Reads a release file from disk (a path or a `file:` URL you chose) into a {@link SegmentsDataset}. Releases from a
 * server are loaded with `SegmentsDataset.load(release)`, which only fetches http(s) URLs.
 *
 * @example
 * ```ts
 * const dataset = await loadReleaseFile("flowers-v1.json", { filterBy: ["LABELED", "REVIEWED"] });
 * ```
 */
export async function loadReleaseFile(
  path: string | URL,
  options: DatasetOptions = {},
): Promise<SegmentsDataset> {
  const file = path instanceof URL ? path : path.startsWith("file:") ? new URL(path) : path;
  const text = await readFile(file, "utf8");
  return new SegmentsDataset(parseReleaseFile(text, String(path)), options);
}

/**
 * Imports a COCO instance JSON file without loading it whole: the file is read in 256 KiB chunks and yields one image
 * (with its Segments label) at a time. The result is exactly what `fromCocoInstance(JSON.parse(text))` returns; extra
 * memory is about the size of the parsed annotations (well under the file size for typical polygon data) plus the
 * image being converted. Malformed input raises a `ConversionError` naming the file.
 *
 * @example
 * ```ts
 * for await (const { image, categories, warnings } of importCocoFile("instances.json")) {
 *   await upload(image.name, image.vector); // one image at a time
 * }
 * ```
 */
export function importCocoFile(path: string, options: FromCocoOptions = {}): AsyncGenerator<CocoStreamItem> {
  const chunks = createReadStream(path, { encoding: "utf8", highWaterMark: 64 * 1024 });
  return fromCocoInstanceChunks(chunks as AsyncIterable<string>, { ...options, file: options.file ?? path });
}

/**
 * Writes a COCO instance JSON file, streaming: `images` is iterated once and both images and annotations are
 * written as they are converted (the `annotations` array comes before `images` in the file, see
 * `cocoInstanceJsonChunks`), so memory stays around one image plus the short image entries.
 *
 * @example
 * ```ts
 * const warnings = await writeCocoInstanceFile("out/instances.json", images, categories);
 * ```
 */
export async function writeCocoInstanceFile(
  path: string,
  images: Iterable<LabeledImage> | AsyncIterable<LabeledImage>,
  categories: ReadonlyArray<Category>,
  options: ToCocoOptions = {},
): Promise<ConversionWarning[]> {
  await mkdir(dirname(path), { recursive: true });
  const warnings = new WarningCollector();
  const stream = createWriteStream(path, { encoding: "utf8" });
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  for await (const chunk of cocoInstanceJsonChunks(images, categories, warnings, {
    ...options,
    file: options.file ?? path,
  })) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
  }
  stream.end();
  await done;
  return warnings.list;
}

/** Export formats of the Python SDK's `export_dataset`. */
export type ExportFormat =
  | "coco-panoptic"
  | "coco-instance"
  | "yolo"
  | "instance"
  | "instance-color"
  | "semantic"
  | "semantic-color"
  | "polygon";

const BITMAP_ONLY = ["coco-panoptic", "instance", "instance-color", "semantic", "semantic-color", "polygon"];
const COMPATIBLE: Record<ExportFormat, string[]> = {
  "coco-panoptic": ["segmentation-bitmap", "segmentation-bitmap-highres"],
  instance: ["segmentation-bitmap", "segmentation-bitmap-highres"],
  "instance-color": ["segmentation-bitmap", "segmentation-bitmap-highres"],
  semantic: ["segmentation-bitmap", "segmentation-bitmap-highres"],
  "semantic-color": ["segmentation-bitmap", "segmentation-bitmap-highres"],
  polygon: ["segmentation-bitmap", "segmentation-bitmap-highres"],
  "coco-instance": ["vector", "bboxes", "keypoints", "segmentation-bitmap", "segmentation-bitmap-highres"],
  yolo: ["vector", "bboxes", "image-vector-sequence"],
};

/** Options of {@link exportDataset}. */
export interface ExportOptions {
  /** Added to category ids in `semantic` PNGs (default 0). */
  idIncrement?: number;
  /** Options of the `coco-instance` export. */
  coco?: ToCocoOptions;
  /**
   * Frame width in pixels, required for `yolo` on `image-vector-sequence` datasets (the Python SDK's
   * `image_width`): sequence frames are not downloaded to read their size.
   */
  imageWidth?: number;
  /** Frame height in pixels, required with {@link ExportOptions.imageWidth} (the Python SDK's `image_height`). */
  imageHeight?: number;
}

/** Result of {@link exportDataset}. */
export interface ExportResult {
  /** The JSON file (COCO formats and polygon). */
  jsonFile?: string;
  /** Every file written. */
  files: string[];
  warnings: ConversionWarning[];
}

/**
 * Exports a dataset like the Python SDK's `export_dataset`: same formats, file names and JSON layout (see README for
 * the deliberate differences). Samples are processed one at a time. `yolo` accepts `vector`, `bboxes` and
 * `image-vector-sequence` datasets; for sequences every frame of a labeled sample gets a file (empty when the frame
 * has no objects) and `imageWidth` / `imageHeight` are required (a {@link ConversionError} otherwise).
 *
 * @example
 * ```ts
 * const dataset = await SegmentsDataset.load("release.json", { fetch, cache: new DirectoryCache("segments") });
 * const { jsonFile } = await exportDataset(dataset, "coco-instance", "out");
 *
 * // image-vector-sequence: one YOLO file per frame, `{sample}-{frame name or 00001}.txt`; the frame size is required
 * const sequences = await SegmentsDataset.load("sequence-release.json");
 * await exportDataset(sequences, "yolo", "out", { imageWidth: 1920, imageHeight: 1080 });
 * ```
 */
export async function exportDataset(
  dataset: SegmentsDataset,
  format: ExportFormat,
  outDir: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const compatible = COMPATIBLE[format];
  if (compatible === undefined)
    throw new ConversionError(`unknown export format ${JSON.stringify(format)}`, { field: "format" });
  if (!compatible.includes(dataset.taskType)) {
    throw new ConversionError(
      `format ${format} needs a ${compatible.join(" / ")} dataset, this one is ${dataset.taskType}`,
      { field: "format" },
    );
  }
  await mkdir(outDir, { recursive: true });
  const warnings = new WarningCollector();
  const out = new OutputDirectory(outDir, warnings);
  const files = out.files;
  const release = dataset.release.name;
  // The dataset's and the release's names are the server's: one file name, whatever they hold.
  const jsonName = out.claim(`export_${format}_${dataset.identifier}_${release}.json`);
  const labeled = dataset.samples.filter((s) => s.label !== null);
  const categories = dataset.categories;
  const info = { description: dataset.release.dataset.name, version: release };
  async function* images(): AsyncGenerator<LabeledImage> {
    for (const s of labeled) yield await s.toLabeledImage();
  }

  if (format === "coco-instance") {
    const jsonFile = out.pathOf(jsonName);
    warnings.list.push(
      ...(await writeCocoInstanceFile(jsonFile, images(), categories, { ...options.coco, info })),
    );
    files.push(jsonFile);
    return { jsonFile, files, warnings: warnings.list };
  }
  if (format === "yolo") {
    const classesTxt = out.claim("classes.txt");
    if (dataset.taskType === "image-vector-sequence")
      await writeYoloSequences(dataset, out, warnings, options);
    else {
      for await (const image of images()) {
        const result = toYolo([image], categories);
        warnings.list.push(...result.warnings);
        for (const [name, text] of result.value.files)
          await out.write(name, text, { directories: true, item: `image ${image.name}` });
      }
    }
    await out.writeClaimed(classesTxt, toYolo([], categories).value.classesTxt);
    return { files, warnings: warnings.list };
  }
  if (BITMAP_ONLY.includes(format)) {
    const jsonImages: Array<Record<string, unknown>> = [];
    const jsonAnnotations: Array<Record<string, unknown>> = [];
    let imageId = 0;
    let annotationId = 0;
    for (const sample of labeled) {
      imageId++;
      const image = await sample.toLabeledImage();
      const seg = image.segmentation;
      if (!seg) continue;
      jsonImages.push({ id: imageId, file_name: image.name, height: image.height, width: image.width });
      const base = `${stripExtension(sample.name)}_label_${dataset.labelset}`;
      const write = (suffix: string, data: Uint8Array) =>
        out.write(`${base}${suffix}`, data, { directories: true, item: `sample ${sample.name}` });
      if (format === "coco-panoptic") {
        const fileName = out.claim(`${base}_coco-panoptic.png`, {
          directories: true,
          item: `sample ${sample.name}`,
        });
        const result = toCocoPanoptic(image, imageId, fileName, categories);
        warnings.list.push(...result.warnings);
        await out.writeClaimed(fileName, result.value.png);
        jsonAnnotations.push(result.value.annotation as unknown as Record<string, unknown>);
      } else if (format === "instance") {
        await write(
          "_instance.png",
          bitmap2file(seg.bitmap.data, { width: seg.bitmap.width, height: seg.bitmap.height }),
        );
      } else if (format === "instance-color") {
        await write("_instance_colored.png", colorizePng(seg.bitmap));
      } else if (format === "semantic" || format === "semantic-color") {
        const lut = new Map(seg.annotations.map((a) => [a.id, a.category_id + (options.idIncrement ?? 0)]));
        const data = new Uint16Array(seg.bitmap.data.length);
        let max = 0;
        for (let i = 0; i < data.length; i++) {
          const v = lut.get(seg.bitmap.data[i] as number) ?? 0;
          data[i] = v;
          if (v > max) max = v;
        }
        if (format === "semantic") {
          const png =
            max > 255
              ? encodePng({ width: image.width, height: image.height, data, colorType: "gray", bitDepth: 16 })
              : encodePng({
                  width: image.width,
                  height: image.height,
                  data: Uint8Array.from(data),
                  colorType: "gray",
                });
          await write("_semantic.png", png);
        } else {
          const colors = new Map(categories.map((c) => [c.id + (options.idIncrement ?? 0), c.color]));
          await write(
            "_semantic_colored.png",
            colorizePng({ width: image.width, height: image.height, data: Uint32Array.from(data) }, (v) => {
              const c = colors.get(v);
              return v === 0
                ? [0, 0, 0, 0]
                : c
                  ? ([c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, 255] as const)
                  : ([128, 128, 128, 255] as const);
            }),
          );
        }
      } else if (format === "polygon") {
        const bounds = instanceBounds(seg.bitmap.data, seg.bitmap.width, seg.bitmap.height);
        for (const a of seg.annotations) {
          const b = bounds.get(a.id);
          if (!b) {
            warnings.add("instance has no pixels (skipped)", {
              item: `sample ${sample.name}, instance ${a.id}`,
            });
            continue;
          }
          const regions = traceInstance(seg.bitmap, a.id, b);
          const polygons = regions.flat().map((ring) => {
            const pts: number[][] = [];
            for (let i = 0; i < ring.length; i += 2) pts.push([ring[i] as number, ring[i + 1] as number]);
            return pts;
          });
          jsonAnnotations.push({
            id: ++annotationId,
            image_id: imageId,
            category_id: a.category_id,
            attributes: a.attributes ?? {},
            polygons,
          });
        }
      }
    }
    if (format === "coco-panoptic" || format === "polygon") {
      const body =
        format === "coco-panoptic"
          ? {
              info,
              categories: toPanopticCategories(categories),
              images: jsonImages,
              annotations: jsonAnnotations,
            }
          : { categories, images: jsonImages, annotations: jsonAnnotations };
      const jsonFile = await out.writeClaimed(jsonName, JSON.stringify(body));
      return { jsonFile, files, warnings: warnings.list };
    }
    return { files, warnings: warnings.list };
  }
  throw new ConversionError(`unknown export format ${JSON.stringify(format)}`, { field: "format" });
}

/**
 * YOLO of an `image-vector-sequence` dataset: one file per frame of each labeled sample, named as the Python SDK
 * does, `{sample name without extension}-{frame name, or its 1-based number on 5 digits}.txt`, as one file name
 * (path separators in sample and frame names become `_`).
 */
async function writeYoloSequences(
  dataset: SegmentsDataset,
  out: OutputDirectory,
  warnings: WarningCollector,
  options: ExportOptions,
): Promise<void> {
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
  for (const sample of dataset.samples) {
    if (sample.label === null) continue;
    const label = sample.label as ImageSequenceVectorLabelAttributes;
    const sampleFrames =
      sample.raw.attributes !== undefined && "frames" in sample.raw.attributes
        ? (sample.raw.attributes.frames as Array<{ name?: string }>)
        : [];
    const base = stripExtension(sample.name.split(/[\\/]/).pop() ?? "");
    for (const [j, frame] of (label.frames ?? []).entries()) {
      const frameName = sampleFrames[j]?.name ?? String(j + 1).padStart(5, "0");
      const result = toYolo(
        [{ name: `${base}-${frameName}`, width: width as number, height: height as number, vector: frame }],
        dataset.categories,
      );
      warnings.list.push(...result.warnings);
      const [text] = result.value.files.values();
      await out.write(`${base}-${frameName}.txt`, text ?? "", {
        item: `sample ${sample.name}, frame ${j + 1}`,
      });
    }
  }
}
