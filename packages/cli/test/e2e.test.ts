/**
 * End to end: the CLI and the emulator both run as real processes, talking over 127.0.0.1.
 *
 * One file, over 400 lines, because every test shares the emulator process this file starts once (a process per
 * file would cost more than the tests).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  baseEnv,
  type EmulatorProcess,
  fakeRelease,
  killAll,
  makeImages,
  runCli,
  spawnEmulator,
  startCli,
  startFakeApi,
  tempDir,
  waitForOutput,
} from "./helpers.ts";

const KEY = "jane-secret-key-0123456789";
let emulator: EmulatorProcess;
let env: NodeJS.ProcessEnv;
let client: SegmentsClient;

beforeAll(async () => {
  emulator = await spawnEmulator([`jane:${KEY}`]);
  env = baseEnv({ SEGMENTS_API_URL: emulator.url, SEGMENTS_API_KEY: KEY });
  client = new SegmentsClient({ apiKey: KEY, baseUrl: emulator.url });
});

afterAll(async () => {
  await emulator?.stop();
  killAll();
});

/** Sample names currently in a dataset, read straight from the API. */
async function sampleNames(dataset: string): Promise<string[]> {
  return (await client.iterSamples(dataset).toArray()).map((s) => s.name).sort();
}

describe("errors and exit codes", () => {
  test("no API key: exit 3, one line naming the variable", async () => {
    const result = await runCli(["datasets", "list"], baseEnv({ SEGMENTS_API_URL: emulator.url }));
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split("\n")).toEqual([
      "error: no API key. Set SEGMENTS_API_KEY (create a key under Account > API keys on segments.ai).",
    ]);
    expect(result.stdout).toBe("");
  });

  test("a wrong key: exit 3, and the key is never printed, even with --debug", async () => {
    const wrong = "wrong-key-abcdef123456";
    const result = await runCli(
      ["datasets", "list", "--debug"],
      baseEnv({ SEGMENTS_API_URL: emulator.url, SEGMENTS_API_KEY: wrong }),
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^error: the API rejected your key \(401\)\. Check SEGMENTS_API_KEY/);
    expect(result.stderr).toContain("status: 401");
    expect(result.stderr).toMatch(/\n\s+at /); // --debug adds the stack
    expect(result.stderr + result.stdout).not.toContain(wrong);
  });

  test("not found: exit 4 with the fix, and no stack without --debug", async () => {
    const result = await runCli(["datasets", "get", "jane/nope"], env);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      'error: dataset "jane/nope" not found (404). Check the owner/name, or that your key can see it (segments datasets list).\n',
    );
  });

  test("usage errors: exit 2", async () => {
    const unknown = await runCli(["datasets", "list", "--bogus"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    const badId = await runCli(["datasets", "get", "no-owner"], env);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('"owner/name"');
    const missing = await runCli(["samples", "upload", "."], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--dataset");
  });

  test("unreachable API: exit 6", async () => {
    const result = await runCli(
      ["datasets", "list"],
      baseEnv({ SEGMENTS_API_URL: "http://127.0.0.1:9", SEGMENTS_API_KEY: KEY }),
    );
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/^error: cannot reach the API.*Check SEGMENTS_API_URL/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("--help documents commands, environment and exit codes", async () => {
    const result = await runCli(["--help"], env);
    expect(result.code).toBe(0);
    for (const text of [
      "datasets",
      "samples",
      "releases",
      "export",
      "convert",
      "emulator",
      "SEGMENTS_API_KEY",
    ])
      expect(result.stdout).toContain(text);
    expect(result.stdout).toMatch(/130\s+interrupted/);
    const sub = await runCli(["samples", "upload", "--help"], env);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain("--concurrency");
    expect(sub.stdout).toContain("Run the same command again");
  });
});

describe("datasets", () => {
  test("create, get, list, delete (with --json)", async () => {
    const created = await runCli(
      [
        "datasets",
        "create",
        "roses",
        "--task-type",
        "bboxes",
        "--categories",
        "rose,tulip",
        "--json",
        "full_name,task_attributes",
      ],
      env,
    );
    expect(created.code).toBe(0);
    const dataset = JSON.parse(created.stdout) as { full_name: string; task_attributes: unknown };
    expect(dataset.full_name).toBe("jane/roses");
    expect(dataset.task_attributes).toMatchObject({
      categories: [
        { id: 1, name: "rose" },
        { id: 2, name: "tulip" },
      ],
    });

    const again = await runCli(["datasets", "create", "roses"], env);
    expect(again.code).toBe(5);
    expect(again.stderr).toContain("already exists");

    const list = await runCli(["datasets", "list", "--json", "full_name"], env);
    expect((JSON.parse(list.stdout) as Array<{ full_name: string }>).map((d) => d.full_name)).toContain(
      "jane/roses",
    );
    const human = await runCli(["datasets", "get", "jane/roses"], env);
    expect(human.stdout).toContain("task type\tbboxes\n"); // not a terminal: tab-separated

    const unconfirmed = await runCli(["datasets", "delete", "jane/roses"], env);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain("--yes");
    const deleted = await runCli(["datasets", "delete", "jane/roses", "--yes"], env);
    expect(deleted.code).toBe(0);
    expect((await runCli(["datasets", "get", "jane/roses"], env)).code).toBe(4);
  });
});

describe("samples upload", () => {
  test("an interrupted upload, killed twice, resumes to exactly N samples", async () => {
    const total = 40;
    const { dir, names } = await makeImages(total, 96);
    await client.addDataset("crashy", { task_type: "bboxes" });
    const args = [
      "samples",
      "upload",
      dir,
      "--dataset",
      "jane/crashy",
      "--concurrency",
      "1",
      "--batch-size",
      "4",
    ];

    // Run 1: killed without warning (a crash) once some samples exist.
    const first = startCli(args, env);
    await waitUntil(async () => (await sampleNames("jane/crashy")).length >= 8);
    first.child.kill("SIGKILL");
    await first.done;
    const afterCrash = (await sampleNames("jane/crashy")).length;
    expect(afterCrash).toBeGreaterThanOrEqual(8);
    expect(afterCrash).toBeLessThan(total);

    // Run 2: Ctrl-C once more samples exist: it stops cleanly, says so, and exits 130.
    const second = startCli(args, env);
    await waitForOutput(second.stderr, /skipping/);
    await waitUntil(async () => (await sampleNames("jane/crashy")).length >= afterCrash + 4);
    second.child.kill("SIGINT");
    const stopped = await second.done;
    expect(stopped.code).toBe(130);
    expect(second.stderr()).toContain(`${afterCrash} already in jane/crashy (skipping)`);
    expect(second.stderr()).toMatch(
      /error: interrupted after creating \d+ of \d+ samples\. Re-run the same command/,
    );
    const afterInterrupt = (await sampleNames("jane/crashy")).length;
    expect(afterInterrupt).toBeLessThan(total);

    // Run 3: finishes the rest, skipping everything already there.
    const third = await runCli([...args, "--json", "dataset,found,skipped,created"], env);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)).toEqual({
      dataset: "jane/crashy",
      found: total,
      skipped: afterInterrupt,
      created: total - afterInterrupt,
    });
    expect(third.stderr).toContain(`${afterInterrupt} already in jane/crashy (skipping)`);
    const final = await sampleNames("jane/crashy");
    expect(final).toEqual(names); // exactly the files, each once
  });

  test("progress goes to stderr as plain lines, stdout stays clean JSON", async () => {
    const { dir, names } = await makeImages(6);
    await client.addDataset("tidy", { task_type: "segmentation-bitmap" });
    const result = await runCli(
      ["samples", "upload", dir, "-d", "jane/tidy", "--json", "dataset,found,skipped,created"],
      env,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ dataset: "jane/tidy", found: 6, skipped: 0, created: 6 });
    expect(result.stderr).toMatch(/uploaded \[#+\] 6\/6 100% [\d.]+\/s ETA 0s/);
    expect(await sampleNames("jane/tidy")).toEqual(names);
    const sample = await client.getSample((await client.getSamples("jane/tidy"))[0]?.uuid ?? "");
    expect((sample.attributes as { image: { url: string } }).image.url).toMatch(/^http:\/\/127\.0\.0\.1/);
  });

  test("an empty directory is reported with exit 4", async () => {
    const dir = await tempDir("empty");
    const result = await runCli(["samples", "upload", dir, "-d", "jane/tidy"], env);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^error: no images in .* Check the directory\.\n$/);
  });
});

describe("releases, export and convert", () => {
  test("release create --wait, download, export to COCO and YOLO", async () => {
    const dataset = await client.addDataset("lots", {
      task_type: "bboxes",
      task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "car" }] },
    });
    const { dir } = await makeImages(3);
    expect((await runCli(["samples", "upload", dir, "-d", dataset.full_name], env)).code).toBe(0);
    for (const sample of await client.getSamples(dataset.full_name)) {
      await client.addLabel(
        sample.uuid,
        "ground-truth",
        {
          format_version: "0.1",
          annotations: [
            {
              id: 1,
              category_id: 1,
              type: "bbox",
              points: [
                [1, 2],
                [9, 12],
              ],
            },
          ],
        },
        { label_status: "REVIEWED" },
      );
    }

    const created = await runCli(
      ["releases", "create", "jane/lots", "v1", "--wait", "--json", "name,status,samples_count"],
      env,
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: "v1", status: "SUCCEEDED", samples_count: 3 });

    const out = await tempDir("release");
    const file = join(out, "lots-v1.json");
    const downloaded = await runCli(["releases", "download", "jane/lots", "v1", "--out", file], env);
    expect(downloaded.code).toBe(0);
    expect(downloaded.stdout).toContain(file);
    const release = JSON.parse(await readFile(file, "utf8")) as { dataset: { samples: unknown[] } };
    expect(release.dataset.samples).toHaveLength(3);

    const exported = await runCli(
      [
        "export",
        "jane/lots",
        "v1",
        "--format",
        "coco-instance",
        "--out",
        out,
        "--filter",
        "REVIEWED",
        "--json",
        "jsonFile,samples",
      ],
      env,
    );
    expect(exported.code).toBe(0);
    const summary = JSON.parse(exported.stdout) as { jsonFile: string; samples: number };
    expect(summary.samples).toBe(3);
    const coco = JSON.parse(await readFile(summary.jsonFile, "utf8")) as {
      images: unknown[];
      annotations: unknown[];
    };
    expect(coco.images).toHaveLength(3);
    expect(coco.annotations).toHaveLength(3);

    // The same release file converted locally (no API involved) gives YOLO files.
    const yoloDir = join(out, "yolo");
    const converted = await runCli(
      ["convert", "--from", "release", "--to", "yolo", file, "--out", yoloDir],
      env,
    );
    expect(converted.code).toBe(0);
    expect(await readFile(join(yoloDir, "classes.txt"), "utf8")).toBe("car\n");

    const wrongFormat = await runCli(
      ["export", "jane/lots", "v1", "--format", "semantic", "--out", out],
      env,
    );
    expect(wrongFormat.code).toBe(5);
    expect(wrongFormat.stderr).toContain("needs a segmentation-bitmap");
    const missing = await runCli(["releases", "wait", "jane/lots", "v9"], env);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('release "v9" of dataset "jane/lots" not found');
  });
});

describe("a closed stdout ends the command quietly with exit 0", () => {
  /** Runs the CLI with a stdout pipe whose reader goes away after `keep` bytes (0: before anything is written). */
  async function withClosingReader(args: string[], keep: number, cliEnv = env) {
    const cli = startCli(args, cliEnv);
    let received = 0;
    const stdout = cli.child.stdout;
    if (keep === 0) stdout?.destroy();
    else
      stdout?.on("data", (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received >= keep) stdout.destroy();
      });
    const { code } = await cli.done;
    return { code, stderr: cli.stderr() };
  }

  test("--json | head", async () => {
    await client.addDataset("piped", { task_type: "bboxes" });
    const result = await withClosingReader(["datasets", "list", "--json", "full_name"], 0);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  test("releases download --out - | head, on a release file larger than the pipe holds", async () => {
    const big = Buffer.from(`[${'"padding",'.repeat(400_000)}"end"]`);
    let base = "";
    const fake = await startFakeApi((url) =>
      url.pathname === "/file.json" ? { body: big } : { json: fakeRelease("v1", `${base}/file.json`) },
    );
    base = fake.url;
    try {
      const result = await withClosingReader(
        ["releases", "download", "jane/x", "v1", "--out", "-"],
        0,
        baseEnv({ SEGMENTS_API_URL: fake.url, SEGMENTS_API_KEY: KEY }),
      );
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
    } finally {
      await fake.close();
    }
  });
});

describe("segments emulator", () => {
  test("starts an emulator the other commands can use, and stops on Ctrl-C with exit 0", async () => {
    const running = startCli(["emulator", "--port", "0", "--user", "sam:sam-key-123456"], baseEnv());
    const match = await waitForOutput(running.stdout, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(running.stdout()).toContain("API key: sam-key-123456");
    const url = match[1] as string;
    const samEnv = baseEnv({ SEGMENTS_API_URL: url, SEGMENTS_API_KEY: "sam-key-123456" });
    expect((await runCli(["datasets", "create", "demo"], samEnv)).code).toBe(0);
    const list = await runCli(["datasets", "list"], samEnv);
    expect(list.stdout).toContain("sam/demo");
    running.child.kill("SIGINT");
    expect((await running.done).code).toBe(0);
  });

  test("rejects a bad flag with exit 2", async () => {
    const result = await runCli(["emulator", "--port", "99999"], baseEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("expected 0..65535");
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
