/**
 * Output names from untrusted text: every export format, run over a release whose every name is hostile
 * (`hostile.ts`), writes only inside its output directory (and the cache only inside its own), one file per output
 * (nothing lost to names that collide once cleaned), each under a safe name.
 */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORTERS, type ExportFormat, exporterFor } from "../src/export/index.js";
import { toYolo } from "../src/formats/yolo.js";
import { safePath, UniqueNames } from "../src/names.js";
import { DirectoryCache, exportDataset } from "../src/node/index.js";
import { SegmentsDataset } from "../src/release/index.js";
import {
  HOSTILE_FRAME_NAMES,
  HOSTILE_NAMES,
  hostileRelease,
  hostileSequenceRelease,
  listFiles,
  SIZE,
  serveFixture,
} from "./hostile.js";

let base = "";
let close: () => Promise<void> = async () => {};
const sandboxes: string[] = [];
beforeAll(async () => {
  ({ base, close } = await serveFixture());
});
afterAll(async () => {
  await close();
  for (const dir of sandboxes) await rm(dir, { recursive: true, force: true });
});

/** A name no file system refuses and that cannot leave the directory it is joined to. */
function expectSafe(path: string): void {
  expect(path).not.toMatch(/^[\\/]|^[A-Za-z]:/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is checked
  expect(path).not.toMatch(/[\u0000-\u001f\u007f\\:*?"<>|]/);
  for (const part of path.split("/")) {
    expect(part === "" || part === "." || part === "..", `part ${JSON.stringify(part)} of ${path}`).toBe(
      false,
    );
    expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(255);
    expect(part).not.toMatch(/[. ]$/);
    expect(part).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
  }
}

describe("safePath and UniqueNames", () => {
  it("make every hostile name a safe relative path, kept apart once cleaned", () => {
    for (const directories of [true, false]) {
      const names = new UniqueNames();
      const claimed = HOSTILE_NAMES.map((name) => names.claim(name, { directories }).path);
      for (const path of claimed) expectSafe(path);
      // unique ignoring case and normalisation, and no file is also a directory
      const keys = claimed.map((p) => p.normalize("NFC").toLowerCase());
      expect(new Set(keys).size).toBe(claimed.length);
      const directoriesUsed = new Set(
        keys.flatMap((k) =>
          k
            .split("/")
            .slice(0, -1)
            .map((_, i, a) => a.slice(0, i + 1).join("/")),
        ),
      );
      for (const key of keys) expect(directoriesUsed.has(key), key).toBe(false);
    }
  });

  it("keep safe names as they are and say what changed", () => {
    const names = new UniqueNames();
    expect(names.claim("train/img 1.txt", { directories: true })).toEqual({
      path: "train/img 1.txt",
      changed: false,
    });
    expect(names.claim("TRAIN/IMG 1.txt", { directories: true })).toEqual({
      path: "train/IMG 1_2.txt",
      changed: true,
    });
    expect(names.claim("../../x.txt", { directories: true }).path).toBe("_/_/x.txt");
    expect(safePath("/etc/passwd", { directories: true })).toBe("etc/passwd");
    expect(safePath("C:\\temp\\a.txt")).toBe("C__temp_a.txt");
    expect(safePath("NUL.txt")).toBe("_NUL.txt");
    const long = safePath(`${"x".repeat(300)}.txt`);
    expect(long).toMatch(/^x+~[0-9a-f]{8}\.txt$/);
    expect(long.length).toBe(255);
    expect(safePath(`${"x".repeat(300)}.txt`)).not.toBe(safePath(`${"x".repeat(301)}.txt`));
  });

  it("toYolo's file names: safe, unique, never classes.txt, with a warning when changed", () => {
    const images = HOSTILE_NAMES.map((name) => ({ name, ...SIZE, vector: { annotations: [] } }));
    const { value, warnings } = toYolo(images, []);
    expect(value.files.size).toBe(HOSTILE_NAMES.length);
    for (const name of value.files.keys()) expectSafe(name);
    expect(value.files.has("classes.txt")).toBe(false);
    expect(
      warnings.some((w) => /"classes.txt" is unsafe or taken: written as classes_2.txt/.test(w.message)),
    ).toBe(true);
  });
});

/**
 * Files some formats write for `n` samples (one per sample, plus the JSON file or classes.txt). A format not listed
 * here (a new one) is still checked for writing only inside the directory and never twice to the same file.
 */
const expectedFiles: Partial<Record<ExportFormat, (n: number) => number>> = {
  "coco-instance": () => 1,
  "coco-panoptic": (n) => n + 1,
  instance: (n) => n,
  "instance-color": (n) => n,
  semantic: (n) => n,
  "semantic-color": (n) => n,
  polygon: () => 1,
  yolo: (n) => n + 1,
};

/**
 * Runs one export into `<sandbox>/out/here` with the cache in `<sandbox>/cache`, and checks that the sandbox then
 * holds exactly the files the export reports (under `out/here`, each safe and once) and cache files (under `cache`).
 */
async function exportContained(
  release: ReturnType<typeof hostileRelease>,
  format: ExportFormat,
  expected: number | undefined,
  options: Parameters<typeof exportDataset>[3] = {},
): Promise<void> {
  const sandbox = await mkdtemp(join(tmpdir(), "conv-hostile-"));
  sandboxes.push(sandbox);
  const outDir = join(sandbox, "out", "here");
  await mkdir(outDir, { recursive: true });
  const dataset = new SegmentsDataset(release, {
    labelset: "../labelset",
    cache: new DirectoryCache(join(sandbox, "cache")),
  });
  const result = await exportDataset(dataset, format, outDir, options);
  const written = result.files.map((file) => relative(outDir, file));
  for (const file of written) {
    expect(file.startsWith(`..${sep}`) || isAbsolute(file), file).toBe(false);
    expectSafe(file.split(sep).join("/"));
    expect((await stat(join(outDir, file))).isFile()).toBe(true);
  }
  if (expected !== undefined) expect(written.length, `${format}: files written`).toBe(expected);
  expect(new Set(written.map((f) => f.toLowerCase())).size, `${format}: distinct files`).toBe(written.length);
  const everything = await listFiles(sandbox);
  const outside = everything.filter(
    (f) => !f.startsWith(`out${sep}here${sep}`) && !f.startsWith(`cache${sep}`),
  );
  expect(outside, `${format}: files outside the output and cache directories`).toEqual([]);
  expect(everything.filter((f) => f.startsWith(`out${sep}`)).length).toBe(written.length);
}

describe("exportDataset over a release of hostile names", () => {
  it.each(EXPORTERS.map((e) => e.format))(
    "%s: every file inside the output directory, none lost",
    async (format) => {
      const taskTypes: readonly string[] = exporterFor(format).taskTypes;
      const n = HOSTILE_NAMES.length;
      for (const taskType of ["segmentation-bitmap", "vector"] as const)
        if (taskTypes.includes(taskType))
          await exportContained(hostileRelease(base, taskType), format, expectedFiles[format]?.(n));
    },
  );

  it("yolo of an image-vector-sequence dataset: one file per frame of every sample", async () => {
    const frames = HOSTILE_NAMES.length * HOSTILE_FRAME_NAMES.length;
    await exportContained(hostileSequenceRelease(base), "yolo", frames + 1, {
      imageWidth: SIZE.width,
      imageHeight: SIZE.height,
    });
  });
});
