/**
 * Release files and a `SegmentsDataset` equivalent: filter by labelset, label status and metadata, iterate samples
 * lazily, load images and label bitmaps on demand through an injectable `fetch`, optionally through a byte cache
 * (the Node subpath provides a directory cache and reads release files from disk).
 *
 * Everything in a release file is the server's: its URLs are only fetched over http(s) (see `download.ts`), its
 * names only become cache keys through `UniqueNames`.
 */
import { decodeLabelBitmap, PngError } from "@segments-ts/bitmap";
import { ConversionError } from "../errors.js";
import { isRecord, kindOf } from "../formats/common.js";
import { resolveMaxPixels } from "../limits.js";
import { safePath, UniqueNames } from "../names.js";
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
import {
  DEFAULT_MAX_DOWNLOAD_BYTES,
  type DownloadTarget,
  download,
  downloadImageSize,
  type Fetch,
  isHttpUrl,
  resolveMaxDownloadBytes,
} from "./download.js";
import { imageSize } from "./image-size.js";

export { DEFAULT_MAX_DOWNLOAD_BYTES, imageSize };

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
  /**
   * `fetch` used for the release file, images and bitmaps (default: the global one). Only `http:` and `https:` URLs
   * are fetched, whatever the release says (images may also be `data:image/...` URLs, decoded without a fetch).
   */
  fetch?: typeof fetch;
  /** Cache for downloaded bytes. */
  cache?: ByteCache;
  /**
   * Largest label bitmap, in pixels, decoded by `loadBitmap` (default {@link DEFAULT_MAX_PIXELS}, 2^28), checked from
   * the PNG header before decoding.
   */
  maxPixels?: number;
  /**
   * Largest download, in bytes (default {@link DEFAULT_MAX_DOWNLOAD_BYTES}, 256 MiB): the release file, each image
   * and each label bitmap. Bodies are streamed and the download stops as soon as it passes the limit.
   */
  maxDownloadBytes?: number;
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
  /** The sample's metadata; `{}` when the release file has none (the field is optional in hand-made files). */
  readonly metadata: Record<string, unknown>;
  /** The label's status in the selected labelset; `"UNLABELED"` when the sample has no label there. */
  readonly labelStatus: string;
  /**
   * Label attributes of the selected labelset, or `null` when unlabeled. Their shape follows the dataset's task type
   * (`LabelAttributesFor<T>` of `@segments-ts/client` names it for a task type `T`).
   */
  readonly label: LabelAttributes | null;
  readonly imageUrl: string | undefined;
  readonly raw: ReleaseSample;
  readonly #dataset: SegmentsDataset;
  /** Cache keys of the image and the label bitmap: safe and unique within the release (see `UniqueNames`). */
  readonly #cacheKeys: { image: string; bitmap: string };

  /** @internal Samples are made by {@link SegmentsDataset}, which names their cache entries. */
  constructor(dataset: SegmentsDataset, raw: ReleaseSample, cacheNames: UniqueNames) {
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
    const prefix = dataset.cachePrefix;
    const claim = (name: string) => `${prefix}/${cacheNames.claim(name, { directories: true }).path}`;
    this.#cacheKeys = {
      image: claim(this.fileName),
      bitmap: claim(`${stem(raw.name)}_label_${dataset.labelset}.png`),
    };
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
    return this.#dataset.fetchBytes(this.imageUrl, this.#cacheKeys.image, this.name);
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
    const bytes = await this.#dataset.fetchBytes(url, this.#cacheKeys.bitmap, this.name);
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
   * The sample as a converter input. The size comes from the bitmap, or else from the image's header: only the first
   * bytes of the image are downloaded (unless it is in the cache).
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
    const size = await this.#imageSize();
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

  /** Width and height of the image, from the cache or from the first bytes of its download. */
  async #imageSize(): Promise<{ width: number; height: number } | undefined> {
    this.#imageLabel();
    if (!this.imageUrl) return imageSize(await this.loadImage()); // throws the missing-URL error
    return this.#dataset.fetchImageSize(this.imageUrl, this.#cacheKeys.image, this.name);
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
  readonly #fetch: Fetch;
  readonly #cache: ByteCache | undefined;
  readonly #maxDownloadBytes: number;
  /** @internal The `maxPixels` of {@link DatasetOptions}. */
  readonly maxPixels: number;

  constructor(release: ReleaseFile, options: DatasetOptions = {}) {
    this.release = asRelease(release, "release");
    this.maxPixels = resolveMaxPixels(options.maxPixels);
    this.#maxDownloadBytes = resolveMaxDownloadBytes(options.maxDownloadBytes);
    this.labelset = options.labelset ?? "ground-truth";
    this.#fetch = fetchOf(options);
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
    // Cache names are handed out over every sample of the release, so that a filter never changes them.
    const cacheNames = new UniqueNames();
    this.samples = dataset.samples
      .map((s) => new DatasetSample(this, s, cacheNames))
      .filter((s) => (statuses ? statuses.has(s.labelStatus.toUpperCase()) : true))
      .filter((s) => (meta ? Object.entries(meta).every(([k, v]) => s.metadata[k] === v) : true));
  }

  /**
   * Loads a release from the http(s) URL of its file, a `Release` object (`attributes.url`) or an already-parsed
   * release file. The file is downloaded streaming, up to `maxDownloadBytes`. Other URLs (`file:`, `data:`, ...) and
   * paths are refused: a URL from a server must never read a local file. To read a release file from disk, use
   * `loadReleaseFile(path)` of `@segments-ts/converter/node`.
   *
   * @example
   * ```ts
   * const dataset = await SegmentsDataset.load(release, { labelset: "ground-truth" });
   * const same = await SegmentsDataset.load("https://segments-releases.s3.amazonaws.com/.../release.json");
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
    if (!isHttpUrl(location))
      throw new ConversionError(
        `SegmentsDataset.load only fetches http(s) URLs, got ${JSON.stringify(location.slice(0, 200))}: to read a release file from disk, use loadReleaseFile(path) of @segments-ts/converter/node`,
        { file: location.slice(0, 200), field: "source" },
      );
    const target: DownloadTarget = {
      kind: "release",
      maxBytes: resolveMaxDownloadBytes(options.maxDownloadBytes),
      item: "release file",
    };
    const bytes = await download(fetchOf(options), location, target);
    return new SegmentsDataset(parseReleaseFile(new TextDecoder().decode(bytes), location), options);
  }

  get length(): number {
    return this.samples.length;
  }

  /** Categories of the dataset (`task_attributes.categories`); `[]` when either is missing or null. */
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

  /** Cache key prefix: `{owner}_{dataset}/{release}`, each made one safe file name. */
  get cachePrefix(): string {
    return `${safePath(this.identifier)}/${safePath(this.release.name)}`;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<DatasetSample> {
    for (const s of this.samples) yield s;
  }

  /** Loads the labeled images one at a time (bounded memory). */
  async *labeledImages(): AsyncGenerator<LabeledImage> {
    for (const s of this.samples) yield await s.toLabeledImage();
  }

  /** @internal Downloads `url` (or reads it from the cache), up to `maxDownloadBytes`. */
  async fetchBytes(url: string, cacheKey: string, sampleName: string): Promise<Uint8Array> {
    const cached = await this.#cache?.get(cacheKey);
    if (cached) return cached;
    const bytes = await download(this.#fetch, url, this.#imageTarget(sampleName));
    await this.#cache?.set(cacheKey, bytes);
    return bytes;
  }

  /** @internal The size of the image at `url`: from the cache, or from the first bytes of its download. */
  async fetchImageSize(
    url: string,
    cacheKey: string,
    sampleName: string,
  ): Promise<{ width: number; height: number } | undefined> {
    const cached = await this.#cache?.get(cacheKey);
    if (cached) return imageSize(cached);
    return downloadImageSize(this.#fetch, url, this.#imageTarget(sampleName));
  }

  #imageTarget(sampleName: string): DownloadTarget {
    return { kind: "image", maxBytes: this.#maxDownloadBytes, item: `sample ${sampleName}` };
  }
}

/** The `fetch` of the options, or the global one. */
function fetchOf(options: DatasetOptions): Fetch {
  const fetchFn = options.fetch ?? globalThis.fetch;
  if (typeof fetchFn !== "function")
    throw new ConversionError("no fetch available: pass { fetch } in the options", { field: "fetch" });
  return fetchFn as Fetch;
}

/**
 * Parses the text of a release file, checking what the loader relies on (see `SegmentsDataset`); `source` names the
 * file in errors.
 *
 * @example
 * ```ts
 * const dataset = new SegmentsDataset(parseReleaseFile(text, "release.json"), { filterBy: "REVIEWED" });
 * ```
 */
export function parseReleaseFile(text: string, source: string): ReleaseFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConversionError(
      `invalid JSON: ${(error as Error).message}`,
      { file: source },
      { cause: error },
    );
  }
  return asRelease(json, source);
}
