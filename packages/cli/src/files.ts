/** Local file helpers: finding images under a directory, with names as the dataset will show them. */
import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Image extensions `samples upload` picks up (case-insensitive). */
export const IMAGE_EXTENSIONS = [".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".gif"];

function isImage(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Lists image files under `dir` (recursively, skipping dot files), as relative paths with `/` separators, sorted so
 * every run (and every machine) sees the same order.
 *
 * @example
 * ```ts
 * await listImages("photos"); // ["a.jpg", "garden/rose.png"]
 * ```
 */
export async function listImages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isImage(entry.name)) continue;
    // `parentPath` is Node >= 20.12; `path` is its older, deprecated name.
    const parent = (entry as { parentPath?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
    const rel = relative(dir, join(parent, entry.name)).split(sep).join("/");
    if (rel.split("/").some((part) => part.startsWith("."))) continue;
    names.push(rel);
  }
  return names.sort();
}
