/** A byte cache in a directory, for `SegmentsDataset`'s downloads. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ConversionError } from "../errors.js";
import { safePath } from "../names.js";
import type { ByteCache } from "../release/index.js";

/**
 * A {@link ByteCache} in a directory (created on demand).
 *
 * @example
 * ```ts
 * const dataset = await SegmentsDataset.load(url, { cache: new DirectoryCache("segments") });
 * ```
 */
export class DirectoryCache implements ByteCache {
  constructor(readonly directory: string) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async set(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  /** The file of a key: every part of the key must be a safe file name (as `SegmentsDataset` makes them). */
  #path(key: string): string {
    const parts = key.split("/");
    if (parts.some((part) => safePath(part) !== part))
      throw new ConversionError("unsafe cache key: each part must be a safe file name (see safePath)", {
        item: key,
      });
    return join(this.directory, ...parts);
  }
}
