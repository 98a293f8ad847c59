/**
 * An export's output directory: every file an exporter writes is named through one {@link UniqueNames}, so names
 * from the release (samples, frames, labelsets, the dataset and release) can neither leave the directory nor
 * overwrite each other.
 */
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { ConversionError, type WarningCollector } from "../errors.js";
import type { ClaimOptions, FileSink, TextFileWriter } from "../export/index.js";
import { UniqueNames } from "../names.js";

/**
 * Opens `path` (creating its folder) to write text piece by piece, waiting for the disk when the stream's buffer is
 * full, so that memory stays at one piece.
 *
 * @example
 * ```ts
 * const file = await openTextFile("out/instances.json");
 * await file.write("{}");
 * await file.close();
 * ```
 */
export async function openTextFile(path: string): Promise<TextFileWriter> {
  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path, { encoding: "utf8" });
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  // An error before close() (a full disk) rejects `done` early; handled there, it must not be an unhandled rejection.
  done.catch(() => {});
  return {
    async write(text) {
      // A stream that fails stops draining: `done` rejects with its error instead.
      if (!stream.write(text))
        await Promise.race([new Promise<void>((resolve) => stream.once("drain", () => resolve())), done]);
    },
    async close() {
      stream.end();
      await done;
      return path;
    },
  };
}

/**
 * Writes files under one directory, under safe and unique names (see {@link UniqueNames}); a name that had to change
 * is reported as a warning, and `files` lists every path written. The {@link FileSink} of `exportDataset`.
 *
 * @example
 * ```ts
 * const out = new OutputDirectory("export", warnings);
 * await out.write("../a.txt", "hello", { directories: true }); // export/_/a.txt
 * ```
 */
export class OutputDirectory implements FileSink {
  readonly root: string;
  /** Every file written: `root` joined with its name. */
  readonly files: string[] = [];
  readonly #names = new UniqueNames();
  readonly #warnings: WarningCollector | undefined;

  constructor(root: string, warnings?: WarningCollector) {
    this.root = root;
    this.#warnings = warnings;
  }

  /**
   * Claims a safe, unique name for `name` without writing it (for a file written later, or named inside another
   * file). Returns its path relative to the directory, `/`-separated.
   */
  claim(name: string, options: ClaimOptions = {}): string {
    const { path, changed } = this.#names.claim(name, options);
    if (changed)
      this.#warnings?.add(`file name ${JSON.stringify(name)} is unsafe or taken: written as ${path}`, {
        item: options.item,
      });
    return path;
  }

  /**
   * The path of a claimed name: `root` joined with it. Checked once more to lie inside `root` (a claimed name always
   * does), as the last guard before writing.
   */
  pathOf(claimed: string): string {
    const inside = relative(resolve(this.root), resolve(this.root, claimed));
    if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      throw new ConversionError(`refusing to write ${JSON.stringify(claimed)} outside ${this.root}`, {
        file: claimed,
      });
    return join(this.root, claimed);
  }

  /** Writes a file claimed with {@link OutputDirectory.claim}. Returns its path. */
  async writeClaimed(claimed: string, data: Uint8Array | string): Promise<string> {
    const path = this.pathOf(claimed);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    this.files.push(path);
    return path;
  }

  /** Claims a name for `name` and writes `data` there. Returns the path written. */
  async write(name: string, data: Uint8Array | string, options: ClaimOptions = {}): Promise<string> {
    return this.writeClaimed(this.claim(name, options), data);
  }

  /** Opens a claimed file to write text piece by piece (see {@link openTextFile}). */
  async open(claimed: string): Promise<TextFileWriter> {
    const path = this.pathOf(claimed);
    const file = await openTextFile(path);
    this.files.push(path);
    return file;
  }
}
