import { defineConfig } from "tsup";

// `src/cli.ts` starts with `#!/usr/bin/env node`, which esbuild keeps as the first line of dist/cli.js (the bin).
export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "es2022",
});
