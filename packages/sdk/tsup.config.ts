import { defineConfig, type Options } from "tsup";

// The same source, built twice: `#default-exchange` (package.json `imports`) resolves to node:http for the `node`
// platform and to fetch for the `browser` one, so browser bundles never see a Node module.
const shared: Options = { format: ["esm", "cjs"], dts: true, sourcemap: true, target: "es2022" };

export default defineConfig([
  { ...shared, entry: { index: "src/index.ts" }, platform: "node", clean: ["index.*"] },
  { ...shared, entry: { browser: "src/index.ts" }, platform: "browser", clean: ["browser.*"] },
]);
