/** Release files read from disk: what the main entry's `SegmentsDataset.load` refuses to do for a server's URL. */
import { readFile } from "node:fs/promises";
import { type DatasetOptions, parseReleaseFile, SegmentsDataset } from "../release/index.js";

/**
 * Reads a release file from disk (a path or a `file:` URL you chose) into a {@link SegmentsDataset}. Releases from a
 * server are loaded with `SegmentsDataset.load(release)`, which only fetches http(s) URLs.
 *
 * @example
 * ```ts
 * const dataset = await loadReleaseFile("flowers-v1.json", { filterBy: ["LABELED", "REVIEWED"] });
 * ```
 */
export async function loadReleaseFile(
  path: string | URL,
  options: DatasetOptions = {},
): Promise<SegmentsDataset> {
  const file = path instanceof URL ? path : path.startsWith("file:") ? new URL(path) : path;
  const text = await readFile(file, "utf8");
  return new SegmentsDataset(parseReleaseFile(text, String(path)), options);
}
