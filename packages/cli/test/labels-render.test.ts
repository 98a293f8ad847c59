/**
 * End to end: `segments labels render` against a real emulator process: a bboxes label and a segmentation label are
 * drawn over their images, and the PNGs are decoded and checked pixel by pixel.
 */

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bitmap2file, decodePng, encodePng } from "@segments-ts/bitmap";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseEnv, type EmulatorProcess, killAll, runCli, spawnEmulator, tempDir } from "./helpers.ts";

const KEY = "jane-render-key-0123456789";
const W = 40;
const H = 30;
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

const CATEGORIES = [
  { id: 1, name: "car", color: [255, 0, 0] as [number, number, number] },
  { id: 2, name: "road", color: [0, 0, 255] as [number, number, number] },
];

/** A grey picture, uploaded, as a new sample of a new dataset of `taskType`. */
async function greySample(taskType: "bboxes" | "segmentation-bitmap") {
  const dataset = await client.addDataset(`render-${taskType}`, {
    task_type: taskType,
    task_attributes: { format_version: "0.1", categories: CATEGORIES },
  });
  const png = encodePng({ width: W, height: H, data: new Uint8Array(W * H * 3).fill(100), colorType: "rgb" });
  const asset = await client.uploadAsset(png, "grey.png");
  return client.addSample(dataset.full_name, "grey.png", { image: { url: asset.url } });
}

const pixel = (png: ReturnType<typeof decodePng>, x: number, y: number) =>
  Array.from(png.data.subarray(4 * (y * W + x), 4 * (y * W + x) + 4));

describe("segments labels render", () => {
  test("a bboxes label: the box outline in its category's colour, the rest the image", async () => {
    const sample = await greySample("bboxes");
    await client.addLabel(sample.uuid, "ground-truth", {
      format_version: "0.1",
      annotations: [
        {
          id: 1,
          category_id: 1,
          type: "bbox",
          points: [
            [5, 10],
            [30, 25],
          ],
        },
      ],
    });
    const output = join(await tempDir("render"), "box.png");
    const result = await runCli(["labels", "render", sample.uuid, "--output", output, "--no-names"], env);
    expect(result.stderr).toBe("");
    expect([result.code, result.stdout.trim()]).toEqual([
      0,
      `Wrote ${output} (40x30): the ground-truth label of grey.png.`,
    ]);
    const png = decodePng(await readFile(output));
    expect(pixel(png, 5, 15)).toEqual([255, 0, 0, 255]);
    expect(pixel(png, 15, 15)).toEqual([100, 100, 100, 255]);
  });

  test("a segmentation label: segments blended at --alpha, in --json", async () => {
    const sample = await greySample("segmentation-bitmap");
    const ids = new Uint32Array(W * H);
    for (let y = 20; y < H; y++) ids.fill(7, y * W, (y + 1) * W); // the bottom rows: instance 7, a road
    const bitmap = await client.uploadAsset(bitmap2file(ids, { width: W, height: H }), "label.png");
    await client.addLabel(sample.uuid, "ground-truth", {
      format_version: "0.1",
      annotations: [{ id: 7, category_id: 2 }],
      segmentation_bitmap: { url: bitmap.url },
    });
    const output = join(await tempDir("render"), "segments.png");
    const result = await runCli(
      ["labels", "render", sample.uuid, "-o", output, "--alpha", "1", "--json", "file,width,height"],
      env,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file: output, width: W, height: H });
    const png = decodePng(await readFile(output));
    expect(pixel(png, 30, 28)).toEqual([0, 0, 255, 255]);
    expect(pixel(png, 30, 5)).toEqual([100, 100, 100, 255]);
  });

  test("a missing sample is exit 4; a bad --alpha a usage error", async () => {
    const missing = await runCli(["labels", "render", "00000000-0000-4000-8000-000000000000"], env);
    expect(missing.code).toBe(4);
    const usage = await runCli(["labels", "render", "x", "--alpha", "2"], env);
    expect(usage.code).toBe(2);
  });
});
