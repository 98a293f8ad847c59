// The package's typed errors: one for files (PCD, PLY, LAS/LAZ, downloads), one for label and sample input.

/** What was wrong with a point cloud file. */
export type PointcloudFileErrorCode =
  /** The header is missing, unreadable or inconsistent (a bad keyword, count, size or type). */
  | "MALFORMED_HEADER"
  /** The file ends before the data its header announces. */
  | "TRUNCATED"
  /** A data line or record has the wrong number of values for the header's fields. */
  | "FIELD_COUNT"
  /** A point has a NaN or infinite coordinate. */
  | "NAN_COORDINATE"
  /** The file, or the data its header announces, is over `maxBytes` / `maxPoints`. */
  | "TOO_LARGE"
  /** A valid file this package cannot read (LAS 1.4 point formats, PLY without x/y/z, an unknown extension). */
  | "UNSUPPORTED"
  /** The data is not what its header says (a corrupt LZF stream, a value that is not a number). */
  | "BAD_DATA";

/**
 * A point cloud file that cannot be read: `file` names it (the path, URL or the `file` option you passed, else
 * `"<bytes>"`), `code` says what is wrong and the message how to fix it.
 *
 * @example
 * ```ts
 * try {
 *   readPcd(bytes, { file: "scan.pcd" });
 * } catch (e) {
 *   if (e instanceof PointcloudFileError && e.code === "NAN_COORDINATE") readPcd(bytes, { nonFinite: "drop" });
 * }
 * ```
 */
export class PointcloudFileError extends Error {
  override readonly name = "PointcloudFileError";
  readonly code: PointcloudFileErrorCode;
  readonly file: string;

  constructor(file: string, code: PointcloudFileErrorCode, problem: string) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.code = code;
  }
}

/** What was wrong with a label, sample or argument. */
export type PointcloudInputErrorCode =
  /** The label belongs to another sample. */
  | "SAMPLE_MISMATCH"
  /** The sample or label is not of a type the function works on. */
  | "WRONG_TYPE"
  /** A frame has no usable timestamp and no `fps` was given. */
  | "FPS_REQUIRED"
  /** Two frames of a track are not in increasing time order. */
  | "TIMESTAMPS_NOT_INCREASING"
  /** A field has a value of the wrong type or range (named in the message). */
  | "INVALID_VALUE";

/**
 * Bad input to the label functions (`cuboidToSegmentation`, `addKinematicsToLabel`, `samplePcd`, `renderLabel`, the
 * writers): `code` says what, `field` names the offending field (e.g. `annotations[3].dimensions.x`).
 *
 * @example
 * ```ts
 * try {
 *   addKinematicsToLabel(sample, label);
 * } catch (e) {
 *   if (e instanceof PointcloudInputError && e.code === "FPS_REQUIRED") addKinematicsToLabel(sample, label, { fps: 10 });
 * }
 * ```
 */
export class PointcloudInputError extends Error {
  override readonly name = "PointcloudInputError";
  readonly code: PointcloudInputErrorCode;
  readonly field: string;

  constructor(code: PointcloudInputErrorCode, field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.code = code;
    this.field = field;
  }
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${(value as Uint8Array).length}`;
  if (typeof value === "object") return "an object";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return String(value);
}
