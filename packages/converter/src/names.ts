/**
 * Output file names from untrusted text. Sample, frame, labelset, release, dataset and COCO image names come from a
 * server or a file, and every exporter and converter builds file names from them: each such name goes through
 * {@link UniqueNames.claim} (or {@link safePath} for a single name), so that nothing is written outside the output
 * directory and no output overwrites another.
 *
 * A safe name is relative, has no `.`/`..` or empty parts, no control or Windows-reserved characters (`\:*?"<>|`), no
 * trailing dots or spaces (Windows drops them), no Windows device names (`CON`, `NUL`, `COM1`, ...), and parts of at
 * most 255 UTF-8 bytes (`NAME_MAX` on Linux, macOS and Windows). Unique means unique ignoring case and Unicode
 * normalisation, as on macOS and Windows file systems, and never a file where a directory is (or the reverse).
 */

/** Longest part of a path, in UTF-8 bytes. */
const MAX_PART_BYTES = 255;
/** Longest whole relative path, in UTF-8 bytes: deeper names are flattened (well under Linux's `PATH_MAX`). */
const MAX_PATH_BYTES = 1024;
/** Longest extension kept whole when a part is shortened. */
const MAX_EXTENSION_LENGTH = 16;

/** Characters replaced by `_`: C0 and C1 controls (NUL included), DEL, and what Windows refuses in names. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\\/:*?"<>|]/g;
/** Windows device names, with or without an extension, which open a device instead of a file there. */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;

/** FNV-1a of the UTF-16 code units, as 8 hex digits: keeps shortened names of different inputs apart. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** `name` split before its extension (`a.tar` -> `a`, `.tar`); a leading dot does not start an extension. */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || name.length - dot > MAX_EXTENSION_LENGTH) return [name, ""];
  return [name.slice(0, dot), name.slice(dot)];
}

/** `stem` cut (on a code point boundary) so that `stem + tail` takes at most `bytes` UTF-8 bytes. */
function fitStem(stem: string, tail: string, bytes: number): string {
  let room = bytes - utf8Length(tail);
  let out = "";
  for (const char of stem) {
    room -= utf8Length(char);
    if (room < 0) break;
    out += char;
  }
  return out;
}

/** One safe path part (see the module comment); `original` seeds the hash of a shortened part. */
function safePart(part: string, original: string): string {
  let safe = part
    .normalize("NFC")
    .replace(UNSAFE_CHARACTERS, "_")
    .replace(/[. ]+$/, "");
  if (safe === "") safe = "_";
  if (DEVICE_NAME.test(safe)) safe = `_${safe}`;
  if (utf8Length(safe) <= MAX_PART_BYTES) return safe;
  const [stem, extension] = splitExtension(safe);
  const tail = `~${shortHash(original)}${extension}`;
  return `${fitStem(stem, tail, MAX_PART_BYTES)}${tail}`;
}

/**
 * A safe relative path for `name` (see the module comment). With `directories: true`, `/` and `\` separate
 * directories, which are kept (`train/a.txt` stays there); otherwise they become `_` and the result is one file name.
 * Names deeper than 1024 bytes are flattened to their last part, prefixed by a hash of the rest.
 *
 * @example
 * ```ts
 * safePath("../../etc/passwd", { directories: true }); // "_/_/etc/passwd"
 * safePath("C:\\temp\\a.txt"); // "C__temp_a.txt"
 * safePath("NUL.txt"); // "_NUL.txt"
 * ```
 */
export function safePath(name: string, options: { directories?: boolean } = {}): string {
  const text = String(name);
  const parts = options.directories ? text.split(/[\\/]+/).filter((p) => p !== "" && p !== ".") : [text];
  const safe = parts.map((part) => safePart(part, text));
  if (safe.length === 0) return "_";
  const path = safe.join("/");
  if (utf8Length(path) <= MAX_PATH_BYTES) return path;
  const last = safe[safe.length - 1] as string;
  return safePart(`${shortHash(safe.slice(0, -1).join("/"))}_${last}`, text);
}

/** How file systems that ignore case and normalisation (macOS, Windows) compare two names. */
const keyOf = (path: string): string => path.normalize("NFC").toLowerCase();

/** The result of {@link UniqueNames.claim}. */
export interface ClaimedName {
  /** The safe, unique relative path, `/`-separated. */
  path: string;
  /** Whether `path` differs from the name asked for (made safe, or renamed because the name was taken). */
  changed: boolean;
}

/**
 * Hands out safe file names that are unique within one output (a directory, or the file map of a converter): the
 * first claim of a name gets it, a later claim of the same name (ignoring case) gets `name_2.ext`, `name_3.ext`, ...
 * Names are made safe with {@link safePath} first, so two names that only differ in unsafe characters also get two
 * files.
 *
 * @example
 * ```ts
 * const names = new UniqueNames();
 * names.claim("classes.txt").path; // "classes.txt"
 * names.claim("a/b.txt", { directories: true }).path; // "a/b.txt"
 * names.claim("a\\b.txt", { directories: true }).path; // "a/b_2.txt"
 * names.claim("../../x.txt", { directories: true }).path; // "_/_/x.txt"
 * ```
 */
export class UniqueNames {
  /** Claimed paths by {@link keyOf}: files, and every directory holding one. */
  readonly #taken = new Map<string, "file" | "directory">();
  /** Directory paths (safe, as asked) -> the directory they were given. */
  readonly #directories = new Map<string, string>();

  /** Claims a safe, unique path for `name` (see the class comment). */
  claim(name: string, options: { directories?: boolean } = {}): ClaimedName {
    const safe = safePath(name, options);
    const parts = safe.split("/");
    const file = parts.pop() as string;
    const directory = this.#directory(parts);
    let path = directory === "" ? file : `${directory}/${file}`;
    for (let n = 2; this.#taken.has(keyOf(path)); n++) {
      const [stem, extension] = splitExtension(file);
      const tail = `_${n}${extension}`;
      path = `${directory === "" ? "" : `${directory}/`}${fitStem(stem, tail, MAX_PART_BYTES)}${tail}`;
    }
    this.#taken.set(keyOf(path), "file");
    return { path, changed: path !== String(name) };
  }

  /** The directory given to safe `parts`: each level keeps its name unless a file took it. */
  #directory(parts: readonly string[]): string {
    let given = "";
    for (let i = 0; i < parts.length; i++) {
      const asked = parts.slice(0, i + 1).join("/");
      const known = this.#directories.get(keyOf(asked));
      if (known !== undefined) {
        given = known;
        continue;
      }
      const part = parts[i] as string;
      let candidate = given === "" ? part : `${given}/${part}`;
      for (let n = 2; this.#taken.get(keyOf(candidate)) === "file"; n++)
        candidate = `${given === "" ? "" : `${given}/`}${fitStem(part, `_${n}`, MAX_PART_BYTES)}_${n}`;
      this.#taken.set(keyOf(candidate), "directory");
      this.#directories.set(keyOf(asked), candidate);
      given = candidate;
    }
    return given;
  }
}
