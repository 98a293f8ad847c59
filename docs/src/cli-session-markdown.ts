// ```console cli-session blocks: a guide lists `$ segments ...` commands, src/cli-session.ts runs them against the
// emulator, and this markdown-it plugin prints each command's real output under it. A block whose commands differ
// from the recorded ones (the guide changed since the session ran) fails the build instead of showing stale output.
import { existsSync, readFileSync } from "node:fs";
import type { MarkdownRenderer } from "vitepress";
import { CLI_SESSION_FILE } from "./paths.ts";

export const CLI_SESSION_INFO = "console cli-session";

export interface CliCommandResult {
  /** The command as the guide writes it. */
  command: string;
  /** The command as it ran: placeholders such as `{sample:jane/flowers:rose.png}` replaced by the real value. */
  shown: string;
  exitCode: number;
  output: string;
  /** The API operations the command made successfully (operationIds, each once, in order). */
  operations: string[];
}

/** The results of every cli-session block of the guide, in document order. */
export type CliSessionResults = CliCommandResult[][];

export interface CliSessionBlock {
  /** The block's lines: `$ ` commands (without the prompt) and `#` comments, as written. */
  lines: string[];
  commands: string[];
  /** The block's info string says `fails`: its commands are expected to exit non-zero. */
  fails: boolean;
}

const FENCE = /^(`{3,})(.*)$/;

export function parseCliSessions(markdown: string): CliSessionBlock[] {
  const blocks: CliSessionBlock[] = [];
  let open: { fence: string; block: CliSessionBlock | undefined } | undefined;
  for (const text of markdown.split("\n")) {
    const fence = FENCE.exec(text.trim());
    if (!open) {
      if (!fence?.[1]) continue;
      const info = fence[2]?.trim() ?? "";
      const block = info.startsWith(CLI_SESSION_INFO)
        ? { lines: [], commands: [], fails: /\bfails\b/.test(info.slice(CLI_SESSION_INFO.length)) }
        : undefined;
      open = { fence: fence[1], block };
      continue;
    }
    if (fence?.[1]?.startsWith(open.fence) && fence[2]?.trim() === "") {
      if (open.block) blocks.push(open.block);
      open = undefined;
      continue;
    }
    if (!open.block || text.trim() === "") continue;
    open.block.lines.push(text);
    if (text.startsWith("$ ")) open.block.commands.push(text.slice(2).trim());
    else if (!text.startsWith("#"))
      throw new Error(`cli-session blocks hold "$ " commands and "#" comments: ${text}`);
  }
  return blocks;
}

/** Splits a command line into words like a POSIX shell (quotes and backslashes; no variables, globs or pipes). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === "\\" && quote === '"' && i + 1 < line.length) word += line.charAt(++i);
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === "\\" && i + 1 < line.length) {
      word += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else if (/[|&;<>()$`*?]/.test(char)) {
      throw new Error(`cli-session commands are run without a shell: "${char}" in ${line}`);
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} in ${line}`);
  if (inWord) words.push(word);
  return words;
}

/** A block's text with each command followed by its recorded output. */
export function renderSession(block: CliSessionBlock, results: readonly CliCommandResult[]): string {
  const recorded = results.map((result) => result.command);
  if (JSON.stringify(recorded) !== JSON.stringify(block.commands)) {
    throw new Error(
      `cli-session block ${JSON.stringify(block.commands)} has no recorded output (recorded: ${JSON.stringify(recorded)}); build with \`pnpm run docs\``,
    );
  }
  const output: string[] = [];
  let next = 0;
  for (const line of block.lines) {
    if (!line.startsWith("$ ")) {
      output.push(line);
      continue;
    }
    const result = results[next++] as CliCommandResult;
    output.push(`$ ${result.shown}`);
    if (result.output !== "") output.push(result.output);
  }
  return `${output.join("\n")}\n`;
}

function loadResults(file: string): CliSessionResults {
  if (!existsSync(file)) throw new Error(`${file} is missing: build the site with \`pnpm run docs\``);
  return JSON.parse(readFileSync(file, "utf8")) as CliSessionResults;
}

/** The markdown-it plugin: renders cli-session fences as console blocks with the session's output. */
export function cliSessionPlugin(md: MarkdownRenderer, file = CLI_SESSION_FILE): void {
  const renderFence = md.renderer.rules.fence;
  if (!renderFence) throw new Error("markdown-it has no fence renderer");
  md.renderer.rules.fence = (tokens, index, options, env: { cliSessionBlocks?: number }, self) => {
    const token = tokens[index];
    if (!token?.info.startsWith(CLI_SESSION_INFO)) return renderFence(tokens, index, options, env, self);
    const ordinal = env.cliSessionBlocks ?? 0;
    env.cliSessionBlocks = ordinal + 1;
    const [block] = parseCliSessions(`\`\`\`${token.info}\n${token.content}\`\`\`\n`);
    if (!block) throw new Error("unreadable cli-session block");
    token.content = renderSession(block, loadResults(file)[ordinal] ?? []);
    token.info = "console";
    return renderFence(tokens, index, options, env, self);
  };
}
