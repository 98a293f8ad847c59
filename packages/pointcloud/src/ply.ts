// PLY to points with @loaders.gl/ply (ascii, binary little- and big-endian). The header is checked here first, so
// the loader never runs on counts the bytes cannot hold, and its number-to-colour truncation is avoided by reading
// the colour properties under other names (they come back as float arrays) and scaling them by their declared type.
import { PointcloudFileError } from "./errors.js";
import { dropNonFinite } from "./pcd/points.js";
import { writePcd } from "./pcd/write.js";
import { DEFAULT_MAX_POINTS, type PointCloud, type ReadLimits } from "./types.js";

const TYPE_SIZES: Record<string, number> = {
  char: 1,
  uchar: 1,
  int8: 1,
  uint8: 1,
  short: 2,
  ushort: 2,
  int16: 2,
  uint16: 2,
  int: 4,
  uint: 4,
  int32: 4,
  uint32: 4,
  float: 4,
  float32: 4,
  double: 8,
  float64: 8,
};

interface PlyProperty {
  name: string;
  type: string;
  /** For list properties: the type of the count. */
  countType?: string;
}

interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
}

interface PlyHeader {
  format: "ascii" | "binary_little_endian" | "binary_big_endian";
  elements: PlyElement[];
  bodyOffset: number;
}

const MAX_HEADER_BYTES = 1 << 16;

/** Parses and checks the header; every count must fit in the bytes after it. */
function parsePlyHeader(bytes: Uint8Array, file: string, maxPoints: number): PlyHeader {
  const bad = (problem: string) => new PointcloudFileError(file, "MALFORMED_HEADER", problem);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, MAX_HEADER_BYTES)));
  const end = /(^|\n)end_header\r?\n/.exec(head);
  if (!head.startsWith("ply")) throw bad('does not start with "ply": not a PLY file');
  if (!end) throw bad(`no end_header line in the first ${MAX_HEADER_BYTES} bytes`);
  const lines = head.slice(0, end.index).split(/\r?\n/).slice(1);
  let format: PlyHeader["format"] | undefined;
  const elements: PlyElement[] = [];
  lines.forEach((raw, i) => {
    const words = raw.trim().split(/\s+/);
    const where = `header line ${i + 2}`;
    switch (words[0]) {
      case "format":
        if (words[1] !== "ascii" && words[1] !== "binary_little_endian" && words[1] !== "binary_big_endian")
          throw bad(`${where}: unknown format ${JSON.stringify(words[1])}`);
        format = words[1];
        return;
      case "element": {
        const count = Number(words[2]);
        if (words.length !== 3 || !Number.isInteger(count) || count < 0)
          throw bad(`${where}: expected "element <name> <count>", got ${JSON.stringify(raw)}`);
        elements.push({ name: words[1] as string, count, properties: [] });
        return;
      }
      case "property": {
        const element = elements.at(-1);
        if (!element) throw bad(`${where}: a property before any element`);
        const list = words[1] === "list";
        const [type, name, countType] = list
          ? [words[3], words[4], words[2]]
          : [words[1], words[2], undefined];
        for (const t of [type, countType])
          if (t !== undefined && !(t in TYPE_SIZES)) throw bad(`${where}: unknown type ${JSON.stringify(t)}`);
        if (!name || words.length !== (list ? 5 : 3)) throw bad(`${where}: malformed ${JSON.stringify(raw)}`);
        element.properties.push({ name, type: type as string, ...(list ? { countType } : {}) });
        return;
      }
      case "comment":
      case "obj_info":
      case "":
        return;
      default:
        throw bad(`${where}: unknown header keyword ${JSON.stringify(words[0])}`);
    }
  });
  if (!format) throw bad("no format line");
  const header: PlyHeader = { format, elements, bodyOffset: end.index + end[0].length };
  checkCounts(header, bytes, file, maxPoints);
  return header;
}

/** Each element's records must fit in the body; vertices within maxPoints; x, y and z must be there. */
function checkCounts(header: PlyHeader, bytes: Uint8Array, file: string, maxPoints: number): void {
  const vertex = header.elements.find((e) => e.name === "vertex");
  const names = new Set(vertex?.properties.filter((p) => !p.countType).map((p) => p.name));
  if (!vertex || !names.has("x") || !names.has("y") || !names.has("z"))
    throw new PointcloudFileError(file, "UNSUPPORTED", "the PLY file has no vertex element with x, y and z");
  if (vertex.count > maxPoints)
    throw new PointcloudFileError(file, "TOO_LARGE", `${vertex.count} vertices, over maxPoints ${maxPoints}`);
  const body = bytes.length - header.bodyOffset;
  let needed = 0;
  for (const element of header.elements) {
    if (element.count > 0 && element.properties.length === 0)
      throw new PointcloudFileError(
        file,
        "MALFORMED_HEADER",
        `element ${element.name} has a count but no properties`,
      );
    // The fewest bytes a record can take: every scalar, and every list's count with an empty list. In ascii a
    // record is a line of at least one character.
    const least =
      header.format === "ascii"
        ? 2
        : element.properties.reduce((sum, p) => sum + (TYPE_SIZES[p.countType ?? p.type] as number), 0);
    needed += element.count * least;
  }
  if (needed > body + (header.format === "ascii" ? 1 : 0))
    throw new PointcloudFileError(
      file,
      "TRUNCATED",
      `the header's elements need at least ${needed} bytes, the file has ${body} after the header`,
    );
}

/** ascii records must have exactly the values their properties call for (the loader would read NaN or shift). */
function checkAsciiValues(bytes: Uint8Array, header: PlyHeader, file: string): void {
  const lines = new TextDecoder("latin1")
    .decode(bytes.subarray(header.bodyOffset))
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  let at = 0;
  for (const element of header.elements) {
    for (let r = 0; r < element.count; r++, at++) {
      const line = lines[at];
      if (line === undefined)
        throw new PointcloudFileError(
          file,
          "TRUNCATED",
          `the data ends at ${element.name} ${r} of ${element.count}`,
        );
      const values = line.split(/\s+/);
      let used = 0;
      for (const property of element.properties) used += property.countType ? 1 + Number(values[used]) : 1;
      if (used !== values.length || values.some(notANumber))
        throw new PointcloudFileError(
          file,
          "FIELD_COUNT",
          `${element.name} ${r} (data line ${at + 1}) has ${values.length} values where its properties need ${used}`,
        );
    }
  }
}

/** A value C's strtod would not read (nan and inf are numbers there, and become NaN coordinates here). */
function notANumber(text: string): boolean {
  return Number.isNaN(Number(text)) && !/^[+-]?(nan|inf|infinity)$/i.test(text);
}

/** Options of {@link readPly}. */
export type ReadPlyOptions = ReadLimits;

/** Colour property names, to the names they are read under (the loader would truncate them into a Uint8Array). */
const COLOUR_NAMES: Record<string, string> = {
  red: "segments_red",
  green: "segments_green",
  blue: "segments_blue",
  r: "segments_red",
  g: "segments_green",
  b: "segments_blue",
};

interface LoadedAttributes {
  [name: string]: { value: ArrayLike<number> } | undefined;
}

/**
 * Reads the vertices of a PLY file (ascii, binary_little_endian, binary_big_endian) with @loaders.gl/ply: x, y, z,
 * `intensity` (or `i`), and `red`/`green`/`blue` (or `r`/`g`/`b`) colours: uchar as they are, ushort scaled to 0-255,
 * float/double read as 0-1 unless a value is above 1 (the Python SDK's rule). Faces and other elements are ignored.
 * Bad files are a {@link PointcloudFileError}.
 *
 * @example
 * ```ts
 * const cloud = await readPly(await readFile("scan.ply"), { file: "scan.ply" });
 * ```
 */
export async function readPly(
  bytes: Uint8Array | ArrayBuffer,
  options: ReadPlyOptions = {},
): Promise<PointCloud> {
  const file = options.file ?? "<bytes>";
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const header = parsePlyHeader(data, file, options.maxPoints ?? DEFAULT_MAX_POINTS);
  if (header.format === "ascii") checkAsciiValues(data, header, file);
  const { PLYLoader } = await import("@loaders.gl/ply");
  let attributes: LoadedAttributes;
  try {
    const copy = data.slice().buffer; // the loader takes a whole ArrayBuffer
    const mesh = PLYLoader.parseSync?.(copy, { ply: { propertyNameMapping: COLOUR_NAMES } }) as {
      attributes: LoadedAttributes;
    };
    attributes = mesh.attributes;
  } catch (error) {
    const truncated = error instanceof RangeError;
    throw new PointcloudFileError(
      file,
      truncated ? "TRUNCATED" : "BAD_DATA",
      truncated
        ? "the data ends before the header's elements do"
        : `unreadable PLY data: ${(error as Error).message}`,
    );
  }
  const vertex = header.elements.find((e) => e.name === "vertex") as PlyElement;
  const positions = Float32Array.from(attributes.POSITION?.value ?? []);
  if (positions.length !== 3 * vertex.count)
    throw new PointcloudFileError(
      file,
      "BAD_DATA",
      `read ${positions.length / 3} vertices, the header announces ${vertex.count}`,
    );
  const cloud: PointCloud = { positions };
  const intensity = attributes.intensity ?? attributes.i;
  if (intensity) cloud.intensity = Float32Array.from(intensity.value);
  const [r, g, b] = ["segments_red", "segments_green", "segments_blue"].map(
    (name) => attributes[name]?.value,
  );
  if (r && g && b) cloud.rgb = colours([r, g, b], vertex, vertex.count);
  return dropNonFinite(cloud, options.nonFinite ?? "error", file);
}

function colours(channels: ArrayLike<number>[], vertex: PlyElement, n: number): Uint8Array {
  const type = vertex.properties.find((p) => p.name in COLOUR_NAMES)?.type ?? "uchar";
  const size = TYPE_SIZES[type] as number;
  const float = type.startsWith("float") || type === "double";
  let scale = 1;
  if (float) scale = channels.some((c) => Array.prototype.some.call(c, (v: number) => v > 1)) ? 1 : 255;
  else if (size === 2) scale = 255 / 65535;
  else if (size > 2) scale = 255 / 0xffffffff;
  const rgb = new Uint8Array(3 * n);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < 3; c++)
      rgb[3 * i + c] = Math.round(
        Math.min(255, Math.max(0, ((channels[c] as ArrayLike<number>)[i] as number) * scale)),
      );
  return rgb;
}

/** Options of {@link plyToPcd}, as the Python SDK's `ply_to_pcd`. */
export interface ToPcdOptions extends ReadLimits {
  /** binary_compressed when not ascii (default false). */
  compressed?: boolean;
  /** ascii (the default, as in the Python SDK); takes precedence over `compressed`. */
  writeAscii?: boolean;
}

/** The PCD encoding the Python SDK's `compressed` / `write_ascii` flags select. */
export function encodingOf(options: ToPcdOptions): "ascii" | "binary" | "binary_compressed" {
  if (options.writeAscii !== false) return "ascii";
  return options.compressed ? "binary_compressed" : "binary";
}

/**
 * The Python SDK's `ply_to_pcd` on bytes: a PLY file to PCD bytes (ascii by default, like the Python SDK). Unlike
 * it, intensity is kept when the file also has colours (PCD holds both). Node users can call `plyToPcdFile` from
 * `@segments-ts/pointcloud/node` to convert a file next to itself.
 *
 * @example
 * ```ts
 * const pcd = await plyToPcd(await readFile("scan.ply"), { writeAscii: false, compressed: true });
 * ```
 */
export async function plyToPcd(
  bytes: Uint8Array | ArrayBuffer,
  options: ToPcdOptions = {},
): Promise<Uint8Array> {
  return writePcd(await readPly(bytes, options), { encoding: encodingOf(options) });
}
