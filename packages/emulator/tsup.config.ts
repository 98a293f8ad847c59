import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm", "cjs"],
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  target: "es2022",
  external: ["better-sqlite3"],
  // The spec is read from the private workspace package at dev time and inlined into dist, so the published
  // emulator is self-contained without a committed copy of the bundle.
  noExternal: ["@segments-ts/openapi"],
});
