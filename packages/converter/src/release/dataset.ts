/**
 * `SegmentsDataset`: a loaded release, filtered like the Python SDK's, whose samples load their image and bitmap on
 * demand.
 *
 * Everything in a release file is the server's: its URLs are only fetched over http(s) (see `download.ts`), its
 * names only become cache keys through `UniqueNames`.
 */
import { ConversionError } from "../errors.js";
import { imageSize } from "../image-size.js";
import { resolveMaxPixels } from "../limits.js";
import { safePath, UniqueNames } from "../names.js";
import type { Category, LabeledImage, ReleaseFile } from "../types.js";
import {
  type DownloadTarget,
  download,
  downloadImageSize,
  type Fetch,
  isHttpUrl,
  resolveMaxDownloadBytes,
} from "./download.js";
import { type ByteCache, type DatasetOptions, SUPPORTED_TASK_TYPES } from "./options.js";
import { DatasetSample } from "./sample.js";
import { asRelease } from "./validate.js";

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
