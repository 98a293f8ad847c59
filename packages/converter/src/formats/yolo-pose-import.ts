/**
 * YOLO pose files -> Segments keypoint labels: each object line becomes a keypoint instance (a `bbox` and one
 * `point` per labeled keypoint, sharing an `instance` attribute, see `./keypoints.ts`), each class a category with
 * its keypoint names (`kpt_names` of data.yaml when present, else `"0"`, `"1"`, ...).
 */
import { ConversionError, type ConversionResult, WarningCollector } from "../errors.js";
import type { Category, ImageVectorAnnotation, LabeledImage } from "../types.js";
import { isRecord, kindOf, requireImageSize } from "./common.js";
import { keypointAnnotations } from "./keypoints.js";
import { parseYoloDataYaml } from "./yolo-data-yaml.js";
import { pairYoloLabels, yoloLines } from "./yolo-import.js";
import type { KptShape } from "./yolo-pose.js";

/** What a YOLO pose `data.yaml` says about the labels. */
export interface YoloPoseDataset {
  kptShape: KptShape;
  /** Class names by index. */
  names: string[];
  /** Keypoint names per class index, when the file has them (`kpt_names`). */
  keypointNames?: string[][];
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === "string");

/**
 * Reads what a YOLO pose dataset needs from its ultralytics `data.yaml` (`parseYoloDataYaml`): `kpt_shape`, required
 * here, `names`, and `kpt_names` (a list of keypoint names per class index, as `toYoloPose` writes it), if present.
 *
 * @example
 * ```ts
 * parseYoloPoseDataYaml("kpt_shape: [17, 3]\nnames:\n  0: person\n"); // { kptShape: [17, 3], names: ["person"] }
 * ```
 */
export function parseYoloPoseDataYaml(text: string, file = "data.yaml"): YoloPoseDataset {
  const data = parseYoloDataYaml(text, file);
  if (data.kptShape === undefined)
    throw new ConversionError("a YOLO pose data.yaml needs kpt_shape: [keypoints, 2 or 3]", {
      file,
      field: "kpt_shape",
    });
  if (data.names.length === 0)
    throw new ConversionError("names must list the class names", { file, field: "names" });
  const out: YoloPoseDataset = { kptShape: data.kptShape, names: data.names };
  const kptNames = data.raw.kpt_names;
  if (kptNames !== undefined) {
    const lists = isRecord(kptNames) ? data.names.map((_, i) => kptNames[i]) : kptNames;
    const k = data.kptShape[0];
    if (
      !Array.isArray(lists) ||
      lists.length !== data.names.length ||
      !lists.every((l) => isStringList(l) && l.length === k)
    )
      throw new ConversionError(
        `kpt_names must give ${k} names for each of the ${data.names.length} classes`,
        {
          file,
          field: "kpt_names",
        },
      );
    out.keypointNames = lists as string[][];
  }
  return out;
}

/**
 * Parses one YOLO pose label file into keypoint instances (a box and its labeled keypoints per line). Class index
 * `i` becomes category id `i + 1`.
 *
 * @example
 * ```ts
 * parseYoloPose("0 0.5 0.5 0.2 0.4 0.5 0.5 2\n", { file: "a.txt", width: 100, height: 100, dataset: { kptShape: [1, 3], names: ["person"] } });
 * // [bbox [[40, 30], [60, 70]] and point [[50, 50]], both with attributes.instance 1]
 * ```
 */
export function parseYoloPose(
  text: string,
  options: { file: string; width: number; height: number; dataset: YoloPoseDataset },
): ImageVectorAnnotation[] {
  const { file, width: W, height: H, dataset } = options;
  if (typeof text !== "string")
    throw new ConversionError(`label file must be text, got ${kindOf(text)}`, { file });
  requireImageSize(W, H, { file });
  const [k, dims] = dataset.kptShape;
  const out: ImageVectorAnnotation[] = [];
  let id = 0;
  const nextId = () => ++id;
  let instance = 0;
  for (const { item, values } of yoloLines(text, file)) {
    if (values.length !== 5 + k * dims)
      throw new ConversionError(
        `expected 5 + ${k}x${dims} values (kpt_shape [${k}, ${dims}]), got ${values.length}`,
        { file, item },
      );
    const cls = values[0] as number;
    if (!Number.isInteger(cls) || cls < 0 || cls >= dataset.names.length)
      throw new ConversionError(`class index ${cls} is not in names (${dataset.names.length} classes)`, {
        file,
        item,
        field: "class",
      });
    if (values.slice(1).some((v, j) => (j < 4 || dims === 2 || (j - 4) % 3 !== 2) && (v < 0 || v > 1)))
      throw new ConversionError("normalised coordinate outside [0, 1]", { file, item });
    const [cx, cy, w, h] = values.slice(1, 5) as [number, number, number, number];
    const categoryId = cls + 1;
    instance++;
    out.push({
      id: nextId(),
      category_id: categoryId,
      type: "bbox",
      points: [
        [(cx - w / 2) * W, (cy - h / 2) * H],
        [(cx + w / 2) * W, (cy + h / 2) * H],
      ],
      attributes: { instance },
    });
    const triples = keypointTriples(values.slice(5), dims, W, H, { file, item });
    const names = dataset.keypointNames?.[cls] ?? defaultNames(k);
    out.push(...keypointAnnotations({ categoryId, instance, keypoints: triples, names }, nextId));
  }
  return out;
}

/** Flat `[x, y, v]` in pixels; with 2 values per keypoint, `0 0` is unlabeled and anything else visible. */
function keypointTriples(
  values: number[],
  dims: 2 | 3,
  W: number,
  H: number,
  where: { file: string; item: string },
): number[] {
  const out: number[] = [];
  for (let j = 0; j < values.length; j += dims) {
    const x = values[j] as number;
    const y = values[j + 1] as number;
    const v = dims === 3 ? (values[j + 2] as number) : x === 0 && y === 0 ? 0 : 2;
    if (v !== 0 && v !== 1 && v !== 2)
      throw new ConversionError(`keypoint visibility must be 0, 1 or 2, got ${v}`, {
        ...where,
        field: `keypoint ${j / dims}`,
      });
    out.push(x * W, y * H, v);
  }
  return out;
}

const defaultNames = (k: number) => Array.from({ length: k }, (_, i) => String(i));

/**
 * Imports a YOLO pose dataset held in memory: `labels` maps a label file (`a/b.txt`) to its text, `images` gives
 * the image of the same stem its name and size, `dataYaml` is the text of data.yaml. A label file without an image
 * is a {@link ConversionError}; an image without a label file gets an empty label.
 *
 * @example
 * ```ts
 * const { value } = fromYoloPose(new Map([["a.txt", "0 0.5 0.5 1 1 0.5 0.5 2\n"]]),
 *   [{ name: "a.jpg", width: 10, height: 10 }], "kpt_shape: [1, 3]\nnames: [person]\n");
 * value.categories; // [{ id: 1, name: "person", keypoints: ["0"] }]
 * ```
 */
export function fromYoloPose(
  labels: ReadonlyMap<string, string>,
  images: ReadonlyArray<{ name: string; width: number; height: number }>,
  dataYaml: string,
): ConversionResult<{ images: LabeledImage[]; categories: Category[] }> {
  const warnings = new WarningCollector();
  if (typeof dataYaml !== "string")
    throw new ConversionError(`data.yaml must be text, got ${kindOf(dataYaml)}`, { file: "data.yaml" });
  const dataset = parseYoloPoseDataYaml(dataYaml);
  const categories: Category[] = dataset.names.map((name, i) => ({
    id: i + 1,
    name,
    keypoints: dataset.keypointNames?.[i] ?? defaultNames(dataset.kptShape[0]),
  }));
  const out = pairYoloLabels(labels, images, (text, file, image) =>
    parseYoloPose(text, { file, width: image.width, height: image.height, dataset }),
  );
  return { value: { images: out, categories }, warnings: warnings.list };
}
