// Shared Vitest settings for every package: resolve workspace packages to their TypeScript sources (the `source`
// export condition) so tests, typechecks and the demo never need a prior build.
import { defineConfig } from "vitest/config";

const conditions = ["source", "module", "node", "development|production"];

export const sharedConfig = defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
