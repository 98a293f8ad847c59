/** Small helpers shared by the format modules. */
import { type DecodedPng, decodePng, PngError } from "@segments-ts/bitmap";
import { ConversionError, type ProblemLocation } from "../errors.js";
import type { Category } from "../types.js";

/** What a JSON value is, for error messages: `null`, `an array`, `a string`, ... */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const type = typeof value;
  return type === "object" || type === "undefined" ? type : `a ${type}`;
}

/**
 * A value from the input, for an error message or an item name. `String()` would call a `toString` member of the
 * input, which can be anything (`{"toString": ""}` makes it throw a TypeError).
 */
export function show(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  try {
    return JSON.stringify(value) ?? kindOf(value);
  } catch {
    return kindOf(value);
  }
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `a/b/img.jpg` -> `a/b/img`. */
export function stripExtension(name: string): string {
  const slash = name.lastIndexOf("/");
  const dot = name.lastIndexOf(".");
  return dot > slash + 0 && dot > 0 ? name.slice(0, dot) : name;
}

/** Throws unless width and height are positive integers. */
export function requireImageSize(width: unknown, height: unknown, location: ProblemLocation): void {
  for (const [field, v] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) {
      throw new ConversionError(`image ${field} must be a positive integer, got ${JSON.stringify(v)}`, {
        ...location,
        field,
      });
    }
  }
}

/**
 * Throws a located {@link ConversionError} when two categories share an id: every lookup by id would silently pick
 * one of them, and the other's annotations would be written under the wrong name.
 */
export function requireUniqueCategoryIds(
  categories: ReadonlyArray<{ id: unknown }>,
  location: ProblemLocation,
): void {
  const seen = new Set<unknown>();
  categories.forEach((c, i) => {
    if (seen.has(c.id))
      throw new ConversionError(`duplicate category id ${show(c.id)}: category ids must be unique`, {
        ...location,
        item: `categories[${i}]`,
        field: "id",
      });
    seen.add(c.id);
  });
}

/** Category lookup by id that throws a located error (and refuses duplicate ids up front). */
export function categoryLookup(
  categories: ReadonlyArray<Category>,
): (id: number, location: ProblemLocation) => Category {
  requireUniqueCategoryIds(categories, {});
  const byId = new Map(categories.map((c) => [c.id, c]));
  return (id, location) => {
    const c = byId.get(id);
    if (c === undefined)
      throw new ConversionError(`unknown category id ${id}`, { ...location, field: "category_id" });
    return c;
  };
}

/**
 * Most distinct class names one import creates categories for. A name per object in a hostile file could otherwise
 * grow the category list without bound; real datasets have thousands at most (LVIS: 1,203; Open Images: 19,995).
 */
export const MAX_CATEGORIES = 1_000_000;

/** Thrown when an import would create more than {@link MAX_CATEGORIES} categories. */
export class CategoryLimitError extends ConversionError {
  readonly limit: number;
  constructor(limit: number, location: ProblemLocation) {
    super(`more than ${limit} distinct class names: not a label file this converter accepts`, location);
    this.limit = limit;
  }
}

/** The next free id of each name -> id map given to the importers, so that adding a name costs O(1). */
const nextIds = new WeakMap<Map<string, number>, { next: number; size: number }>();

/**
 * The category id of a class name met in a file, adding the name to `categoryIds` (the largest id plus one) the
 * first time, and to `names`, the names of this file in order of first appearance. Constant time per call: the
 * largest id is found once per map (again only if someone else added to the map since).
 */
export function categoryIdFor(
  name: string,
  categoryIds: Map<string, number>,
  names: Set<string>,
  location: ProblemLocation = {},
): number {
  let categoryId = categoryIds.get(name);
  if (categoryId === undefined) {
    if (categoryIds.size >= MAX_CATEGORIES) throw new CategoryLimitError(MAX_CATEGORIES, location);
    let state = nextIds.get(categoryIds);
    if (state === undefined || state.size !== categoryIds.size) {
      let max = 0;
      for (const id of categoryIds.values()) if (id > max) max = id;
      state = { next: max + 1, size: categoryIds.size };
      nextIds.set(categoryIds, state);
    }
    categoryId = state.next++;
    categoryIds.set(name, categoryId);
    state.size = categoryIds.size;
  }
  names.add(name);
  return categoryId;
}

/** Flattens `[[x, y], ...]` after checking every number is finite. */
export function flattenPoints(points: unknown, location: ProblemLocation): number[] {
  if (!Array.isArray(points))
    throw new ConversionError("points must be a list of [x, y]", { ...location, field: "points" });
  const flat: number[] = [];
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2)
      throw new ConversionError("each point must be [x, y]", { ...location, field: `points[${i}]` });
    for (const k of [0, 1]) {
      const v = p[k];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new ConversionError(`expected a finite number, got ${JSON.stringify(v)}`, {
          ...location,
          field: `points[${i}][${k}]`,
        });
      }
      flat.push(v);
    }
  });
  return flat;
}

/** Pairs a flat list back into points. */
export function toPairs(flat: ArrayLike<number>): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as number, flat[i + 1] as number]);
  return out;
}

/**
 * Decodes a PNG the importers read (panoptic, index PNGs) with the pixel limit, turning every `PngError` into a
 * located {@link ConversionError}. The decoder checks `maxPixels` from the header, before allocating anything.
 */
export function decodeInputPng(png: Uint8Array, maxPixels: number, location: ProblemLocation): DecodedPng {
  try {
    return decodePng(png, { maxPixels });
  } catch (error) {
    if (error instanceof PngError && error.code === "TOO_LARGE")
      throw new ConversionError(
        `${error.message}: pass a larger maxPixels option to convert it`,
        { ...location, field: "width, height" },
        { cause: error },
      );
    // Anything the decoder throws is about these bytes, including a non-Uint8Array argument.
    throw new ConversionError(`invalid PNG: ${(error as Error).message}`, location, { cause: error });
  }
}
