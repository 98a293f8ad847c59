import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../vitest.shared.ts";
import { FIGURES_ENV } from "./src/report.ts";
import SummaryReporter from "./src/summary-reporter.ts";

// Each run gets a fresh directory for the figures the test files record; the summary reporter prints them.
const figuresDir = mkdtempSync(join(tmpdir(), "segments-reliability-figures-"));

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      // The runs measure latency and kill processes: one file at a time keeps them from skewing each other on a
      // small CI machine. The whole suite stays under ~6 minutes on 2 cores.
      fileParallelism: false,
      testTimeout: 150_000,
      hookTimeout: 60_000,
      env: { [FIGURES_ENV]: figuresDir },
      reporters: ["default", new SummaryReporter(figuresDir)],
    },
  }),
);
