/**
 * The README's tables of formats, rendered from the registries (`EXPORTERS`, `DATASET_FORMATS`), so that the README
 * lists exactly what the code has, and its table of round-trip losses, measured by `round-trips.ts`. `pnpm --filter @segments-ts/converter generate` (or `pnpm generate`) rewrites
 * them; `test/registry.test.ts` fails when they are stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DATASET_FORMATS, EXPORTERS } from "../src/index.js";
import { LOSS_HEAD, lossTable } from "./round-trips.js";

export const README = fileURLToPath(new URL("../README.md", import.meta.url));

/** The README with its generated blocks (between `<!-- name:start -->` and `<!-- name:end -->`) rendered anew. */
export function renderReadme(text: string): string {
  const blocks: Record<string, string> = {
    "export-formats": table(
      ["`exportDataset` format", "task types", "writes"],
      EXPORTERS.map((e) => [`\`${e.format}\``, e.taskTypes.map((t) => `\`${t}\``).join(", "), e.description]),
    ),
    "dataset-formats": table(
      ["`DATASET_FORMATS`", "files"],
      DATASET_FORMATS.map((f) => [`\`${f.name}\``, f.description]),
    ),
    "round-trips": table(LOSS_HEAD, lossTable()),
  };
  let out = text;
  for (const [name, body] of Object.entries(blocks)) {
    const start = `<!-- ${name}:start (generated from the registry: pnpm generate) -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} block`);
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(README, "utf8");
  const rendered = renderReadme(text);
  if (rendered !== text) writeFileSync(README, rendered);
  console.log(rendered === text ? "README.md tables are up to date" : "README.md tables rewritten");
}
