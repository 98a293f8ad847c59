// `<!-- include: path/from/repo/root.md#Heading text -->` in a page pulls in the section of another Markdown file of
// the repository under the first heading containing that text. VitePress's own `<!--@include: -->` selects regions
// and line ranges only, and leaves the comment in place when the file or region is missing; this one selects by
// heading (so a README needs no markers) and fails the build when the target is gone.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MarkdownRenderer } from "vitepress";
import { ROOT_DIR } from "./paths.ts";

const INCLUDE = /^<!-- include: (\S+?)#(.+?) -->$/gm;

export function expandIncludes(markdown: string, sourceName: string): string {
  return markdown.replace(INCLUDE, (_directive, file: string, headingText: string) => {
    const path = join(ROOT_DIR, file);
    if (!existsSync(path)) throw new Error(`${sourceName}: included file ${file} does not exist`);
    const section = extractSection(readFileSync(path, "utf8"), headingText.trim());
    if (section === undefined) {
      throw new Error(`${sourceName}: ${file} has no heading containing "${headingText.trim()}"`);
    }
    return section;
  });
}

/** The lines under the first heading whose text contains `headingText`, up to the next heading of the same or a higher level. */
export function extractSection(markdown: string, headingText: string): string | undefined {
  const lines = markdown.split("\n");
  let level = 0;
  const body: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6}) (.*)$/.exec(line);
    if (level === 0) {
      if (heading?.[1] && heading[2]?.includes(headingText)) level = heading[1].length;
      continue;
    }
    if (heading?.[1] && heading[1].length <= level) break;
    body.push(line);
  }
  return level === 0 ? undefined : body.join("\n").trim();
}

/** A markdown-it plugin that expands the include directives before the page is parsed. */
export function includePlugin(md: MarkdownRenderer): void {
  md.core.ruler.before("normalize", "segments-include", (state) => {
    const env = state.env as { relativePath?: string } | undefined;
    state.src = expandIncludes(state.src, env?.relativePath ? `docs/${env.relativePath}` : "a docs page");
  });
}
