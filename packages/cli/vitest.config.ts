import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../../vitest.shared.ts";

// The end-to-end tests spawn real processes (the CLI and the emulator); one file at a time keeps the 2-core
// machine responsive and the timings predictable.
export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { fileParallelism: false, testTimeout: 60_000 } }),
);
