/**
 * Figures of the reliability runs. Each test file records its figures with {@link recordFigures}; test files run in
 * worker processes, so the figures go to one JSON file per section in a directory shared through the environment,
 * and the summary reporter (`summary-reporter.ts`, in the main vitest process) prints them all at the end.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One printed figure: a count, a duration, a label... or a small table (status histogram, faults per kind). */
export type Figure = string | number | boolean | Record<string, string | number>;

export interface Section {
  title: string;
  figures: Record<string, Figure>;
}

export const FIGURES_ENV = "RELIABILITY_FIGURES_DIR";

function figuresDir(): string | undefined {
  return process.env[FIGURES_ENV];
}

/** Saves the figures of one section (a test file); a later call with the same title replaces them. */
export function recordFigures(title: string, figures: Record<string, Figure>): void {
  const dir = figuresDir();
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.json`;
  writeFileSync(join(dir, file), JSON.stringify({ title, figures } satisfies Section));
}

/** Reads every recorded section, sorted by title. */
export function readSections(dir: string): Section[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return files
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as Section)
    .sort((a, b) => a.title.localeCompare(b.title));
}

function formatValue(value: Figure): string {
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([key, count]) => `${key}=${typeof count === "number" ? formatValue(count) : count}`)
      .join(" ");
  }
  return String(value);
}

/** The printed summary: one block per section, one line per figure. */
export function formatSummary(sections: readonly Section[]): string {
  const lines = ["", "==== reliability figures ===="];
  for (const section of sections) {
    lines.push("", `## ${section.title}`);
    const width = Math.max(...Object.keys(section.figures).map((key) => key.length), 0);
    for (const [key, value] of Object.entries(section.figures)) {
      lines.push(`  ${key.padEnd(width)}  ${formatValue(value)}`);
    }
  }
  if (sections.length === 0) lines.push("(no figures recorded)");
  lines.push("");
  return lines.join("\n");
}

/** Percentile (nearest rank) of a list of numbers; 0 for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Increments `key` in a counter map. */
export function bump(counter: Record<string, number>, key: string, by = 1): void {
  counter[key] = (counter[key] ?? 0) + by;
}
