// Pure helpers on decoded label bitmaps: semantic maps, per-instance statistics, colouring and overlays.
import { describe } from "./describe.js";
import { normalizeIds } from "./ids.js";
import type { DecodedPng, IdRows, LabelBitmap, RgbaImage, ShapedIds } from "./types.js";

/** An annotation as found in a segmentation label (`label.attributes.annotations`), snake or camel case. */
export interface AnnotationLike {
  id: number;
  category_id?: number;
  categoryId?: number;
}

/** Options of {@link getSemanticBitmap}. */
export interface SemanticOptions {
  /** Added to every category id (0 stays 0 for unlabeled pixels). Default 0 (the Python SDK default since v1.0). */
  idIncrement?: number;
}

/** An instance bitmap as the helpers accept it: a decoded label, ids with their width and height, or rows of ids. */
export type BitmapInput = LabelBitmap | ShapedIds | IdRows;

/**
 * Map an instance bitmap to a semantic one: every pixel's instance id becomes its annotation's `category_id +
 * idIncrement`; unlabeled pixels (0) and instance ids without an annotation become 0. Unlike the Python SDK,
 * `null`/`undefined`/empty annotations are fine (all pixels 0), and a missing bitmap gives `undefined`.
 *
 * @example
 * ```ts
 * const semantic = getSemanticBitmap(bitmap, label.attributes.annotations, { idIncrement: 1 });
 * ```
 */
export function getSemanticBitmap(
  instanceBitmap: BitmapInput,
  annotations: readonly AnnotationLike[] | null | undefined,
  options?: SemanticOptions,
): LabelBitmap;
export function getSemanticBitmap(
  instanceBitmap: BitmapInput | null | undefined,
  annotations: readonly AnnotationLike[] | null | undefined,
  options?: SemanticOptions,
): LabelBitmap | undefined;
export function getSemanticBitmap(
  instanceBitmap: BitmapInput | null | undefined,
  annotations: readonly AnnotationLike[] | null | undefined,
  options: SemanticOptions = {},
): LabelBitmap | undefined {
  if (!instanceBitmap) return undefined;
  const { width, height, ids } = normalizeIds(instanceBitmap, undefined, "getSemanticBitmap");
  const table = categoryTable(annotations ?? [], options.idIncrement ?? 0);
  const out = new Uint32Array(ids.length);
  let lastId = -1;
  let lastVal = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id !== lastId) {
      lastId = id;
      lastVal = table.get(id) ?? 0;
    }
    out[i] = lastVal;
  }
  return { width, height, data: out };
}

/**
 * Instance id -> category id + increment, checked: every annotation needs an integer instance id >= 1 and a category,
 * and an id given twice must name the same category (the Python SDK silently keeps the last).
 */
function categoryTable(annotations: readonly AnnotationLike[], inc: number): Map<number, number> {
  const where = "getSemanticBitmap";
  if (!Array.isArray(annotations))
    throw new TypeError(
      `${where}: annotations must be an array of { id, category_id } (label.attributes.annotations), got ${describe(annotations)}`,
    );
  if (!Number.isInteger(inc))
    throw new RangeError(`${where}: idIncrement must be an integer (got ${describe(inc)})`);
  const table = new Map<number, number>();
  annotations.forEach((a: AnnotationLike | null | undefined, i) => {
    if (typeof a !== "object" || a === null)
      throw new TypeError(`${where}: annotations[${i}] is ${describe(a)}, not { id, category_id }`);
    const { id } = a;
    if (!(Number.isInteger(id) && id >= 1 && id <= 0xffffffff))
      throw new RangeError(
        `${where}: annotations[${i}].id is ${describe(id)}: instance ids are integers from 1 (0 marks unlabeled pixels)`,
      );
    const cat = a.category_id ?? a.categoryId;
    if (cat === undefined || cat === null)
      throw new TypeError(`${where}: annotations[${i}] (instance ${id}) has no category_id`);
    const v = cat + inc;
    if (!(Number.isInteger(v) && v >= 0 && v <= 0xffffffff))
      throw new RangeError(
        `${where}: annotations[${i}]: category id ${describe(cat)} + idIncrement ${inc} is not a valid uint32 (instance ${id})`,
      );
    const before = table.get(id);
    if (before !== undefined && before !== v) {
      const first = annotations.findIndex((b) => b?.id === id);
      throw new RangeError(
        `${where}: annotations[${i}] gives instance ${id} category ${cat}, annotations[${first}] gave it ${before - inc}`,
      );
    }
    table.set(id, v);
  });
  table.set(0, 0);
  return table;
}

/** Area and bounding box of one instance, as {@link instanceStats} returns them. */
export interface InstanceStat {
  id: number;
  /** Number of pixels. */
  area: number;
  /** COCO-style `[x, y, width, height]`, in pixels, inclusive of the boundary pixels. */
  bbox: [number, number, number, number];
}

/**
 * Area and bounding box of every instance id present in the bitmap (0 excluded unless `includeUnlabeled`), sorted
 * by id. One pass over the pixels.
 *
 * @example
 * ```ts
 * for (const { id, area, bbox } of instanceStats(bitmap)) console.log(id, area, bbox);
 * ```
 */
export function instanceStats(
  bitmap: BitmapInput,
  options: { includeUnlabeled?: boolean } = {},
): InstanceStat[] {
  const { width, height, ids } = normalizeIds(bitmap, undefined, "instanceStats");
  const stats = new Map<number, { area: number; x0: number; y0: number; x1: number; y1: number }>();
  for (let y = 0; y < height; y++) {
    const r = y * width;
    let x = 0;
    while (x < width) {
      const id = ids[r + x] as number;
      let e = x + 1;
      while (e < width && ids[r + e] === id) e++;
      let s = stats.get(id);
      if (!s) {
        s = { area: 0, x0: x, y0: y, x1: e - 1, y1: y };
        stats.set(id, s);
      }
      s.area += e - x;
      if (x < s.x0) s.x0 = x;
      if (e - 1 > s.x1) s.x1 = e - 1;
      s.y1 = y;
      x = e;
    }
  }
  const out: InstanceStat[] = [];
  for (const [id, s] of stats) {
    if (id === 0 && !options.includeUnlabeled) continue;
    out.push({ id, area: s.area, bbox: [s.x0, s.y0, s.x1 - s.x0 + 1, s.y1 - s.y0 + 1] });
  }
  return out.sort((a, b) => a.id - b.id);
}

/** An RGB(A) colour, components 0-255; alpha defaults to 255. */
export type Color = readonly [number, number, number] | readonly [number, number, number, number];

/** A palette: a function of the id, or an array indexed by id (ids past its end fall back to {@link instanceColor}). */
export type Palette = ((id: number) => Color) | readonly Color[];

/**
 * The default colour of an instance id: the PASCAL VOC colormap extended to all 24-bit ids. The id's bits are
 * dealt round-robin to R, G and B, most significant bit first (id 1 = (128, 0, 0), 2 = (0, 128, 0),
 * 3 = (128, 128, 0), 4 = (0, 0, 128), ...): a bijection, so every id in 1..2^24-1 gets its own colour, and small
 * consecutive ids differ in the high bits, so neighbours look clearly different. Id 0 (unlabeled) is transparent
 * black `[0, 0, 0, 0]`. (The Python SDK cycles 36 fixed colours indexed by id - 1 and casts ids to uint8, so ids
 * 36 or 256 apart look the same.)
 *
 * @example
 * ```ts
 * instanceColor(1); // [128, 0, 0, 255]
 * ```
 */
export function instanceColor(id: number): [number, number, number, number] {
  if (id === 0) return [0, 0, 0, 0];
  let r = 0;
  let g = 0;
  let b = 0;
  let c = id;
  for (let j = 7; j >= 0; j--) {
    r |= (c & 1) << j;
    g |= ((c >> 1) & 1) << j;
    b |= ((c >> 2) & 1) << j;
    c >>= 3;
  }
  return [r, g, b, 255];
}

function colorLookup(palette: Palette | undefined): (id: number) => number {
  const get: (id: number) => Color =
    typeof palette === "function"
      ? palette
      : palette
        ? (id) => palette[id] ?? instanceColor(id)
        : instanceColor;
  // Packed little-endian RGBA for a Uint32 view.
  return (id) => {
    const c = get(id);
    checkColor(c, id);
    return (c[0] | (c[1] << 8) | (c[2] << 16) | ((c[3] ?? 255) << 24)) >>> 0;
  };
}

/** A palette colour must be 3 or 4 integers in 0-255: anything else is an error, not a colour wrapped mod 256. */
function checkColor(c: Color | undefined, id: number): asserts c is Color {
  const ok =
    (Array.isArray(c) || ArrayBuffer.isView(c)) &&
    (c.length === 3 || c.length === 4) &&
    Array.prototype.every.call(
      c,
      (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 255,
    );
  if (!ok)
    throw new RangeError(
      `colorize: the palette colour for instance ${id} is ${Array.isArray(c) ? `[${c.join(", ")}]` : describe(c)}: expected [r, g, b] or [r, g, b, a] with integers 0-255`,
    );
}

const LITTLE_ENDIAN = /* @__PURE__ */ (() => new Uint8Array(Uint32Array.of(1).buffer)[0] === 1)();

/**
 * Colour a label bitmap for viewing: every id gets its palette colour (default {@link instanceColor}: a distinct
 * colour per id, 0 transparent). Returns an RGBA image; `colorizePng` encodes it.
 *
 * @example
 * ```ts
 * const rgba = colorize(bitmap);
 * const png = encodePng({ ...rgba, colorType: "rgba" });
 * ```
 */
export function colorize(bitmap: BitmapInput, palette?: Palette): RgbaImage & { data: Uint8Array } {
  const { width, height, ids } = normalizeIds(bitmap, undefined, "colorize");
  const lookup = colorLookup(palette);
  const cache = new Map<number, number>();
  const data = new Uint8Array(ids.length * 4);
  const out32 = LITTLE_ENDIAN ? new Uint32Array(data.buffer) : undefined;
  let lastId = -1;
  let lastColor = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (id !== lastId) {
      lastId = id;
      let c = cache.get(id);
      if (c === undefined) {
        c = lookup(id);
        cache.set(id, c);
      }
      lastColor = c;
    }
    if (out32) out32[i] = lastColor;
    else {
      data[4 * i] = lastColor & 255;
      data[4 * i + 1] = (lastColor >>> 8) & 255;
      data[4 * i + 2] = (lastColor >>> 16) & 255;
      data[4 * i + 3] = lastColor >>> 24;
    }
  }
  return { width, height, data };
}

/** Options of {@link overlay}. */
export interface OverlayOptions {
  /** Opacity of the mask colours over the image, 0-1 (default 0.5). Unlabeled pixels show the image unchanged. */
  alpha?: number;
  /** Colours (default {@link instanceColor}). A palette colour's own alpha scales `alpha`. */
  palette?: Palette;
}

/**
 * Blend a label bitmap's colours over an RGBA image of the same size (e.g. the sample image decoded with
 * `decodePng` + `toRgba`): `out = (1 - a) * image + a * colour` on labeled pixels, the image elsewhere.
 *
 * @example
 * ```ts
 * const view = overlay(toRgba(decodePng(imageBytes)), bitmap, { alpha: 0.4 });
 * ```
 */
export function overlay(
  image: RgbaImage,
  bitmap: BitmapInput,
  options: OverlayOptions = {},
): RgbaImage & { data: Uint8Array } {
  const { width, height, ids } = normalizeIds(bitmap, undefined, "overlay");
  if (
    typeof image !== "object" ||
    image === null ||
    !(ArrayBuffer.isView(image.data) || Array.isArray(image.data))
  )
    throw new TypeError(
      `overlay: image must be { width, height, data } with RGBA bytes (e.g. toRgba(decodePng(bytes))), got ${describe(image)}`,
    );
  if (image.width !== width || image.height !== height)
    throw new RangeError(
      `overlay: image is ${image.width}x${image.height} but the bitmap is ${width}x${height}`,
    );
  if (image.data.length !== width * height * 4)
    throw new RangeError(
      `overlay: image data has ${image.data.length} bytes, expected ${width * height * 4} (RGBA)`,
    );
  const alpha = options.alpha ?? 0.5;
  if (!(typeof alpha === "number" && alpha >= 0 && alpha <= 1))
    throw new RangeError(`overlay: alpha must be a number from 0 to 1 (got ${describe(alpha)})`);
  const colors = colorize({ width, height, data: ids }, options.palette).data;
  const src = image.data;
  const out = new Uint8Array(src.length);
  for (let i = 0; i < ids.length; i++) {
    const q = 4 * i;
    if (ids[i] === 0) {
      out[q] = src[q] as number;
      out[q + 1] = src[q + 1] as number;
      out[q + 2] = src[q + 2] as number;
    } else {
      const a = (alpha * (colors[q + 3] as number)) / 255;
      out[q] = Math.round((src[q] as number) * (1 - a) + (colors[q] as number) * a);
      out[q + 1] = Math.round((src[q + 1] as number) * (1 - a) + (colors[q + 1] as number) * a);
      out[q + 2] = Math.round((src[q + 2] as number) * (1 - a) + (colors[q + 2] as number) * a);
    }
    out[q + 3] = src[q + 3] as number;
  }
  return { width, height, data: out };
}

/**
 * Convert any decoded PNG to 8-bit RGBA (16-bit samples rounded to 8 bits, palette looked up with tRNS alpha, gray
 * expanded, tRNS colour keys made transparent), e.g. to overlay a mask on a sample image.
 *
 * @example
 * ```ts
 * const rgba = toRgba(decodePng(bytes));
 * ```
 */
export function toRgba(png: DecodedPng): RgbaImage & { data: Uint8Array } {
  const { width, height, channels, data, bitDepth, colorType } = png;
  const n = width * height;
  const out = new Uint8Array(n * 4);
  const max = 2 ** bitDepth - 1;
  const to8 = (v: number) => (bitDepth === 8 ? v : Math.round((v * 255) / max));
  const key = png.transparency;
  for (let i = 0, j = 0; i < n; i++, j += channels) {
    const q = 4 * i;
    if (colorType === "palette") {
      const k = data[j] as number;
      const pal = png.palette ?? new Uint8Array(0);
      out[q] = pal[3 * k] ?? 0;
      out[q + 1] = pal[3 * k + 1] ?? 0;
      out[q + 2] = pal[3 * k + 2] ?? 0;
      out[q + 3] = key && k < key.length ? (key[k] as number) : 255;
    } else if (channels <= 2) {
      const g = to8(data[j] as number);
      out[q] = g;
      out[q + 1] = g;
      out[q + 2] = g;
      out[q + 3] = channels === 2 ? to8(data[j + 1] as number) : key && key[0] === data[j] ? 0 : 255;
    } else {
      out[q] = to8(data[j] as number);
      out[q + 1] = to8(data[j + 1] as number);
      out[q + 2] = to8(data[j + 2] as number);
      out[q + 3] =
        channels === 4
          ? to8(data[j + 3] as number)
          : key && key[0] === data[j] && key[1] === data[j + 1] && key[2] === data[j + 2]
            ? 0
            : 255;
    }
  }
  return { width, height, data: out };
}
