// The PCD v0.7 header (https://pointclouds.org/documentation/tutorials/pcd_file_format.html), read the way PCL's
// PCDReader::readHeader and open3d's ReadPCDHeader read it, and written the way PCL's PCDWriter writes it.
import { PointcloudFileError } from "../errors.js";

/** How the points follow the header. */
export type PcdEncoding = "ascii" | "binary" | "binary_compressed";

/** A PCD field type: float, unsigned or signed integer. */
export type PcdFieldType = "F" | "U" | "I";

/** One entry of FIELDS with its SIZE, TYPE and COUNT. */
export interface PcdField {
  name: string;
  /** Bytes per element: 1, 2, 4 or 8 (F only 4 or 8). */
  size: number;
  type: PcdFieldType;
  /** Elements per point. */
  count: number;
  /** Byte offset of the field in a `binary` record. */
  offset: number;
}

/** A parsed PCD header. */
export interface PcdHeader {
  /** VERSION as written (`"0.7"`, `".7"`), if any. */
  version: string | undefined;
  /** Every field as in the file, including PCL's `_` padding fields. */
  fields: PcdField[];
  width: number;
  height: number;
  points: number;
  /** VIEWPOINT: tx ty tz qw qx qy qz (default `0 0 0 1 0 0 0`). */
  viewpoint: [number, number, number, number, number, number, number];
  encoding: PcdEncoding;
  /** Bytes per point in `binary` data (padding fields included). */
  pointSize: number;
  /** Byte offset of the data: the byte after the DATA line. */
  dataOffset: number;
}

/** The header may not be longer than this (PCL's headers are a few hundred bytes). */
const MAX_HEADER_BYTES = 1 << 16;
const ENCODINGS = new Set<string>(["ascii", "binary", "binary_compressed"]);

interface Draft {
  version?: string;
  names?: string[];
  sizes?: number[];
  types?: PcdFieldType[];
  counts?: number[];
  width?: number;
  height?: number;
  points?: number;
  viewpoint: PcdHeader["viewpoint"];
}

/** Parses the header at the start of `bytes`; `file` names the file in errors. */
export function parsePcdHeader(bytes: Uint8Array, file: string): PcdHeader {
  const bad = (problem: string) => new PointcloudFileError(file, "MALFORMED_HEADER", problem);
  const draft: Draft = { viewpoint: [0, 0, 0, 1, 0, 0, 0] };
  let start = 0;
  let lineNumber = 0;
  while (start < bytes.length) {
    if (start > MAX_HEADER_BYTES)
      throw bad(`no DATA line in the first ${MAX_HEADER_BYTES} bytes: not a PCD file`);
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    lineNumber++;
    const line = latin1(bytes, start, end).trim();
    const next = end + 1;
    start = next;
    if (line === "" || line.startsWith("#")) continue;
    const tokens = line.split(/[\t\r ]+/);
    const keyword = tokens[0] as string;
    const values = tokens.slice(1);
    const where = `header line ${lineNumber} (${keyword})`;
    if (keyword === "DATA") {
      const encoding = values[0] ?? "";
      if (!ENCODINGS.has(encoding))
        throw bad(
          `${where}: DATA must be ascii, binary or binary_compressed, not ${JSON.stringify(encoding)}`,
        );
      return finish(draft, encoding as PcdEncoding, Math.min(next, bytes.length), bad);
    }
    readKeyword(draft, keyword, values, where, bad);
  }
  throw bad("the header has no DATA line (the file is empty, truncated or not a PCD file)");
}

function readKeyword(
  draft: Draft,
  keyword: string,
  values: string[],
  where: string,
  bad: (problem: string) => PointcloudFileError,
): void {
  const numbers = (kind: string) => {
    if (!draft.names) throw bad(`${where} comes before FIELDS`);
    if (values.length !== draft.names.length)
      throw bad(`${where} has ${values.length} values for ${draft.names.length} FIELDS`);
    return values.map((value) => integer(value, `${where}: ${kind}`, bad));
  };
  switch (keyword) {
    case "VERSION":
      draft.version = values[0];
      return;
    case "FIELDS":
    case "COLUMNS":
      if (values.length === 0) throw bad(`${where} names no fields`);
      draft.names = values;
      return;
    case "SIZE":
      draft.sizes = numbers("SIZE");
      return;
    case "TYPE":
      if (!draft.names) throw bad(`${where} comes before FIELDS`);
      if (values.length !== draft.names.length)
        throw bad(`${where} has ${values.length} values for ${draft.names.length} FIELDS`);
      draft.types = values.map((value) => {
        if (value !== "F" && value !== "U" && value !== "I")
          throw bad(`${where}: ${JSON.stringify(value)} is not a type (F, U or I)`);
        return value;
      });
      return;
    case "COUNT":
      draft.counts = numbers("COUNT");
      return;
    case "WIDTH":
    case "HEIGHT":
    case "POINTS": {
      if (values.length !== 1) throw bad(`${where} needs one number`);
      const value = integer(values[0] as string, where, bad);
      if (keyword === "WIDTH") draft.width = value;
      else if (keyword === "HEIGHT") draft.height = value;
      else draft.points = value;
      return;
    }
    case "VIEWPOINT": {
      const viewpoint = values.map(Number);
      if (viewpoint.length !== 7 || !viewpoint.every(Number.isFinite))
        throw bad(`${where} needs 7 numbers (tx ty tz qw qx qy qz)`);
      draft.viewpoint = viewpoint as PcdHeader["viewpoint"];
      return;
    }
    default:
      throw bad(`${where}: unknown header keyword`);
  }
}

function finish(
  draft: Draft,
  encoding: PcdEncoding,
  dataOffset: number,
  bad: (problem: string) => PointcloudFileError,
): PcdHeader {
  const { names } = draft;
  if (!names) throw bad("the header has no FIELDS line");
  const fields: PcdField[] = [];
  let offset = 0;
  names.forEach((name, i) => {
    // Without SIZE/TYPE PCL reads every field as a 4-byte float (old PCD files).
    const size = draft.sizes?.[i] ?? 4;
    const type = draft.types?.[i] ?? "F";
    const count = draft.counts?.[i] ?? 1;
    const valid =
      type === "F" ? size === 4 || size === 8 : size === 1 || size === 2 || size === 4 || size === 8;
    if (!valid)
      throw bad(`field ${name} has TYPE ${type} with SIZE ${size} (F takes 4 or 8, U and I 1, 2, 4 or 8)`);
    if (count < 1) throw bad(`field ${name} has COUNT ${count}: every field needs at least one element`);
    fields.push({ name, size, type, count, offset });
    offset += size * count;
  });
  // PCL: without WIDTH and HEIGHT the cloud is POINTS x 1; without HEIGHT it is unorganized (height 1).
  const height = draft.height ?? 1;
  const width = draft.width ?? (draft.height === undefined ? (draft.points ?? 0) : undefined);
  if (width === undefined) throw bad(`HEIGHT ${height} is given without WIDTH`);
  const points = draft.points ?? width * height;
  if (width * height !== points)
    throw bad(`WIDTH ${width} x HEIGHT ${height} is not POINTS ${points}: the header contradicts itself`);
  return {
    version: draft.version,
    fields,
    width,
    height,
    points,
    viewpoint: draft.viewpoint,
    encoding,
    pointSize: offset,
    dataOffset,
  };
}

function integer(text: string, where: string, bad: (problem: string) => PointcloudFileError): number {
  if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff)
    throw bad(`${where}: ${JSON.stringify(text)} is not a whole number from 0 to 2^32-1`);
  return Number(text);
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = "";
  for (let i = start; i < end; i += 4096)
    text += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 4096)));
  return text;
}

/** The fields a writer emits, in PCL's header order. */
export interface WrittenField {
  name: string;
  size: number;
  type: PcdFieldType;
}

/** The header PCL's PCDWriter writes (`# .PCD v0.7` comment, VERSION 0.7, one line per keyword, DATA last). */
export function formatPcdHeader(
  fields: readonly WrittenField[],
  points: number,
  encoding: PcdEncoding,
  viewpoint: PcdHeader["viewpoint"] = [0, 0, 0, 1, 0, 0, 0],
): string {
  return [
    "# .PCD v0.7 - Point Cloud Data file format",
    "VERSION 0.7",
    `FIELDS ${fields.map((f) => f.name).join(" ")}`,
    `SIZE ${fields.map((f) => f.size).join(" ")}`,
    `TYPE ${fields.map((f) => f.type).join(" ")}`,
    `COUNT ${fields.map(() => 1).join(" ")}`,
    `WIDTH ${points}`,
    "HEIGHT 1",
    `VIEWPOINT ${viewpoint.join(" ")}`,
    `POINTS ${points}`,
    `DATA ${encoding}`,
    "",
  ].join("\n");
}
