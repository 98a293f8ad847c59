import { defineConfig } from "tsup";

export default defineConfig({
  // index: the `node` condition (node:zlib); browser: the `browser` / default condition (fflate).
  entry: ["src/index.ts", "src/browser.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["fflate"],
});
