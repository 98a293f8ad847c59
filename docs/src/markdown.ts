// Markdown -> HTML for the guides and the home page, with `marked`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Marked, type Tokens } from "marked";
import { ROOT_DIR } from "./paths.ts";

/** `<!-- include: path/from/repo/root.md#Heading text -->` pulls in that file's section under the first heading containing the text. */
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

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface RenderOptions {
  /** Guide slugs: links to `<slug>.md` become links to `<slug>.html`. */
  guideSlugs: readonly string[];
}

export function renderMarkdown(markdown: string, options: RenderOptions): string {
  const guides = new Set(options.guideSlugs);
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token) {
      if (token.type !== "link") return;
      const link = token as Tokens.Link;
      const match = /^(?:\.\/)?([a-z0-9-]+)\.md(#.*)?$/.exec(link.href);
      if (match?.[1] && guides.has(match[1])) link.href = `${match[1]}.html${match[2] ?? ""}`;
    },
    renderer: {
      heading({ tokens, depth }) {
        const html = this.parser.parseInline(tokens);
        return `<h${depth} id="${slugify(html)}">${html}</h${depth}>\n`;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
