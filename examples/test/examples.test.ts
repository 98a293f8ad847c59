import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeImage, decodePng, instanceStats } from "@segments-ts/bitmap";
import { SegmentsDataset } from "@segments-ts/converter";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { exportRelease } from "../export-release.ts";
import { modelAssistedLabeling } from "../model-assisted-labeling.ts";
import { paging } from "../paging.ts";
import { pointcloudExample } from "../pointcloud.ts";
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

    // overlay.png: the sample image, the flower head (instance 1, category "petal" [230, 60, 120]) blended 60% with
    // its category's colour, with a "PETAL" tag at the head's top-left corner; the sky (unlabeled) is the image.
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
    const blend = (i = 0, c: number) => Math.round(i * 0.4 + c * 0.6);
    const [ir, ig, ib, ia] = at(image.data, 70, 48); // the head's centre
    expect(at(overlay.data, 70, 48)).toEqual([blend(ir, 230), blend(ig, 60), blend(ib, 120), ia]);
    expect(at(overlay.data, 5, 5)).toEqual(at(image.data, 5, 5)); // sky: unlabeled, the image itself
    const bitmap = await SegmentsDataset.load(await client.getRelease(summary.dataset, summary.release), {
      filterBy: "REVIEWED",
    }).then((dataset) => dataset.samples[0]?.loadBitmap());
    const head = bitmap ? instanceStats(bitmap).find((s) => s.id === 1) : undefined;
    if (!head) throw new Error("no flower head in the bitmap");
    expect(at(overlay.data, head.bbox[0], head.bbox[1])).toEqual([230, 60, 120, 255]); // the tag's background
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

  test("pointcloud: a lidar frame uploaded, labeled with cuboids, exported as per-point segmentation", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "pointcloud-test-"));
    try {
      const result = await pointcloudExample(client, log, outDir);
      // 16 rings of 360 ground points, and 2 x 11 x 11 points on each of the three objects.
      expect(result.points).toBe(16 * 360 + 3 * 242);
      expect(result.pointsPerInstance).toEqual({ 0: 16 * 360, 1: 242, 2: 242, 3: 242 });
      const file = JSON.parse(await readFile(result.segmentationFile, "utf8"));
      expect(file.point_annotations).toHaveLength(result.points);
      const [sample] = await client.getSamples(result.segmentationDataset);
      if (!sample) throw new Error("no sample in the segmentation dataset");
      const label = await client.getLabel<"pointcloud-segmentation">(sample.uuid, "ground-truth");
      expect(label.attributes?.point_annotations).toEqual(file.point_annotations);
      expect(label.attributes?.annotations.map((a) => a.category_id)).toEqual([1, 1, 2]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
