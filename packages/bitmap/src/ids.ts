// Instance ids as callers hand them in (typed arrays, plain arrays, arrays of rows, shaped objects) resolved to one
// validated width, height and Uint32Array, with errors that name the function, the field and the fix.

import { ID_MASK } from "./codec/index.js";
import { describe } from "./describe.js";
import type { IdArray, IdRows, ShapedIds } from "./types.js";

/** Every form of instance ids the package accepts. */
export type IdsInput = IdArray | IdRows | ShapedIds;

const ACCEPTED =
  "a typed array of ids with { width, height }, an array of rows, or { data, width, height } / { data, shape: [height, width] }";

/**
 * Resolve `(bitmap, options)` to a validated width, height and Uint32Array of ids (the input itself when it already is
 * one). `caller` names the public function in error messages. With `validate24`, ids in non-Uint32 arrays must be
 * below 2^24 (bitmap2file checks Uint32Arrays itself, inside its row scan); otherwise any uint32 passes.
 */
export function normalizeIds(
  bitmap: IdsInput,
  options: { width?: number; height?: number } | undefined,
  caller: string,
  validate24 = false,
) {
  let data: IdArray;
  let width = options?.width;
  let height = options?.height;
  if (isShaped(bitmap)) {
    data = bitmap.data;
    if ("shape" in bitmap) {
      const s = bitmap.shape;
      if (!Array.isArray(s) || !(s.length === 2 || (s.length === 3 && s[2] === 1)))
        throw new RangeError(
          `${caller}: bitmap shape ${describeShape(s)} is not [height, width] (or [height, width, 1])`,
        );
      height ??= s[0];
      width ??= s[1];
      if (height !== s[0] || width !== s[1])
        throw new RangeError(
          `${caller}: options ${width}x${height} disagree with the bitmap shape [${s.join(", ")}]`,
        );
    } else {
      width ??= bitmap.width;
      height ??= bitmap.height;
      if (width !== bitmap.width || height !== bitmap.height)
        throw new RangeError(
          `${caller}: options ${width}x${height} disagree with the bitmap's ${bitmap.width}x${bitmap.height}`,
        );
    }
  } else if (isRows(bitmap)) {
    const flat = flattenRows(bitmap, caller);
    height ??= bitmap.length;
    width ??= flat.width;
    if (height !== bitmap.length || width !== flat.width)
      throw new RangeError(
        `${caller}: options ${width}x${height} disagree with the ${bitmap.length} rows of ${flat.width} ids`,
      );
    data = flat.data;
  } else data = bitmap;
  checkIdArray(data, caller);
  if (width === undefined || height === undefined)
    throw new TypeError(
      `${caller} needs { width, height } for a flat array of ids (or pass { data, width, height }, { data, shape: [height, width] } or rows)`,
    );
  checkDimension(width, "width", caller);
  checkDimension(height, "height", caller);
  if (data.length !== width * height)
    throw new RangeError(
      `${caller}: bitmap has ${data.length} pixels, expected ${width}x${height} = ${width * height}`,
    );
  const limit = validate24 ? ID_MASK : MAX_UINT32;
  return { width, height, ids: toUint32(data, width, limit, caller), source: data };
}

const MAX_UINT32 = 0xffffffff;

/** The ids as a Uint32Array: the input itself, a view of an Int32Array, or a copy, each id checked against `limit`. */
function toUint32(data: IdArray, width: number, limit: number, caller: string): Uint32Array {
  // (bitmap2file checks a Uint32Array's range inside its row scan; every uint32 suits the helpers.)
  if (data instanceof Uint32Array) return data;
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Uint16Array) {
    const ids = new Uint32Array(data.length);
    ids.set(data);
    return ids;
  }
  if (data instanceof Int32Array) {
    // bitmap2file's 24-bit check catches negative ids, which this view turns into ids >= 2^31; the helpers look.
    if (limit === MAX_UINT32 && data.some((v) => v < 0)) throw badPixel(data, width, limit, caller);
    return new Uint32Array(data.buffer, data.byteOffset, data.length);
  }
  const ids = new Uint32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!(v >= 0 && v <= limit && Number.isInteger(v))) throw badPixel(data, width, limit, caller);
    ids[i] = v;
  }
  return ids;
}

function isShaped(b: IdsInput): b is ShapedIds {
  return !Array.isArray(b) && !ArrayBuffer.isView(b) && typeof b === "object" && b !== null && "data" in b;
}

/** An array whose first element is itself a row (an array or a typed array), as nested lists and `arraySync()` give. */
function isRows(b: IdsInput): b is IdRows {
  if (!Array.isArray(b) || b.length === 0) return false;
  const first: unknown = b[0];
  return Array.isArray(first) || ArrayBuffer.isView(first);
}

/** Rows of ids, concatenated; every row must be an array of the first row's length. */
function flattenRows(rows: IdRows, caller: string): { data: Float64Array; width: number } {
  const width = (rows[0] as ArrayLike<number>).length;
  // Float64 holds every value the rows may contain (fractions, negatives, NaN), so the range check after can name it.
  const data = new Float64Array(rows.length * width);
  for (let y = 0; y < rows.length; y++) {
    const row: unknown = rows[y];
    if (!Array.isArray(row) && !isNumberView(row))
      throw new TypeError(
        `${caller}: row ${y} of the bitmap is ${describe(row)}, not an array of ids like row 0`,
      );
    const ids = row as ArrayLike<number>;
    if (ids.length !== width)
      throw new RangeError(
        `${caller}: row ${y} of the bitmap has ${ids.length} ids, row 0 has ${width}: all rows need the same width`,
      );
    for (let x = 0; x < width; x++) {
      const v = ids[x];
      if (typeof v !== "number")
        throw new TypeError(`${caller}: the id at row ${y}, column ${x} is ${describe(v)}, not a number`);
      data[y * width + x] = v;
    }
  }
  return { data, width };
}

/** A typed array of numbers (not BigInts, not a DataView). */
function isNumberView(v: unknown): boolean {
  return (
    ArrayBuffer.isView(v) &&
    !(v instanceof DataView) &&
    !(v instanceof BigInt64Array) &&
    !(v instanceof BigUint64Array)
  );
}

/** Throw a TypeError that says what the ids were and how to pass them, unless they are an accepted array. */
function checkIdArray(data: unknown, caller: string): void {
  if (Array.isArray(data) || isNumberView(data)) return;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array)
    throw new TypeError(
      `${caller}: ids in a ${data.constructor.name} are not accepted: convert them with Uint32Array.from(ids, Number) (label ids are below 2^24)`,
    );
  if (data instanceof ArrayBuffer)
    throw new TypeError(
      `${caller}: got an ArrayBuffer: wrap it in the typed array its ids are stored as, e.g. new Uint32Array(buffer)`,
    );
  throw new TypeError(`${caller}: expected ${ACCEPTED}; got ${describe(data)}`);
}

function checkDimension(v: number, name: "width" | "height", caller: string): void {
  if (!(Number.isInteger(v) && v >= 1 && v <= 0x7fffffff))
    throw new RangeError(`${caller}: ${name} must be a positive integer (got ${describe(v)})`);
}

function describeShape(s: unknown): string {
  return Array.isArray(s) ? `[${s.join(", ")}]` : describe(s);
}

/**
 * The RangeError for the first id that is not an integer in 0..limit, naming its pixel. `limit` is 2^24 - 1 where the
 * ids go into a label PNG (bitmap2file), 2^32 - 1 for the helpers, which take them as uint32.
 */
export function badPixel(data: IdArray, width: number, limit: number, caller: string): RangeError {
  for (let i = 0; i < data.length; i++) {
    const v = data[i] as number;
    if (!(v >= 0 && v <= limit && Number.isInteger(v))) {
      const x = i % width;
      const y = Math.floor(i / width);
      const why = !Number.isInteger(v)
        ? "is not an integer"
        : v < 0
          ? "is negative"
          : limit === ID_MASK
            ? `is >= 2^24 (the largest id is ${ID_MASK}): label PNGs store 24-bit ids in RGB, so it cannot be encoded`
            : "is >= 2^32";
      return new RangeError(`${caller}: instance id ${v} at pixel (x=${x}, y=${y}) (index ${i}) ${why}`);
    }
  }
  return new RangeError(`${caller}: invalid instance id`);
}
