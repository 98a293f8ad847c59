// The programs the pack smoke test runs inside the temporary project, against the installed tarballs.

/** ESM: import every package; round-trip the SDK against the packed emulator; run the CLI bin. */
export function ESM_SMOKE(packageNames: readonly string[]): string {
  return `import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const names = ${JSON.stringify(packageNames)};
for (const name of names) {
  const module = await import(name);
  assert.ok(Object.keys(module).length > 0, name + " has no ESM exports");
  console.log("  " + name + ": " + Object.keys(module).length + " ESM exports");
}

if (names.includes("@segments-ts/sdk") && names.includes("@segments-ts/emulator")) {
  const { startEmulator } = await import("@segments-ts/emulator");
  const { SegmentsClient, NotFoundError } = await import("@segments-ts/sdk");
  const emulator = await startEmulator({ validateResponses: false, log: () => {} });
  try {
    const client = new SegmentsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, maxRetries: 0 });
    const user = await client.getUser();
    assert.equal(user.username, emulator.username);
    const dataset = await client.addDataset("pack-smoke", { task_type: "segmentation-bitmap" });
    assert.equal(dataset.full_name, user.username + "/pack-smoke");
    await assert.rejects(client.getDataset(user.username + "/missing"), NotFoundError);
    console.log("  sdk -> emulator round trip (ESM): ok");
  } finally {
    await emulator.close();
  }
}

if (names.includes("@segments-ts/bitmap")) {
  const { bitmap2file, file2bitmap } = await import("@segments-ts/bitmap");
  const ids = Uint32Array.from([0, 1, 2, 3]);
  const png = bitmap2file(ids, { width: 2, height: 2 });
  const back = file2bitmap(png);
  assert.deepEqual([back.width, back.height, ...back.data], [2, 2, 0, 1, 2, 3]);
  console.log("  bitmap PNG round trip (ESM): ok");
}

if (names.includes("@segments-ts/cli")) {
  const help = execFileSync("node_modules/.bin/segments", ["--help"], { encoding: "utf8" });
  assert.match(help, /segments/);
  console.log("  segments --help: ok");
}
`;
}

/** CJS: require every package; construct the SDK client and round-trip it against the packed emulator. */
export function CJS_SMOKE(packageNames: readonly string[]): string {
  return `const assert = require("node:assert/strict");

const names = ${JSON.stringify(packageNames)};
for (const name of names) {
  const module = require(name);
  assert.ok(Object.keys(module).length > 0, name + " has no CJS exports");
  console.log("  " + name + ": " + Object.keys(module).length + " CJS exports");
}

async function main() {
  if (!names.includes("@segments-ts/sdk") || !names.includes("@segments-ts/emulator")) return;
  const { startEmulator } = require("@segments-ts/emulator");
  const { SegmentsClient, APIError } = require("@segments-ts/sdk");
  const emulator = await startEmulator({ validateResponses: false, log: () => {} });
  try {
    const client = new SegmentsClient({ apiKey: "wrong-key", baseUrl: emulator.url, maxRetries: 0 });
    await assert.rejects(client.getUser(), (error) => error instanceof APIError && error.status === 401);
    const authorized = new SegmentsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, maxRetries: 0 });
    assert.equal((await authorized.getUser()).username, emulator.username);
    console.log("  sdk -> emulator round trip (CJS): ok");
  } finally {
    await emulator.close();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}

/** A package's browser entry, as an app would import it. */
export interface BrowserEntry {
  name: string;
  packageName: string;
  source: string;
}

/**
 * Entry points bundled for the browser with esbuild, webpack and Vite: no Node built-in, no warning. Each puts what
 * it imports on `globalThis`, so no bundler can tree-shake the package away.
 */
export const BROWSER_ENTRIES: readonly BrowserEntry[] = [
  {
    name: "client",
    packageName: "@segments-ts/client",
    source: `import { createSegmentsApiClient } from "@segments-ts/client";
globalThis.api = createSegmentsApiClient({ apiKey: "key", baseUrl: "https://api.segments.ai" });
`,
  },
  {
    name: "sdk",
    packageName: "@segments-ts/sdk",
    source: `import { SegmentsClient } from "@segments-ts/sdk";
globalThis.client = new SegmentsClient({ apiKey: "key", baseUrl: "https://api.segments.ai" });
`,
  },
  {
    name: "bitmap",
    packageName: "@segments-ts/bitmap",
    source: `import { bitmap2file, file2bitmap } from "@segments-ts/bitmap";
globalThis.bitmap = { bitmap2file, file2bitmap };
`,
  },
  {
    name: "converter",
    packageName: "@segments-ts/converter",
    source: `import { fromCocoInstance, SegmentsDataset, toCocoInstance, toYolo } from "@segments-ts/converter";
globalThis.converter = { fromCocoInstance, SegmentsDataset, toCocoInstance, toYolo };
`,
  },
];

/**
 * A TypeScript consumer (module/moduleResolution node16, strict, skipLibCheck off) importing every package, and the
 * converter's `./node` subpath, from an ES module and from a CommonJS module: the declarations must resolve, across
 * our packages too, and type-check.
 */
export function TYPES_SMOKE(packageNames: readonly string[]): Record<string, string> {
  const entries = [...packageNames];
  if (packageNames.includes("@segments-ts/converter")) entries.push("@segments-ts/converter/node");
  const esm = entries.map(
    (name, i) => `import * as m${i} from "${name}";\nexport const keys${i} = Object.keys(m${i});`,
  );
  const cjs = entries.map(
    (name, i) => `import m${i} = require("${name}");\nexport const keys${i} = Object.keys(m${i});`,
  );
  if (packageNames.includes("@segments-ts/sdk")) {
    esm.push(`import { SegmentsClient } from "@segments-ts/sdk";
const client = new SegmentsClient({ apiKey: "key" });
export const username: Promise<string> = client.getUser().then((user) => user.username);`);
    cjs.push(`import sdk = require("@segments-ts/sdk");
const client = new sdk.SegmentsClient({ apiKey: "key" });
export const username: Promise<string> = client.getUser().then((user) => user.username);`);
  }
  return {
    "types.mts": `${esm.join("\n")}\n`,
    "types.cts": `${cjs.join("\n")}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          module: "node16",
          moduleResolution: "node16",
          target: "es2022",
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ["node"],
        },
        files: ["types.mts", "types.cts"],
      },
      null,
      2,
    )}\n`,
  };
}
