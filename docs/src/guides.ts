// The guides, in reading order. Each is `docs/guides/<slug>.md`; its first `# ` heading is its title.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GUIDES_DIR } from "./paths.ts";

export const GUIDE_SLUGS = [
  "quick-start",
  "uploading-data",
  "model-assisted-labeling",
  "paging-and-filtering",
  "releases-and-exports",
  "converters",
  "emulator",
  "errors-and-retries",
] as const;

export interface Guide {
  slug: string;
  /** Path relative to the repository root, used in error messages (`docs/guides/<slug>.md`). */
  file: string;
  title: string;
  markdown: string;
}

export function loadGuides(): Guide[] {
  return GUIDE_SLUGS.map((slug) => {
    const markdown = readFileSync(join(GUIDES_DIR, `${slug}.md`), "utf8");
    const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim();
    if (!title) throw new Error(`docs/guides/${slug}.md has no "# Title" heading`);
    return { slug, file: `docs/guides/${slug}.md`, title, markdown };
  });
}
