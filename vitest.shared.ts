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
    // Our own suites run the emulator in strict mode: unknown body fields are 400s, responses are checked against
    // the spec, and an emulator whose responses broke it fails its close() (packages/emulator/README.md).
    env: { SEGMENTS_EMULATOR_STRICT: "1" },
  },
});
