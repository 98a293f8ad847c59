/** The `voc` export: one Pascal VOC XML per labeled image, from vector and segmentation datasets. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromVoc } from "../src/formats/voc.js";
import { exportDataset } from "../src/node/index.js";
import { SegmentsDataset } from "../src/release/index.js";
import { HOSTILE_NAMES, hostileRelease, serveFixture } from "./hostile.js";

let base = "";
let close: () => Promise<void> = async () => {};
const dirs: string[] = [];
beforeAll(async () => {
  ({ base, close } = await serveFixture());
});
afterAll(async () => {
  await close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function exportVoc(taskType: "vector" | "segmentation-bitmap") {
  const dir = await mkdtemp(join(tmpdir(), "conv-voc-"));
  dirs.push(dir);
  const dataset = new SegmentsDataset(hostileRelease(base, taskType), { labelset: "../labelset" });
  const result = await exportDataset(dataset, "voc", dir);
  return { dir, result };
}

describe("voc export", () => {
  it("writes one XML per labeled image, named after it, that reads back to the same boxes", async () => {
    const { dir, result } = await exportVoc("vector");
    expect(result.files.length).toBe(HOSTILE_NAMES.length);
    expect(result.jsonFile).toBeUndefined();
    const xml = await readFile(join(dir, "question_.xml"), "utf8");
    const { value } = fromVoc(xml);
    // The image name is the one `toLabeledImage` gives (the sample name, with the extension of the image served).
    expect(value.image).toMatchObject({ name: "question?.png", width: 8, height: 6 });
    expect(value.names).toEqual(["../../category"]);
    expect(value.image.vector?.annotations[0]?.points).toEqual([
      [1, 1],
      [4, 3],
    ]);
  });

  it("writes the boxes of bitmap instances", async () => {
    const { dir } = await exportVoc("segmentation-bitmap");
    const { value } = fromVoc(await readFile(join(dir, "question_.xml"), "utf8"));
    // The fixture's bitmap: instance 1 is pixels 0..9 (rows 0-1), instance 2 pixels 20..29 (rows 2-3) of 8x6.
    expect(value.names).toEqual(["../../category", "second"]);
    expect(value.image.vector?.annotations.map((a) => a.points)).toEqual([
      [
        [0, 0],
        [8, 2],
      ],
      [
        [0, 2],
        [8, 4],
      ],
    ]);
  });
});
