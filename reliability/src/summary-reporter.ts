/** A vitest reporter that prints every section recorded with `recordFigures` once the run ends. */
import type { Reporter } from "vitest/node";
import { formatSummary, readSections } from "./report.ts";

export default class SummaryReporter implements Reporter {
  constructor(private readonly dir: string) {}

  onTestRunEnd(): void {
    process.stdout.write(formatSummary(readSections(this.dir)));
  }
}
