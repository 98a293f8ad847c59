/**
 * The main entry bundles for browsers: nothing reachable from `src/index.ts` imports a Node module (literally or
 * dynamically); Node-only code (files, streams of files) lives under `src/node/`, the `/node` subpath.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

describe("the main entry is browser-safe", () => {
  it("bundles with esbuild for the browser, without errors or warnings, and with no Node module in it", async () => {
    const result = await build({
      entryPoints: [join(SRC, "index.ts")],
      bundle: true,
      platform: "browser",
      format: "esm",
      target: "es2022",
      conditions: ["source", "browser"],
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((input) => /(^|\/)src\/node\//.test(input) || input.startsWith("node:"))).toEqual(
      [],
    );
    const text = result.outputFiles[0]?.text ?? "";
    // A module name in an import or require (a bare string such as the YAML lexer's "stream" state is no import).
    expect(text).not.toMatch(
      /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](node:)?(fs|fs\/promises|path|stream|zlib|os)["']/,
    );
  });

  it("no source file outside src/node imports a Node module or the Node entry", async () => {
    const files = (await readdir(SRC, { recursive: true })).filter(
      (f) => f.endsWith(".ts") && !f.startsWith(`node/`) && !f.startsWith("node\\"),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(join(SRC, file), "utf8");
      const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map(
        (m) => m[1] as string,
      );
      const offending = imports.filter(
        (spec) => spec.startsWith("node:") || /(^|\/)node(\/index)?\.js$/.test(spec),
      );
      expect(offending, relative(SRC, join(SRC, file))).toEqual([]);
    }
  });
});
