import { defineConfig, mergeConfig } from "vitest/config";
import { sharedConfig } from "../vitest.shared.ts";

// The site test builds the whole site in its beforeAll (TypeDoc, the CLI session, vitepress build): minutes on a
// busy two-core machine.
export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { testTimeout: 180_000, hookTimeout: 600_000, fileParallelism: false } }),
);
