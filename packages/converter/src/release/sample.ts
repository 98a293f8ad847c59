/** One sample of a release: its label, and its image and bitmap loaded on demand. */
import { decodeLabelBitmap, PngError } from "@segments-ts/bitmap";
import { ConversionError } from "../errors.js";
import { isRecord, kindOf } from "../formats/common.js";
import { imageSize } from "../image-size.js";
import type { UniqueNames } from "../names.js";
import type {
  ImageSegmentationLabelAttributes,
  ImageVectorLabelAttributes,
  InstanceBitmap,
  LabelAttributes,
  LabeledImage,
  ReleaseSample,
  TaskType,
} from "../types.js";
import type { SegmentsDataset } from "./dataset.js";
import { IMAGE_TASK_TYPES } from "./options.js";

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
