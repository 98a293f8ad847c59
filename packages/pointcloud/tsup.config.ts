import { defineConfig } from "tsup";

export default defineConfig({
  // index: the pure functions (Node and browsers); node: the file-path helpers (node:fs).
  entry: { index: "src/index.ts", node: "src/node/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
});
