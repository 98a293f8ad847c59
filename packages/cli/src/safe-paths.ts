/**
 * File names taken from a server or an input file (sample names, COCO `file_name`s, dataset and release names) are
 * untrusted: `../`, absolute paths, drive letters, NUL, names too long for the file system, names that differ only
 * by case or extension. Before the CLI writes a file under such a name, the name goes through {@link OutputDir},
 * which keeps it inside the output directory, and unique.
 */
import { createHash } from "node:crypto";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { CliError } from "./errors.js";
import { ExitCode } from "./exit-codes.js";

/** Bytes per path segment; common file systems allow 255, this leaves room for suffixes (`-2`, `_label_...png`). */
const MAX_SEGMENT_BYTES = 160;
// Characters Windows refuses in names (and `/`, `\`, handled as separators before this runs), plus controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
const UNSAFE_CHARACTERS = /[<>:"|?*\x00-\x1f\x7f-\x9f]/g;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Shortens a segment to the byte limit, keeping its extension and adding a hash of the whole so it stays unique. */
function shorten(segment: string, maxBytes: number): string {
  if (utf8Length(segment) <= maxBytes) return segment;
  const dot = segment.lastIndexOf(".");
  const extension = dot > 0 && segment.length - dot <= 16 ? segment.slice(dot) : "";
  const hash = createHash("sha256").update(segment).digest("hex").slice(0, 10);
  let stem = segment.slice(0, segment.length - extension.length);
  while (stem !== "" && utf8Length(`${stem}~${hash}${extension}`) > maxBytes)
    stem = [...stem].slice(0, -1).join("");
  return `${stem}~${hash}${extension}`;
}

/**
 * One file or folder name made safe: no separators, no control or Windows-reserved characters, no `.`/`..`, no
 * trailing dots or spaces, at most `maxBytes` bytes (a longer name keeps its start and extension, plus a hash of the
 * whole). Empty results become `_`.
 *
 * @example
 * ```ts
 * safeSegment("../evil"); // ".._evil"
 * safeSegment("C:"); // "C_"
 * ```
 */
export function safeSegment(name: string, maxBytes = MAX_SEGMENT_BYTES): string {
  let segment = name
    .replace(/[/\\]/g, "_")
    .replace(UNSAFE_CHARACTERS, "_")
    .replace(/[. ]+$/, "");
  if (segment === "" || segment === "." || segment === "..") segment = "_";
  if (WINDOWS_RESERVED.test(segment)) segment = `_${segment}`;
  return shorten(segment, maxBytes);
}

/**
 * A relative path made safe: `/` and `\` separate folders (so `night/rose.png` keeps its folder), `.`, `..`, empty
 * segments and drive letters are dropped, and every segment goes through {@link safeSegment}.
 *
 * @example
 * ```ts
 * safeRelativePath("../../etc/passwd"); // "etc/passwd"
 * safeRelativePath("C:\\temp\\a.png"); // "temp/a.png"
 * ```
 */
export function safeRelativePath(name: string): string {
  const parts = name
    .split(/[/\\]+/)
    .filter(
      (part, i) => part !== "" && part !== "." && part !== ".." && !(i === 0 && /^[a-z]:$/i.test(part)),
    );
  const segments = parts.map((part) => safeSegment(part));
  return segments.length === 0 ? "_" : segments.join("/");
}

/** `night/rose.jpg` -> `night/rose` (the last extension of the last segment). */
function stem(path: string): string {
  return path.replace(/\.[^./]*$/, "");
}

/**
 * An output directory that hands out safe, unique paths: two names that clean to the same path, or differ only by
 * case or extension (which would collide on macOS/Windows, or in exports that replace the extension), get `-2`,
 * `-3`, ... before the extension. Every path is checked to resolve inside the directory before it is returned.
 *
 * @example
 * ```ts
 * const out = new OutputDir("export");
 * out.name("../a.png"); // "a.png"
 * out.name("A.jpg"); // "A-2.jpg"
 * out.path("x/../../b.txt"); // "<abs>/export/x/b.txt"
 * ```
 */
export class OutputDir {
  readonly root: string;
  readonly #taken = new Set<string>();

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** Keeps `name` (a file the CLI writes itself, like `classes.txt`) from being handed out for another name. */
  reserve(name: string): void {
    this.#taken.add(stem(name).toLowerCase());
  }

  /** A safe, unique relative name (with `/` separators) for `untrusted`. */
  name(untrusted: string): string {
    const clean = safeRelativePath(untrusted);
    const extension = clean.slice(stem(clean).length);
    let candidate = clean;
    for (let n = 2; this.#taken.has(stem(candidate).toLowerCase()); n++)
      candidate = `${stem(clean)}-${n}${extension}`;
    this.#taken.add(stem(candidate).toLowerCase());
    return candidate;
  }

  /** The absolute path for a name that is already safe and unique (from {@link OutputDir.name}), checked. */
  resolve(safeName: string): string {
    const path = join(this.root, ...safeName.split("/"));
    const rel = relative(this.root, path);
    if (rel === "" || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel))
      throw new CliError(
        `refusing to write ${JSON.stringify(safeName)} outside ${this.root}.`,
        ExitCode.Rejected,
      );
    return path;
  }

  /** {@link OutputDir.name} then {@link OutputDir.resolve}. */
  path(untrusted: string): string {
    return this.resolve(this.name(untrusted));
  }
}
