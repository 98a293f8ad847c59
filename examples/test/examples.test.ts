import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeImage, decodePng, instanceColor } from "@segments-ts/bitmap";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportRelease } from "../export-release.ts";
import { modelAssistedLabeling } from "../model-assisted-labeling.ts";
import { paging } from "../paging.ts";
import { quickstart } from "../quickstart.ts";

// Every example runs end to end against a real emulator; the emulator validates each response against the spec,
// so a passing example is also a contract check of the SDK calls it makes.
let emulator: Emulator;
let client: SegmentsClient;
const lines: string[] = [];
const log = (line: string) => lines.push(line);

beforeAll(async () => {
  emulator = await startEmulator({ releaseDelayMs: 50, validateResponses: true });
  client = new SegmentsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
});

afterAll(async () => {
  expect(emulator.violations).toEqual([]);
  await emulator.close();
});

describe("examples", () => {
  test("quickstart: dataset, bulk samples, bitmap label, review, release, read-back", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "quickstart-test-"));
    const summary = await quickstart(client, log, outDir);
    expect(summary.samples).toBe(12);
    expect(summary.labelStatus).toBe("REVIEWED");
    expect(summary.releaseStatus).toBe("SUCCEEDED");
    expect(summary.releaseSamples).toBe(12);
    expect(summary.instancesInBitmap).toBe(2);
    expect(lines).toContain("  added 12/12 samples");
    const stored = await client.getSamples(summary.dataset, {
      labelset: "ground-truth",
      label_status: "REVIEWED",
    });
    expect(stored.map((sample) => sample.name)).toEqual([summary.labeledSample]);

    // overlay.png: the sample image, with the petal (instance 1, around (20, 20)) blended 60% with its colour.
    expect(summary.overlayFile).toBe(join(outDir, "overlay.png"));
    expect(lines.join("\n")).toContain(`  label overlay      ${summary.overlayFile}`);
    const overlay = decodePng(await readFile(summary.overlayFile));
    const [reviewed] = stored;
    if (!reviewed) throw new Error("no reviewed sample stored");
    const imageUrl = (reviewed.attributes as { image: { url: string } }).image.url;
    const image = await decodeImage(new Uint8Array(await (await fetch(imageUrl)).arrayBuffer()));
    expect([overlay.width, overlay.height, overlay.colorType]).toEqual([image.width, image.height, "rgba"]);
    const at = (data: ArrayLike<number>, x: number, y: number) =>
      Array.from({ length: 4 }, (_, c) => data[4 * (y * image.width + x) + c] as number);
    const [r, g, b] = instanceColor(1);
    const [ir, ig, ib, ia] = at(image.data, 20, 20);
    const blend = (i = 0, c: number) => Math.round(i * 0.4 + c * 0.6);
    expect(at(overlay.data, 20, 20)).toEqual([blend(ir, r), blend(ig, g), blend(ib, b), ia]);
    expect(at(overlay.data, 0, 0)).toEqual(at(image.data, 0, 0)); // unlabeled: the image itself
    await rm(outDir, { recursive: true });
  });

  test("model-assisted labeling: scores stored, only confident predictions promoted", async () => {
    const result = await modelAssistedLabeling(client, log);
    expect(result.predicted).toBe(8);
    // predict() scores are 0.55 + (i * 0.13 mod 0.45): 0.55 0.68 0.81 0.94 0.62 0.75 0.88 0.56
    expect(result.promoted).toBe(3);
  });

  test("paging: pages stop at the last one and filters combine", async () => {
    const result = await paging(client, log);
    expect(result).toEqual({ total: 230, pages: 5, north: 77, labeledNorth: 39 });
  });

  test("export-release: COCO and YOLO files from a release", async () => {
    const result = await exportRelease(client, log);
    try {
      expect(result.cocoAnnotations).toBe(6);
      expect(result.yoloFiles).toBe(3);
      const classes = await readFile(join(result.outDir, "yolo", "classes.txt"), "utf8");
      expect(classes.trim().split("\n")).toEqual(["car", "bike"]);
    } finally {
      await rm(result.outDir, { recursive: true, force: true });
    }
  });
});
