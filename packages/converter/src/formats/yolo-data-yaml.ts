/**
 * An ultralytics dataset's `data.yaml` (see docs.ultralytics.com/datasets/detect): the class names, the folders (or
 * image lists) of each split and the keypoint shape, and how an image path finds its label file. Shared by the YOLO
 * detect / segment importer and the pose one.
 */
import { parse as parseYaml } from "yaml";
import { ConversionError } from "../errors.js";
import { isRecord, kindOf, show, stripExtension } from "./common.js";

/** What {@link parseYoloDataYaml} reads from a `data.yaml`. */
export interface YoloDataYaml {
  /** Class names by class index (`names` as a list, or as a `{index: name}` map without gaps). */
  names: string[];
  /** Each split (`train`, `val`, `test`) with its folders or image-list files, as written (relative to `path`). */
  splits: Record<string, string[]>;
  /** `path`, the dataset root the splits are relative to, when given. */
  path?: string;
  /** `kpt_shape` (`[keypoints, 2 | 3]`) of pose datasets. */
  kptShape?: [number, 2 | 3];
  /** The whole document, for keys not read here (`flip_idx`, `download`, ...). */
  raw: Record<string, unknown>;
}

const SPLITS = ["train", "val", "test"] as const;

/**
 * Parses a `data.yaml`. Errors name the file and the key.
 *
 * @example
 * ```ts
 * parseYoloDataYaml("path: .\ntrain: images/train\nval: images/val\nnames:\n  0: person\n  1: car\n");
 * // { names: ["person", "car"], splits: { train: ["images/train"], val: ["images/val"] }, path: ".", raw: {...} }
 * ```
 */
export function parseYoloDataYaml(text: string, file = "data.yaml"): YoloDataYaml {
  let doc: unknown;
  try {
    // YAML aliases can multiply a small file into a huge document: refuse more than a few.
    doc = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new ConversionError(
      `invalid YAML: ${(error as Error).message.split("\n")[0]}`,
      { file },
      { cause: error },
    );
  }
  if (!isRecord(doc)) throw new ConversionError(`data.yaml must be a mapping, got ${kindOf(doc)}`, { file });
  const out: YoloDataYaml = { names: yamlNames(doc, file), splits: {}, raw: doc };
  if (typeof doc.path === "string") out.path = doc.path;
  for (const split of SPLITS) {
    const value = doc[split];
    if (value === undefined || value === null) continue;
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v) => typeof v === "string"))
      throw new ConversionError("a split is a folder or a list of folders", { file, field: split });
    out.splits[split] = list as string[];
  }
  if (doc.kpt_shape !== undefined) {
    const k = doc.kpt_shape;
    if (
      !Array.isArray(k) ||
      k.length !== 2 ||
      !Number.isInteger(k[0]) ||
      (k[0] as number) <= 0 ||
      (k[1] !== 2 && k[1] !== 3)
    )
      throw new ConversionError(`kpt_shape must be [keypoints, 2 or 3], got ${show(k)}`, {
        file,
        field: "kpt_shape",
      });
    out.kptShape = [k[0] as number, k[1]];
  }
  return out;
}

/** `names`: a list, or a map from 0-based index to name with no gaps; checked against `nc` when both are given. */
function yamlNames(doc: Record<string, unknown>, file: string): string[] {
  const value = doc.names;
  let names: unknown[];
  if (Array.isArray(value)) names = value;
  else if (isRecord(value)) {
    names = [];
    for (const [key, name] of Object.entries(value)) {
      const index = Number(key);
      if (!/^\d+$/.test(key) || index >= Object.keys(value).length)
        throw new ConversionError(
          `class index ${JSON.stringify(key)} is not 0..${Object.keys(value).length - 1}`,
          {
            file,
            field: `names.${key}`,
          },
        );
      names[index] = name;
    }
  } else throw new ConversionError("names must be a list or a map of class names", { file, field: "names" });
  names.forEach((name, i) => {
    if ((typeof name !== "string" && typeof name !== "number") || String(name).trim() === "")
      throw new ConversionError(`class ${i} has no name`, { file, field: `names.${i}` });
  });
  if (doc.nc !== undefined && doc.nc !== names.length)
    throw new ConversionError(`nc is ${show(doc.nc)} but names lists ${names.length} classes`, {
      file,
      field: "nc",
    });
  return names.map((n) => String(n).trim());
}

/**
 * The label file stem of an image, the ultralytics way (`img2label_paths`): the last `images` folder of the path
 * becomes `labels` and the extension goes (`images/train/a.jpg` -> `labels/train/a`). `undefined` when the path has
 * no `images` folder.
 *
 * @example
 * ```ts
 * yoloLabelStem("train/images/a.jpg"); // "train/labels/a"
 * ```
 */
export function yoloLabelStem(imageName: string): string | undefined {
  const path = `/${imageName}`;
  const i = path.lastIndexOf("/images/");
  if (i < 0) return undefined;
  return stripExtension(`${path.slice(0, i)}/labels/${path.slice(i + "/images/".length)}`).slice(1);
}

/**
 * `a/./b/../c` -> `a/c`, with leading `./` and `../` dropped: split folders in a `data.yaml` are relative to a root
 * (`path`, often `../datasets/x`) that is the folder being read.
 */
export function normalizeRelative(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/**
 * The split of each image, from the splits of a `data.yaml`: an image is in a split when it lies in one of its
 * folders, or is listed in one of its image-list files (`files` holds them by name). Folders are matched by their
 * path relative to the dataset, or failing that, by their last two parts (`../train/images` -> `train/images`, as
 * Roboflow writes them).
 */
export function splitOfImages(
  data: YoloDataYaml,
  imageNames: readonly string[],
  readList: (name: string) => string | undefined,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [split, entries] of Object.entries(data.splits)) {
    for (const entry of entries) {
      const rel = normalizeRelative(
        data.path !== undefined && !data.path.startsWith("/") ? `${data.path}/${entry}` : entry,
      );
      const candidates = [
        rel,
        normalizeRelative(entry),
        normalizeRelative(entry).split("/").slice(-2).join("/"),
      ];
      const list = candidates.map(readList).find((t) => t !== undefined);
      if (list !== undefined) {
        const listed = new Set(list.split(/\r?\n/).map((l) => normalizeRelative(l.trim())));
        for (const name of imageNames) if (listed.has(name) && !out.has(name)) out.set(name, split);
        continue;
      }
      for (const folder of candidates) {
        if (folder === "") continue;
        const prefix = `${folder}/`;
        const inside = imageNames.filter((name) => name.startsWith(prefix) && !out.has(name));
        for (const name of inside) out.set(name, split);
        if (inside.length > 0) break;
      }
    }
  }
  return out;
}
