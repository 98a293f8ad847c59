/**
 * In-process tests of the pieces: progress display, error mapping, tables, and `convert` (which needs no API).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  AlreadyExistsError,
  APIConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from "@segments-ts/sdk";
import { describe, expect, test } from "vitest";
import { loadEmulator } from "../src/commands/emulator.ts";
import { datasetSubject, explainError } from "../src/errors.ts";
import { ExitCode } from "../src/exit-codes.ts";
import { matchLabels } from "../src/labels.ts";
import { formatTable } from "../src/output.ts";
import { formatDuration, Progress } from "../src/progress.ts";
import { makeImages, runInProcess, tempDir } from "./helpers.ts";

function sink(isTTY = false) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (text: string) => chunks.push(text), text: () => chunks.join("") };
}

describe("Progress", () => {
  test("plain lines (not a TTY) show done/total, percent, rate and ETA, at most every interval", () => {
    let now = 0;
    const stream = sink(false);
    const progress = new Progress({
      label: "uploaded",
      total: 10,
      stream,
      plainIntervalMs: 2000,
      now: () => now,
    });
    now = 1000;
    progress.tick(); // first draw: 1 item in 1 s
    now = 1500;
    progress.tick(); // within the interval: no line
    now = 4000;
    progress.tick(2); // 4 items in 4 s -> 1/s, 6 left -> 6s
    progress.finish();
    expect(stream.chunks).toEqual([
      "uploaded [##----------------------] 1/10 10% 1.0/s ETA 9s\n",
      "uploaded [##########--------------] 4/10 40% 1.0/s ETA 6s\n",
      "uploaded [##########--------------] 4/10 40% 1.0/s ETA 6s\n",
    ]);
  });

  test("on a TTY it redraws one line in place and ends it on finish", () => {
    let now = 0;
    const stream = sink(true);
    const progress = new Progress({ label: "up", total: 2, stream, now: () => now });
    now = 500;
    progress.tick();
    now = 1000;
    progress.tick();
    progress.finish();
    progress.finish(); // idempotent
    expect(stream.chunks.filter((c) => c.startsWith("\r\x1b[2K"))).toHaveLength(3);
    expect(stream.chunks.at(-1)).toBe("\n");
    expect(stream.chunks.join("")).toContain("2/2 100% 2.0/s ETA 0s");
  });

  test("durations", () => {
    expect(formatDuration(42.4)).toBe("42s");
    expect(formatDuration(185)).toBe("3m05s");
    expect(formatDuration(3720)).toBe("1h02m");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("?");
  });
});

describe("explainError", () => {
  const api = (Type: typeof NotFoundError, status: number, detail = "x") =>
    new Type({ status, message: `${status} GET /datasets/jane/flowers/: ${detail}`, requestId: "req-1" });

  test.each([
    [
      api(NotFoundError, 404),
      ExitCode.NotFound,
      'dataset "jane/flowers" not found (404). Check the owner/name',
    ],
    [api(PermissionDeniedError, 403, "You do not have permission"), ExitCode.Auth, "not allowed to access"],
    [
      api(AlreadyExistsError, 400, "already exists"),
      ExitCode.Rejected,
      "already exists (400). Pick another name",
    ],
    [api(RateLimitError, 429), ExitCode.Unavailable, "lower --concurrency"],
    [
      api(InternalServerError, 503, "boom"),
      ExitCode.Unavailable,
      "the server failed (503): boom. Retry later; request id req-1",
    ],
    [new APIConnectionError("Connection error."), ExitCode.Unavailable, "Check SEGMENTS_API_URL"],
    [
      Object.assign(new Error("ENOENT: x"), { code: "ENOENT", syscall: "open", path: "a.json" }),
      ExitCode.NotFound,
      "no such file or directory: a.json",
    ],
    [new TypeError("boom\nsecond line"), ExitCode.Unexpected, "boom second line (re-run with --debug"],
  ])("%s -> exit %i", (error, code, text) => {
    const explained = explainError(error, datasetSubject("jane/flowers"));
    expect(explained.exitCode).toBe(code);
    expect(explained.message).toContain(text);
    expect(explained.message).not.toContain("\n");
  });
});

test("formatTable aligns columns", () => {
  expect(
    formatTable(
      ["A", "LONG"],
      [
        ["xyz", "1"],
        ["q", "22"],
      ],
    ),
  ).toBe("A    LONG\nxyz  1\nq    22");
});

describe("convert (in-process, no API)", () => {
  const coco = {
    images: [
      { id: 1, file_name: "a.png", width: 16, height: 16 },
      { id: 2, file_name: "night/b.png", width: 16, height: 16 },
    ],
    categories: [
      { id: 1, name: "car" },
      { id: 2, name: "bike" },
    ],
    annotations: [
      { id: 1, image_id: 1, category_id: 1, bbox: [2, 2, 4, 8], area: 32, iscrowd: 0 },
      { id: 2, image_id: 2, category_id: 2, bbox: [0, 0, 8, 8], area: 64, iscrowd: 0 },
    ],
  };

  test("coco -> segments -> yolo -> coco keeps the boxes", async () => {
    const dir = await tempDir("convert");
    const cocoFile = join(dir, "instances.json");
    await writeFile(cocoFile, JSON.stringify(coco));

    const labelsFile = join(dir, "labels.json");
    const toSegments = await runInProcess([
      "convert",
      "--from",
      "coco",
      "--to",
      "segments",
      cocoFile,
      "--out",
      labelsFile,
      "--json",
      "images,annotations,files",
    ]);
    expect(toSegments.code).toBe(0);
    expect(JSON.parse(toSegments.stdout)).toMatchObject({ images: 2, annotations: 2, files: [labelsFile] });
    const labels = JSON.parse(await readFile(labelsFile, "utf8"));
    expect(labels.format).toBe("segments-labels");
    expect(labels.samples[0].attributes.annotations[0]).toMatchObject({
      category_id: 1,
      type: "bbox",
      points: [
        [2, 2],
        [6, 10],
      ],
    });

    const yoloDir = join(dir, "yolo");
    expect(
      (await runInProcess(["convert", "--from", "segments", "--to", "yolo", labelsFile, "--out", yoloDir]))
        .code,
    ).toBe(0);
    expect(await readFile(join(yoloDir, "classes.txt"), "utf8")).toBe("car\nbike\n");
    expect(await readFile(join(yoloDir, "a.txt"), "utf8")).toBe("0 0.250000 0.375000 0.250000 0.500000\n");

    // Back from YOLO: the image sizes come from the image files.
    const { dir: images } = await makeImages(0);
    await mkdir(join(images, "night"), { recursive: true });
    const { dir: source } = await makeImages(1, 16);
    await writeFile(join(images, "a.png"), await readFile(join(source, "night", "img-000.png")));
    await writeFile(join(images, "night", "b.png"), await readFile(join(source, "night", "img-000.png")));
    const backFile = join(dir, "back.json");
    const back = await runInProcess([
      "convert",
      "--from",
      "yolo",
      "--to",
      "coco",
      yoloDir,
      "--images",
      images,
      "--out",
      backFile,
    ]);
    expect(back.stderr).toBe("");
    expect(back.code).toBe(0);
    const roundTrip = JSON.parse(await readFile(backFile, "utf8"));
    expect(roundTrip.annotations.map((a: { bbox: number[] }) => a.bbox)).toEqual([
      [2, 2, 4, 8],
      [0, 0, 8, 8],
    ]);
  });

  test("bad input is one line with exit 5; unknown formats are usage errors", async () => {
    const dir = await tempDir("convert-bad");
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ images: [], categories: [] }));
    const bad = await runInProcess([
      "convert",
      "--from",
      "coco",
      "--to",
      "segments",
      file,
      "--out",
      join(dir, "x.json"),
    ]);
    expect(bad.code).toBe(5);
    expect(bad.stderr).toBe(
      `error: cannot convert: missing or non-array "annotations" (file ${file}, field annotations).\n`,
    );
    const unknown = await runInProcess(["convert", "--from", "cvat", "--to", "segments", file, "--out", "x"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--from: unknown format "cvat"');
    const missing = await runInProcess([
      "convert",
      "--from",
      "coco",
      "--to",
      "coco",
      join(dir, "nope.json"),
      "--out",
      "x",
    ]);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("no such file or directory");
  });

  test("no arguments prints help and exits 2; --version exits 0", async () => {
    const none = await runInProcess([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("Usage: segments");
    const version = await runInProcess(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("matchLabels", () => {
  const item = (name: string) => ({
    kind: "vector" as const,
    name,
    source: "labels.json",
    attributes: { format_version: "0.1", annotations: [] },
  });

  test("matches exact names first, then names without extension; reports the rest", () => {
    const { matched, unmatched } = matchLabels(
      [item("night/a.png"), item("b.jpg"), item("c.png")],
      ["night/a.jpg", "b.jpg", "b.png"],
    );
    expect(matched.map((m) => [m.item.name, m.sample])).toEqual([
      ["night/a.png", "night/a.jpg"],
      ["b.jpg", "b.jpg"],
    ]);
    expect(unmatched.map((u) => u.name)).toEqual(["c.png"]);
  });

  test("a label that could belong to two samples is an error (exit 5)", () => {
    expect(() => matchLabels([item("b.gif")], ["b.jpg", "b.png"])).toThrow(
      expect.objectContaining({
        exitCode: ExitCode.Rejected,
        message: expect.stringContaining("b.jpg, b.png"),
      }),
    );
  });
});

describe("segments emulator without the emulator package", () => {
  test("a one-line error saying how to install it; other load failures are named as such", async () => {
    const notFound = Object.assign(
      new Error("Cannot find package '@segments-ts/emulator' imported from /x/cli.js"),
      {
        code: "ERR_MODULE_NOT_FOUND",
      },
    );
    const error = await loadEmulator(() => Promise.reject(notFound)).then(
      () => new Error("loaded"),
      (e: unknown) => e as Error,
    );
    expect(error.message).toBe(
      "segments emulator needs @segments-ts/emulator, which is not installed: npm install @segments-ts/emulator " +
        "(next to @segments-ts/cli; it builds a native SQLite addon).",
    );
    const broken = await loadEmulator(() =>
      Promise.reject(new Error("better_sqlite3.node: invalid ELF header")),
    ).then(
      () => new Error("loaded"),
      (e: unknown) => e as Error,
    );
    expect(broken.message).toMatch(
      /^@segments-ts\/emulator is installed but cannot load: better_sqlite3\.node/,
    );
  });
});
