/**
 * Errors and warnings shared by every converter.
 *
 * Bad input raises a {@link ConversionError} that names the file, the item (image, annotation, line) and the field
 * involved. Problems a user would rather see reported than fail on (a polyline that COCO cannot hold, an instance with
 * no pixels) are collected as {@link ConversionWarning}s in the result object instead.
 */

/** Where in the input a problem was found. Every part is optional; fill in what is known. */
export interface ProblemLocation {
  /** The file being read or written, e.g. `annotations/instances.json` or `labels/img1.txt`. */
  file?: string | undefined;
  /** The item inside it: an image file name, `annotation 12`, `line 3`, `sample <uuid>`. */
  item?: string | undefined;
  /** The offending field, e.g. `bbox`, `segmentation`, `category_id`. */
  field?: string | undefined;
}

function describe(location: ProblemLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(`file ${location.file}`);
  if (location.item !== undefined) parts.push(location.item);
  if (location.field !== undefined) parts.push(`field ${location.field}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/**
 * A typed error for malformed input or an impossible conversion.
 *
 * @example
 * ```ts
 * try {
 *   parseYolo(text, { file: "labels/a.txt", width: 640, height: 480 });
 * } catch (error) {
 *   if (error instanceof ConversionError) console.error(error.file, error.item, error.field);
 * }
 * ```
 */
export class ConversionError extends Error {
  override readonly name = "ConversionError";
  readonly file: string | undefined;
  readonly item: string | undefined;
  readonly field: string | undefined;
  /** The problem without the location suffix. */
  readonly reason: string;

  constructor(reason: string, location: ProblemLocation = {}, options?: { cause?: unknown }) {
    super(`${reason}${describe(location)}`, options);
    this.reason = reason;
    this.file = location.file;
    this.item = location.item;
    this.field = location.field;
  }
}

/** The result of a conversion: the output plus the warnings collected on the way. */
export interface ConversionResult<T> {
  value: T;
  warnings: ConversionWarning[];
}

/** A non-fatal problem, collected in a conversion result. */
export interface ConversionWarning extends ProblemLocation {
  message: string;
}

/**
 * Collects warnings while a conversion runs.
 *
 * @example
 * ```ts
 * const warnings = new WarningCollector();
 * warnings.add("polyline skipped: COCO has no polylines", { item: "annotation 3" });
 * console.log(warnings.list);
 * ```
 */
export class WarningCollector {
  readonly list: ConversionWarning[] = [];

  add(message: string, location: ProblemLocation = {}): void {
    const warning: ConversionWarning = { message };
    if (location.file !== undefined) warning.file = location.file;
    if (location.item !== undefined) warning.item = location.item;
    if (location.field !== undefined) warning.field = location.field;
    this.list.push(warning);
  }
}

/** Throws a {@link ConversionError} unless `value` is a finite number. */
export function requireFinite(value: unknown, location: ProblemLocation): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ConversionError(`expected a finite number, got ${JSON.stringify(value)}`, location);
  }
  return value;
}

/**
 * Runs `fn`, adding `location` to a {@link ConversionError} it throws. Low-level helpers (RLE decoding, polygon
 * rasterisation) only know the field; the importer calling them knows the file and the item, so the user is told
 * where the problem is. A field the error already names is kept, prefixed with `location.field` when both are set.
 */
export function withLocation<T>(location: ProblemLocation, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    const field =
      error.field === undefined
        ? location.field
        : location.field === undefined || error.field.startsWith(location.field)
          ? error.field
          : `${location.field}.${error.field}`;
    throw new ConversionError(
      error.reason,
      { file: error.file ?? location.file, item: error.item ?? location.item, field },
      { cause: error },
    );
  }
}
