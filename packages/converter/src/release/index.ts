/**
 * Release files and a `SegmentsDataset` equivalent: filter by labelset, label status and metadata, iterate samples
 * lazily, load images and label bitmaps on demand through an injectable `fetch`, optionally through a byte cache
 * (the Node subpath provides a directory cache).
 */
import { decodeLabelBitmap, PngError } from "@segments-ts/bitmap";
import { ConversionError } from "../errors.js";
import { isRecord, kindOf } from "../formats/common.js";
import { resolveMaxPixels } from "../limits.js";
import type {
  Category,
  ImageSegmentationLabelAttributes,
  ImageVectorLabelAttributes,
  InstanceBitmap,
  LabelAttributes,
  LabeledImage,
  ReleaseFile,
  ReleaseSample,
  TaskType,
} from "../types.js";
import { imageSize } from "./image-size.js";

export { imageSize };

/** A byte cache keyed by relative path (e.g. `jane_flowers/v0.1/donuts.jpg`). */
export interface ByteCache {
  get(key: string): Promise<Uint8Array | undefined>;
  set(key: string, bytes: Uint8Array): Promise<void>;
}

/** Options of {@link SegmentsDataset}. */
export interface DatasetOptions {
  /** Labelset to read (default `ground-truth`); must exist in the release. */
  labelset?: string;
  /** Keep only samples whose label status is one of these (case-insensitive; unlabeled samples count as `UNLABELED`). */
  filterBy?: string | string[];
  /** Keep only samples whose metadata contains all of these key/value pairs. */
  filterByMetadata?: Record<string, unknown>;
  /** `fetch` used for images and bitmaps (default: the global one). */
  fetch?: typeof fetch;
  /** Cache for downloaded bytes. */
  cache?: ByteCache;
  /**
   * Largest label bitmap, in pixels, decoded by `loadBitmap` (default {@link DEFAULT_MAX_PIXELS}, 2^28), checked from
   * the PNG header before decoding.
   */
  maxPixels?: number;
}

/** Image task types: samples load their image and label, and convert to a {@link LabeledImage}. */
export const IMAGE_TASK_TYPES: readonly TaskType[] = [
  "segmentation-bitmap",
  "segmentation-bitmap-highres",
  "vector",
  "bboxes",
  "keypoints",
];

/**
 * Task types that are loaded, filtered and iterated like image tasks but whose samples are only available raw
 * (`sample.raw`, the release sample, and `sample.label`, its label attributes), as the Python SDK's
 * `SegmentsDataset` returns the raw release sample for them.
 */
export const RAW_SAMPLE_TASK_TYPES: readonly TaskType[] = [
  "image-vector-sequence",
  "pointcloud-cuboid",
  "pointcloud-segmentation",
];

const SUPPORTED_TASK_TYPES: readonly string[] = [...IMAGE_TASK_TYPES, ...RAW_SAMPLE_TASK_TYPES];

/**
 * One sample of a {@link SegmentsDataset}. Nothing is downloaded until a `load*` method is called. For the task types
 * of {@link RAW_SAMPLE_TASK_TYPES} use `raw` and `label` (the `load*` and `toLabeledImage` methods need an image
 * sample and throw a {@link ConversionError}).
 *
 * @example
 * ```ts
 * const dataset = await SegmentsDataset.load("release.json"); // a pointcloud-cuboid release
 * for (const sample of dataset.samples) {
 *   const label = sample.label as PointcloudCuboidLabelAttributes | null;
 *   console.log(sample.raw.attributes, label?.annotations.length);
 * }
 * ```
 */
export class DatasetSample {
  readonly uuid: string;
  readonly name: string;
  /** `{name without extension}{extension of the image URL}`, as in the Python SDK. */
  readonly fileName: string;
  readonly metadata: Record<string, unknown>;
  readonly labelStatus: string;
  /**
   * Label attributes of the selected labelset, or `null` when unlabeled. Their shape follows the dataset's task type
   * (`LabelAttributesFor<T>` of `@segments-ts/client` names it for a task type `T`).
   */
  readonly label: LabelAttributes | null;
  readonly imageUrl: string | undefined;
  readonly raw: ReleaseSample;
  readonly #dataset: SegmentsDataset;

  constructor(dataset: SegmentsDataset, raw: ReleaseSample) {
    this.#dataset = dataset;
    this.raw = raw;
    this.uuid = raw.uuid;
    this.name = raw.name;
    this.metadata = raw.metadata ?? {};
    const label = raw.labels?.[dataset.labelset] ?? null;
    this.labelStatus = label?.label_status ?? "UNLABELED";
    this.label = label?.attributes ?? null;
    const image = isRecord(raw.attributes) && "image" in raw.attributes ? raw.attributes.image : undefined;
    this.imageUrl = image?.signed_url ?? image?.url ?? undefined;
    const ext = this.imageUrl ? extensionOf(this.imageUrl) : "";
    this.fileName = `${stem(raw.name)}${ext}`;
  }

  /** Annotations of an image label (empty when unlabeled or a sequence label). */
  get annotations():
    | ImageVectorLabelAttributes["annotations"]
    | ImageSegmentationLabelAttributes["annotations"] {
    const label = this.#imageLabel();
    return label?.annotations ?? [];
  }

  /** The label of an image task (`null` when unlabeled); throws for the raw-sample task types. */
  #imageLabel(): ImageVectorLabelAttributes | ImageSegmentationLabelAttributes | null {
    if (!IMAGE_TASK_TYPES.includes(this.#dataset.taskType as TaskType)) {
      throw new ConversionError(
        `${this.#dataset.taskType} samples are not images: use sample.raw and sample.label`,
        { item: `sample ${this.name}` },
      );
    }
    return this.label as ImageVectorLabelAttributes | ImageSegmentationLabelAttributes | null;
  }

  /**
   * Downloads (or reads from the cache) the image bytes.
   *
   * @example
   * ```ts
   * const bytes = await sample.loadImage();
   * ```
   */
  async loadImage(): Promise<Uint8Array> {
    this.#imageLabel();
    if (!this.imageUrl)
      throw new ConversionError("sample has no image URL", {
        item: `sample ${this.name}`,
        field: "attributes.image.url",
      });
    return this.#dataset.fetchBytes(
      this.imageUrl,
      `${this.#dataset.cachePrefix}/${this.fileName}`,
      this.name,
    );
  }

  /**
   * Downloads and decodes the label bitmap, or returns `null` for unlabeled samples and vector labels.
   *
   * @example
   * ```ts
   * const bitmap = await sample.loadBitmap(); // { width, height, data: Uint32Array } | null
   * ```
   */
  async loadBitmap(): Promise<InstanceBitmap | null> {
    const label = this.#imageLabel();
    const bitmapUrl =
      label !== null && "segmentation_bitmap" in label ? label.segmentation_bitmap : undefined;
    const url = bitmapUrl?.signed_url ?? bitmapUrl?.url;
    if (!url) return null;
    const key = `${this.#dataset.cachePrefix}/${stem(this.name)}_label_${this.#dataset.labelset}.png`;
    const bytes = await this.#dataset.fetchBytes(url, key, this.name);
    try {
      return decodeLabelBitmap(bytes, { maxPixels: this.#dataset.maxPixels });
    } catch (error) {
      const fix =
        error instanceof PngError && error.code === "TOO_LARGE"
          ? ": pass a larger maxPixels option to load it"
          : "";
      throw new ConversionError(
        `invalid label bitmap: ${(error as Error).message}${fix}`,
        { file: url, item: `sample ${this.name}`, field: "segmentation_bitmap" },
        { cause: error },
      );
    }
  }

  /**
   * The sample as a converter input. The size comes from the bitmap, or else from the image header (downloaded).
   *
   * @example
   * ```ts
   * const image = await sample.toLabeledImage();
   * ```
   */
  async toLabeledImage(): Promise<LabeledImage> {
    const out: LabeledImage = { name: this.fileName, width: 0, height: 0, metadata: this.metadata };
    const bitmap = await this.loadBitmap();
    if (bitmap) {
      out.width = bitmap.width;
      out.height = bitmap.height;
      const annotations: unknown = this.annotations;
      if (!Array.isArray(annotations))
        throw new ConversionError(`label annotations must be a list, got ${kindOf(annotations)}`, {
          item: `sample ${this.name}`,
          field: "attributes.annotations",
        });
      out.segmentation = { annotations: this.annotations.map((a) => ({ ...a })), bitmap };
      return out;
    }
    const size = imageSize(await this.loadImage());
    if (!size)
      throw new ConversionError("cannot read the image size (unknown format)", {
        item: `sample ${this.name}`,
        field: "image",
      });
    if (!(size.width > 0 && size.height > 0))
      throw new ConversionError(`image header gives a size of ${size.width}x${size.height}`, {
        item: `sample ${this.name}`,
        field: "image",
      });
    out.width = size.width;
    out.height = size.height;
    const label = this.#imageLabel();
    if (label && !("segmentation_bitmap" in label)) out.vector = label;
    return out;
  }
}

/** The extension of a URL's path (`.jpg`), or "" when it has none or is not a URL. */
function extensionOf(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url, "http://x/").pathname;
  } catch {
    return ""; // a malformed URL in a release file: fetching it will fail with a located error
  }
  return /\.[A-Za-z0-9]+$/.exec(pathname)?.[0] ?? "";
}

function stem(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot > name.lastIndexOf("/") ? name.slice(0, dot) : name;
}

/** Checks what the loader relies on at runtime: release files are user input, and very old ones lack `labelsets`. */
function asRelease(value: unknown, source: string): ReleaseFile {
  const r = value as ReleaseFile;
  if (typeof r !== "object" || r === null || typeof r.dataset !== "object" || r.dataset === null) {
    throw new ConversionError("not a release file: missing dataset", { file: source, field: "dataset" });
  }
  if (!Array.isArray(r.dataset.samples))
    throw new ConversionError("release has no samples list", { file: source, field: "dataset.samples" });
  if (!Array.isArray(r.dataset.labelsets)) {
    throw new ConversionError(
      "release has no labelsets (very old release files used `tasks`: create a new release)",
      { file: source, field: "dataset.labelsets" },
    );
  }
  r.dataset.labelsets.forEach((l: unknown, i) => {
    if (!isRecord(l) || typeof l.name !== "string")
      throw new ConversionError("labelset must be an object with a name", {
        file: source,
        field: `dataset.labelsets[${i}]`,
      });
  });
  r.dataset.samples.forEach((sample: unknown, i) => {
    checkSample(sample, i, source);
  });
  return r;
}

/**
 * Checks the members of a release sample that the loader reads, so a malformed one is reported by position and field
 * rather than failing later as a `TypeError` in the middle of an iteration.
 */
function checkSample(sample: unknown, i: number, source: string): void {
  const at = (field: string) => ({ file: source, item: `sample #${i}`, field });
  if (!isRecord(sample))
    throw new ConversionError(`sample must be an object, got ${kindOf(sample)}`, at("samples"));
  for (const field of ["uuid", "name"] as const) {
    if (typeof sample[field] !== "string")
      throw new ConversionError(`${field} must be a string, got ${kindOf(sample[field])}`, at(field));
  }
  for (const field of ["attributes", "labels", "metadata"] as const) {
    const value = sample[field];
    if (value !== undefined && value !== null && !isRecord(value))
      throw new ConversionError(`${field} must be an object, got ${kindOf(value)}`, at(field));
  }
  if (isRecord(sample.attributes) && sample.attributes.image !== undefined) {
    const image = sample.attributes.image;
    if (!isRecord(image))
      throw new ConversionError(`image must be an object, got ${kindOf(image)}`, at("attributes.image"));
    for (const key of ["url", "signed_url"] as const) {
      if (image[key] !== undefined && image[key] !== null && typeof image[key] !== "string")
        throw new ConversionError(`${key} must be a string`, at(`attributes.image.${key}`));
    }
  }
  for (const [labelset, label] of Object.entries(isRecord(sample.labels) ? sample.labels : {})) {
    if (label === null) continue;
    if (!isRecord(label))
      throw new ConversionError(`label must be an object, got ${kindOf(label)}`, at(`labels.${labelset}`));
    if (label.label_status !== undefined && typeof label.label_status !== "string")
      throw new ConversionError("label_status must be a string", at(`labels.${labelset}.label_status`));
    if (label.attributes !== undefined && label.attributes !== null && !isRecord(label.attributes))
      throw new ConversionError(
        `attributes must be an object, got ${kindOf(label.attributes)}`,
        at(`labels.${labelset}.attributes`),
      );
  }
}

/**
 * A loaded release, filtered like the Python `SegmentsDataset`. Supports the task types of the Python SDK: image
 * tasks ({@link IMAGE_TASK_TYPES}: samples load images and bitmaps and convert to {@link LabeledImage}s) and
 * `image-vector-sequence`, `pointcloud-cuboid` and `pointcloud-segmentation` ({@link RAW_SAMPLE_TASK_TYPES}: samples
 * are the raw release samples, as in Python). Other task types raise a {@link ConversionError}.
 *
 * @example
 * ```ts
 * const dataset = await SegmentsDataset.load("https://.../release.json", { filterBy: ["LABELED", "REVIEWED"] });
 * for await (const sample of dataset) {
 *   const bitmap = await sample.loadBitmap();
 * }
 * ```
 */
export class SegmentsDataset {
  readonly release: ReleaseFile;
  readonly labelset: string;
  readonly samples: DatasetSample[];
  readonly #fetch: typeof fetch;
  readonly #cache: ByteCache | undefined;
  /** @internal The `maxPixels` of {@link DatasetOptions}. */
  readonly maxPixels: number;

  constructor(release: ReleaseFile, options: DatasetOptions = {}) {
    this.release = asRelease(release, "release");
    this.maxPixels = resolveMaxPixels(options.maxPixels);
    this.labelset = options.labelset ?? "ground-truth";
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#cache = options.cache;
    const { dataset } = this.release;
    if (!dataset.labelsets?.some((l) => l.name === this.labelset)) {
      throw new ConversionError(
        `labelset ${JSON.stringify(this.labelset)} not in the release (${dataset.labelsets?.map((l) => l.name).join(", ")})`,
        { field: "labelset" },
      );
    }
    if (!SUPPORTED_TASK_TYPES.includes(dataset.task_type)) {
      throw new ConversionError(
        `task type ${JSON.stringify(dataset.task_type)} is not supported (${SUPPORTED_TASK_TYPES.join(", ")})`,
        { field: "dataset.task_type" },
      );
    }
    const statuses =
      options.filterBy === undefined
        ? undefined
        : new Set([options.filterBy].flat().map((s) => s.toUpperCase()));
    const meta = options.filterByMetadata;
    this.samples = dataset.samples
      .map((s) => new DatasetSample(this, s))
      .filter((s) => (statuses ? statuses.has(s.labelStatus.toUpperCase()) : true))
      .filter((s) => (meta ? Object.entries(meta).every(([k, v]) => s.metadata[k] === v) : true));
  }

  /**
   * Loads a release from a URL, a local path (Node only, read lazily), a `Release` object (`attributes.url`) or an
   * already-parsed release file.
   *
   * @example
   * ```ts
   * const dataset = await SegmentsDataset.load("./release.json", { labelset: "ground-truth" });
   * ```
   */
  static async load(
    source: string | URL | ReleaseFile | { attributes: { url?: string | null; signed_url?: string | null } },
    options: DatasetOptions = {},
  ): Promise<SegmentsDataset> {
    if (typeof source === "object" && !(source instanceof URL) && "dataset" in source)
      return new SegmentsDataset(source, options);
    let location: string;
    if (source instanceof URL) location = source.href;
    else if (typeof source === "string") location = source;
    else {
      const url = source.attributes?.signed_url ?? source.attributes?.url;
      if (!url) throw new ConversionError("release has no attributes.url", { field: "attributes.url" });
      location = url;
    }
    let text: string;
    if (/^https?:\/\//i.test(location)) {
      const response = await (options.fetch ?? globalThis.fetch)(location);
      if (!response.ok)
        throw new ConversionError(`HTTP ${response.status} loading the release`, { file: location });
      text = await response.text();
    } else {
      const { readFile } = await import("node:fs/promises");
      text = await readFile(location.startsWith("file:") ? new URL(location) : location, "utf8");
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ConversionError(
        `invalid JSON: ${(error as Error).message}`,
        { file: location },
        { cause: error },
      );
    }
    return new SegmentsDataset(asRelease(json, location), options);
  }

  get length(): number {
    return this.samples.length;
  }

  /** Categories of the dataset (`task_attributes.categories`). */
  get categories(): Category[] {
    return this.release.dataset.task_attributes?.categories ?? [];
  }

  get taskType(): string {
    return this.release.dataset.task_type;
  }

  /** `{owner}_{dataset}`, as in the Python SDK. */
  get identifier(): string {
    return `${this.release.dataset.owner}_${this.release.dataset.name}`;
  }

  /** Cache key prefix: `{owner}_{dataset}/{release}`. */
  get cachePrefix(): string {
    return `${this.identifier}/${this.release.name}`;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<DatasetSample> {
    for (const s of this.samples) yield s;
  }

  /** Loads the labeled images one at a time (bounded memory). */
  async *labeledImages(): AsyncGenerator<LabeledImage> {
    for (const s of this.samples) yield await s.toLabeledImage();
  }

  /** @internal */
  async fetchBytes(url: string, cacheKey: string, sampleName: string): Promise<Uint8Array> {
    const cached = await this.#cache?.get(cacheKey);
    if (cached) return cached;
    let response: Response;
    try {
      response = await this.#fetch(url);
    } catch (error) {
      throw new ConversionError(
        `download failed: ${(error as Error).message}`,
        { file: url, item: `sample ${sampleName}` },
        { cause: error },
      );
    }
    if (!response.ok)
      throw new ConversionError(`HTTP ${response.status} downloading`, {
        file: url,
        item: `sample ${sampleName}`,
      });
    const bytes = new Uint8Array(await response.arrayBuffer());
    await this.#cache?.set(cacheKey, bytes);
    return bytes;
  }
}
