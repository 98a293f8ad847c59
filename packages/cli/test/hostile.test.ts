/**
 * The server and the input files are untrusted. Names from them never make the CLI write outside its output
 * directory; URLs from them are fetched only over http(s) and with a size cap; text from them never reaches the
 * terminal with control characters. The emulator provides hostile names (it stores what production stores); a fake
 * API on 127.0.0.1 provides what an honest server never sends (file: URLs, huge bodies, escapes in error messages).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { bitmap2file, encodePng } from "@segments-ts/bitmap";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  baseEnv,
  type EmulatorProcess,
  fakeRelease,
  filesUnder,
  killAll,
  runCli,
  runInProcess,
  spawnEmulator,
  startFakeApi,
  tempDir,
} from "./helpers.ts";

const KEY = "hostile-secret-key-0123456789";
let emulator: EmulatorProcess;
let env: NodeJS.ProcessEnv;
let client: SegmentsClient;
let work: string;

/** Names that try every way out of a folder, plus two that collide once cleaned (case, then extension). */
function hostileNames(absoluteTarget: string): string[] {
  return [
    "../../escape-up.png",
    "night/../../../escape-mixed.png",
    `${absoluteTarget}/abs.png`,
    "C:\\windows\\drive.png",
    "C:drive-relative.png",
    "nul\u0000byte.png",
    `${"long-name-".repeat(40)}.png`,
    "Rose.png",
    "rose.jpg",
    "..",
    "night/ok.png",
  ];
}

const TERMINAL_ATTACK = "evil\x1b]0;pwned\x07\x1b[2J\u009b31m\x08\x7f";
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const CONTROL_BYTES = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** Runs the CLI in-process: these tests run it often. */
const cli = (args: string[], cliEnv: NodeJS.ProcessEnv) => runInProcess(args, cliEnv);

beforeAll(async () => {
  emulator = await spawnEmulator([`jane:${KEY}`]);
  env = baseEnv({ SEGMENTS_API_URL: emulator.url, SEGMENTS_API_KEY: KEY });
  client = new SegmentsClient({ apiKey: KEY, baseUrl: emulator.url });
  work = await tempDir("hostile");
});

afterAll(async () => {
  await emulator?.stop();
  killAll();
});

/** A released bboxes dataset whose samples carry `names`, each with one REVIEWED box. */
async function releasedDataset(dataset: string, names: string[]): Promise<void> {
  await client.addDataset(dataset, {
    task_type: "bboxes",
    task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "car" }] },
  });
  const png = encodePng({ width: 8, height: 6, data: new Uint8Array(8 * 6 * 3), colorType: "rgb" });
  const asset = await client.uploadAsset(png, "image.png");
  for (const name of names) {
    const sample = await client.addSample(`jane/${dataset}`, name, { image: { url: asset.url } });
    const box = {
      id: 1,
      category_id: 1,
      type: "bbox" as const,
      points: [
        [1, 1],
        [4, 3],
      ],
    };
    await client.addLabel(
      sample.uuid,
      "ground-truth",
      { format_version: "0.1", annotations: [box] },
      {
        label_status: "REVIEWED",
      },
    );
  }
  await client.addRelease(`jane/${dataset}`, "v1");
  await client.waitForRelease(`jane/${dataset}`, "v1", { pollInterval: 50 });
}

/** Asserts that every file under `root` is under `out`, and that the absolute and `../` targets were not created. */
async function expectContained(root: string, out: string, absoluteTarget: string): Promise<string[]> {
  const files = await filesUnder(root);
  for (const file of files) expect(relative(out, file).split(sep)[0], file).not.toBe("..");
  expect(existsSync(absoluteTarget)).toBe(false);
  for (const escaped of ["escape-up", "escape-mixed"])
    for (const dir of [dirname(root), dirname(dirname(root)), dirname(out)])
      for (const ext of [".txt", ".png", ".json"]) expect(existsSync(join(dir, escaped + ext))).toBe(false);
  return files.map((file) => relative(out, file));
}

/**
 * A fake API whose every release is `name` with the file URL `fileUrl(base)`, serving `/file.json` (`body`, or
 * `{}`): a hostile server's release, for what the emulator never answers.
 */
async function fakeReleaseApi(
  name: string,
  fileUrl: (base: string) => string,
  body?: { bytes: Uint8Array; chunked: boolean },
) {
  let base = "";
  const fake = await startFakeApi((url) => {
    if (url.pathname === "/file.json")
      return { body: body?.bytes ?? Buffer.from("{}"), chunked: body?.chunked };
    return { json: fakeRelease(name, fileUrl(base)) };
  });
  base = fake.url;
  return { fake, env: baseEnv({ SEGMENTS_API_URL: fake.url, SEGMENTS_API_KEY: KEY }) };
}

describe("names from the server or an input file stay inside the output directory", () => {
  test("export, releases download and convert --from release write only under --out, one file per sample", async () => {
    const root = join(work, "names");
    const absoluteTarget = join(root, "absolute");
    const names = hostileNames(absoluteTarget);
    await releasedDataset("hostile-names", names);

    const exportDir = join(root, "export");
    const exported = await cli(["export", "jane/hostile-names", "v1", "-f", "yolo", "-o", exportDir], env);
    expect(exported.stderr).not.toContain("error");
    expect(exported.stderr).toContain("is unsafe or taken: written as"); // the renames are reported
    expect(exported.code).toBe(0);
    const written = await expectContained(root, exportDir, absoluteTarget);
    // One label file per sample (none overwrote another) plus classes.txt.
    expect(written.filter((file) => file.endsWith(".txt"))).toHaveLength(names.length + 1);
    expect(written).toContain("night/ok.txt");

    const releaseFile = join(root, "release.json");
    const downloaded = await cli(
      ["releases", "download", "jane/hostile-names", "v1", "-o", releaseFile],
      env,
    );
    expect(downloaded.code).toBe(0);

    const convertDir = join(root, "convert");
    const converted = await cli(
      ["convert", "--from", "release", "--to", "yolo", releaseFile, "--out", convertDir],
      env,
    );
    expect(converted.code).toBe(0);
    const convertedFiles = await expectContained(convertDir, convertDir, absoluteTarget);
    expect(convertedFiles).toHaveLength(names.length + 1);
  });

  test("convert: COCO file_names with ../, absolute paths and collisions stay in --out, nothing overwritten", async () => {
    const root = join(work, "coco");
    const absoluteTarget = join(root, "absolute");
    const names = hostileNames(absoluteTarget);
    const coco = {
      images: names.map((name, i) => ({ id: i + 1, file_name: name, width: 8, height: 6 })),
      annotations: names.map((_, i) => ({
        id: i + 1,
        image_id: i + 1,
        category_id: 1,
        bbox: [1, 1, 3, 2],
        area: 6,
        iscrowd: 0,
        segmentation: [[1, 1, 4, 1, 4, 3, 1, 3]],
      })),
      categories: [{ id: 1, name: "car" }],
    };
    const input = join(root, "in", "instances.json");
    await mkdir(dirname(input), { recursive: true });
    await writeFile(input, JSON.stringify(coco));

    const yoloDir = join(root, "yolo");
    const toYolo = await cli(["convert", "--from", "coco", "--to", "yolo", input, "--out", yoloDir], env);
    expect(toYolo.code).toBe(0);
    expect(await expectContained(yoloDir, yoloDir, absoluteTarget)).toHaveLength(names.length + 1);

    const bitmapDir = join(root, "bitmaps");
    const toBitmaps = await cli(
      ["convert", "--from", "coco", "--to", "segments", input, "--segmentation", "--out", bitmapDir],
      env,
    );
    expect(toBitmaps.code).toBe(0);
    const pngs = (await expectContained(bitmapDir, bitmapDir, absoluteTarget)).filter((f) =>
      f.endsWith(".png"),
    );
    expect(pngs).toHaveLength(names.length);
    // The sidecar names exactly the files written, so `samples upload --labels` reads them back.
    const sidecar = JSON.parse(await readFile(join(bitmapDir, "annotations.json"), "utf8")) as {
      annotations: Record<string, unknown>;
    };
    expect(Object.keys(sidecar.annotations).sort()).toEqual(pngs.map((f) => f.split("\\").join("/")).sort());
  });

  test("releases download: the default file name made from the arguments stays in the current folder", async () => {
    const cwd = join(work, "download-cwd", "a", "b", "inner");
    await mkdir(cwd, { recursive: true });
    const { fake, env: fakeEnv } = await fakeReleaseApi("/../../../evil", (base) => `${base}/file.json`);
    try {
      // Spawned: the default file name is relative to the current folder, which an in-process run cannot change.
      const result = await runCli(
        ["releases", "download", "jane/x", "/../../../evil", "--json", "file"],
        fakeEnv,
        cwd,
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const files = await filesUnder(join(work, "download-cwd"));
      expect(files.map((file) => dirname(file))).toEqual([cwd]);
    } finally {
      await fake.close();
    }
  });
});

describe("URLs from the server: http(s) only, size-capped", () => {
  const withRelease = (fileUrl: (base: string) => string, body?: { bytes: Uint8Array; chunked: boolean }) =>
    fakeReleaseApi("v1", fileUrl, body);

  test("a file: or data: release URL is refused by releases download and export; no local file is read", async () => {
    const secret = join(work, "secret.json");
    await writeFile(secret, JSON.stringify({ secret: "do-not-read" }));
    for (const fileUrl of [`file://${secret}`, "data:application/json,%7B%7D", "ftp://127.0.0.1/x.json"]) {
      const { fake, env: fakeEnv } = await withRelease(() => fileUrl);
      try {
        const out = join(work, "refused", "release.json");
        const download = await cli(["releases", "download", "jane/x", "v1", "--out", out], fakeEnv);
        expect(download.code).toBe(5);
        expect(download.stderr).toMatch(
          /^error: refusing to fetch the release file from a (file|data|ftp): URL/,
        );
        expect(existsSync(out)).toBe(false);
        const stdout = await cli(["releases", "download", "jane/x", "v1", "--out", "-"], fakeEnv);
        expect(stdout.code).toBe(5);
        expect(stdout.stdout).not.toContain("do-not-read");
        const exported = await cli(
          ["export", "jane/x", "v1", "-f", "coco", "-o", join(work, "refused")],
          fakeEnv,
        );
        expect(exported.code).toBe(5);
        expect(exported.stderr).toContain("refusing to fetch the release file");
      } finally {
        await fake.close();
      }
    }
  });

  test("a release file over --max-size stops early, with or without Content-Length, and leaves no file", async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024).fill(0x20);
    for (const chunked of [false, true]) {
      const { fake, env: fakeEnv } = await withRelease((base) => `${base}/file.json`, { bytes, chunked });
      try {
        const dir = join(work, `capped-${chunked}`);
        const out = join(dir, "release.json");
        const result = await cli(
          ["releases", "download", "jane/x", "v1", "--out", out, "--max-size", "1"],
          fakeEnv,
        );
        expect(result.code).toBe(5);
        expect(result.stderr).toMatch(
          /the release file is (3\.0 MiB, over|more than) the 1 MiB limit; raise --max-size/,
        );
        expect(existsSync(dir) ? await filesUnder(dir) : []).toEqual([]);
        const exported = await cli(
          ["export", "jane/x", "v1", "-f", "coco", "-o", dir, "--max-size", "1"],
          fakeEnv,
        );
        expect(exported.code).toBe(5);
        expect(exported.stderr).toMatch(/larger than the limit of 1048576 bytes: raise --max-size/);
      } finally {
        await fake.close();
      }
    }
  });

  test("convert --from release: a file: label bitmap URL in the release file is refused, not read", async () => {
    const bitmapFile = join(work, "label.png");
    await writeFile(bitmapFile, bitmap2file(Uint32Array.from([0, 1, 1, 0]), { width: 2, height: 2 }));
    const release = {
      name: "v1",
      dataset: {
        name: "d",
        owner: "jane",
        task_type: "segmentation-bitmap",
        task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "car" }] },
        labelsets: [{ name: "ground-truth" }],
        samples: [
          {
            uuid: "s1",
            name: "a.png",
            attributes: { image: { url: "http://127.0.0.1:9/a.png" } },
            metadata: {},
            labels: {
              "ground-truth": {
                label_status: "REVIEWED",
                attributes: {
                  format_version: "0.1",
                  annotations: [{ id: 1, category_id: 1 }],
                  segmentation_bitmap: { url: `file://${bitmapFile}` },
                },
              },
            },
          },
        ],
      },
    };
    const input = join(work, "file-url-release.json");
    await writeFile(input, JSON.stringify(release));
    const out = join(work, "file-url-out");
    const result = await cli(["convert", "--from", "release", "--to", "instance", input, "--out", out], env);
    expect(result.code).toBe(5);
    expect(result.stderr).toContain("refusing to open a file: URL: only http(s) URLs are fetched");
    expect(existsSync(out) ? await filesUnder(out) : []).toEqual([]);
  });
});

describe("control characters from the server never reach the terminal", () => {
  test("sample names in tables, plain output and JSON; error messages", async () => {
    await client.addDataset("hostile-text", { task_type: "bboxes", description: TERMINAL_ATTACK });
    await client.addSample("jane/hostile-text", `${TERMINAL_ATTACK}.png`, {
      image: { url: "https://x/a.png" },
    });
    for (const args of [
      ["samples", "list", "jane/hostile-text"],
      ["samples", "list", "jane/hostile-text", "--json", "name"],
      ["datasets", "get", "jane/hostile-text"],
      ["datasets", "get", "jane/hostile-text", "--json", "description"],
    ]) {
      const result = await cli(args, env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("evil");
      expect(result.stdout).not.toMatch(CONTROL_BYTES);
    }
    const json = await cli(["samples", "list", "jane/hostile-text", "--json", "name"], env);
    // The JSON value itself is unchanged: the controls are escaped, not dropped.
    expect((JSON.parse(json.stdout) as Array<{ name: string }>)[0]?.name).toBe(`${TERMINAL_ATTACK}.png`);

    const fake = await startFakeApi(() => ({
      status: 400,
      json: { detail: `bad ${TERMINAL_ATTACK} request` },
    }));
    try {
      const result = await cli(
        ["datasets", "get", "jane/x", "--debug"],
        baseEnv({ SEGMENTS_API_URL: fake.url, SEGMENTS_API_KEY: KEY }),
      );
      expect(result.code).toBe(5);
      expect(result.stderr).toContain("evil");
      expect(result.stderr).not.toMatch(CONTROL_BYTES);
    } finally {
      await fake.close();
    }
  });
});
