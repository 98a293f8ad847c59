// The guides, in reading order (the sidebar's order). Each is `docs/guides/<slug>.md`; its first `# ` heading is its
// title.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GUIDES_DIR } from "./paths.ts";

export const GUIDE_SLUGS = [
  "quick-start",
  "install",
  "uploading-data",
  "labels",
  "model-assisted-labeling",
  "paging-and-filtering",
  "releases-and-exports",
  "converters",
  "point-clouds",
  "cli",
  "emulator",
  "testing",
  "errors-and-retries",
] as const;

export interface Guide {
  slug: string;
  /** Path relative to the repository root, used in error messages (`docs/guides/<slug>.md`). */
  file: string;
  title: string;
  markdown: string;
}

export function guideTitle(markdown: string, file: string): string {
  const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim();
  if (!title) throw new Error(`${file} has no "# Title" heading`);
  return title;
}

export function loadGuides(): Guide[] {
  return GUIDE_SLUGS.map((slug) => {
    const file = `docs/guides/${slug}.md`;
    const markdown = readFileSync(join(GUIDES_DIR, `${slug}.md`), "utf8");
    return { slug, file, title: guideTitle(markdown, file), markdown };
  });
}
