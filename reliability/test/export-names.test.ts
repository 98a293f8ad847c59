/**
 * Exports of a release whose sample names are generated attacks (fast-check): path traversal in both separators,
 * absolute, drive-letter and UNC paths, NUL and control characters, Windows device names, trailing dots, names
 * longer than a file system allows, and names that only differ by case, normalisation or an unsafe character. Every
 * run exports one release to a sandbox and checks that every file is inside the output directory, that there is
 * exactly one file per sample (nothing lost to names that collide once cleaned), and that nothing else was written.
 * Images and bitmaps are data:image URLs, so the runs need no server.
 */
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { bitmap2file, encodePng } from "@segments-ts/bitmap";
import { SegmentsDataset } from "@segments-ts/converter";
import { type ExportFormat, exportDataset } from "@segments-ts/converter/node";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { recordFigures } from "../src/report.ts";

const SEED = Number(process.env.RELIABILITY_SEED ?? 22_022);
const RUNS = 250;

const PIECES = [
  "../",
  "..\\",
  "..",
  ".",
  "/",
  "\\",
  "//",
  "C:",
  "c:\\",
  "\\\\server\\share\\",
  "\u0000",
  "\u001b[2J",
  "\n",
  "CON",
  "nul.",
  "com1",
  " ",
  "...",
  "é",
  "e\u0301",
  "A",
  "a",
  "x".repeat(130),
  "ü".repeat(70),
  "?",
  "*",
  "|",
  ":",
  "<>",
  '"',
  "%2e%2e%2f",
  "\u202e",
  ".png",
  "_label_",
];
const name = fc.array(fc.constantFrom(...PIECES), { maxLength: 7 }).map((parts) => parts.join(""));

const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`;
const image = dataUrl(encodePng({ width: 4, height: 3, data: new Uint8Array(36), colorType: "rgb" }));
const bitmap = dataUrl(
  bitmap2file(Uint32Array.of(1, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1), { width: 4, height: 3 }),
);

function release(names: readonly string[], vector: boolean) {
  return {
    name: "../../v1",
    dataset: {
      name: "../../d",
      owner: "C:\\o",
      task_type: vector ? ("vector" as const) : ("segmentation-bitmap" as const),
      task_attributes: { categories: [{ id: 1, name: "a" }] },
      labelsets: [{ name: "ground-truth" }],
      samples: names.map((sampleName, i) => ({
        uuid: `u${i}`,
        name: sampleName,
        attributes: { image: { url: image } },
        labels: {
          "ground-truth": {
            label_status: "LABELED" as const,
            attributes: vector
              ? {
                  format_version: "0.1",
                  annotations: [
                    {
                      id: 1,
                      category_id: 1,
                      type: "bbox" as const,
                      points: [
                        [0, 0],
                        [2, 2],
                      ],
                    },
                  ],
                }
              : {
                  format_version: "0.1",
                  annotations: [{ id: 1, category_id: 1 }],
                  segmentation_bitmap: { url: bitmap },
                },
          },
        },
      })),
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join((e as { parentPath?: string }).parentPath ?? dir, e.name)));
}

let namesTried = 0;
let filesWritten = 0;
let renamed = 0;
let runs = 0;
const sandboxes: string[] = [];

afterAll(async () => {
  for (const dir of sandboxes) await rm(dir, { recursive: true, force: true });
  recordFigures("Bad input: hostile export names (converter)", {
    seed: SEED,
    "export runs": runs,
    "traversal names tried": namesTried,
    "files written, all inside": filesWritten,
    "names made safe or unique": renamed,
  });
});

describe("exportDataset with hostile sample names", () => {
  test("every file lands inside the output directory, one per sample", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(name, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        async (names, vector) => {
          runs++;
          namesTried += names.length;
          const sandbox = await mkdtemp(join(tmpdir(), "reliability-names-"));
          sandboxes.push(sandbox);
          const outDir = join(sandbox, "out");
          await mkdir(outDir);
          const format: ExportFormat = vector ? "yolo" : "instance";
          const dataset = new SegmentsDataset(release(names, vector) as never);
          const result = await exportDataset(dataset, format, outDir);
          renamed += result.warnings.filter((w) => /unsafe or taken/.test(w.message)).length;
          const expected = names.length + (vector ? 1 : 0);
          const written = result.files.map((file) => relative(outDir, file));
          for (const file of written)
            expect(file === ".." || file.startsWith(`..${sep}`) || isAbsolute(file)).toBe(false);
          expect(new Set(written.map((f) => f.normalize("NFC").toLowerCase())).size).toBe(expected);
          expect((await listFiles(sandbox)).sort()).toEqual(written.map((f) => join("out", f)).sort());
          filesWritten += written.length;
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
