import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bitmap2file, decodePng, encodePng } from "@segments-ts/bitmap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { DirectoryCache, exportDataset } from "../src/node/index.js";
import { SegmentsDataset } from "../src/release/index.js";
import { decode, type Rle } from "../src/rle/index.js";
import type { ReleaseFile } from "../src/types.js";

let server: Server;
let base = "";
const hits = new Map<string, number>();
const W = 6;
const H = 4;
const ids = new Uint32Array(W * H);
ids.fill(1, 0, 3);
ids.fill(2, 8, 12);
const files: Record<string, Uint8Array> = {
  "/img1.png": encodePng({ width: W, height: H, data: new Uint8Array(W * H * 3), colorType: "rgb" }),
  "/label1.png": bitmap2file(ids, { width: W, height: H }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const body = files[path];
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function release(): ReleaseFile {
  return {
    name: "v1",
    dataset: {
      name: "flowers",
      owner: "jane",
      task_type: "segmentation-bitmap",
      task_attributes: {
        categories: [
          { id: 1, name: "petal", color: [255, 0, 0] },
          { id: 2, name: "leaf", has_instances: true },
        ],
      },
      labelsets: [{ name: "ground-truth" }],
      samples: [
        {
          uuid: "u1",
          name: "img1.png",
          metadata: { split: "train" },
          attributes: { image: { url: `${base}/img1.png` } },
          labels: {
            "ground-truth": {
              label_status: "LABELED",
              attributes: {
                annotations: [
                  { id: 1, category_id: 1 },
                  { id: 2, category_id: 2 },
                ],
                segmentation_bitmap: { url: `${base}/label1.png` },
              },
            },
          },
        },
        {
          uuid: "u2",
          name: "img2.png",
          metadata: { split: "val" },
          attributes: { image: { url: `${base}/missing.png` } },
          labels: { "ground-truth": null },
        },
      ],
    },
  };
}

describe("SegmentsDataset", () => {
  it("filters by status and metadata, loads lazily and caches on disk", async () => {
    const dir = await mkdtemp(join(tmpdir(), "conv-"));
    const dataset = new SegmentsDataset(release(), { filterBy: "labeled", cache: new DirectoryCache(dir) });
    expect(dataset.length).toBe(1);
    expect(
      new SegmentsDataset(release(), { filterByMetadata: { split: "val" } }).samples.map(
        (s) => s.labelStatus,
      ),
    ).toEqual(["UNLABELED"]);
    expect(hits.get("/label1.png") ?? 0).toBe(0);
    const sample = dataset.samples[0];
    const bitmap = await sample?.loadBitmap();
    expect(bitmap?.data).toEqual(ids);
    await sample?.loadBitmap();
    expect(hits.get("/label1.png")).toBe(1);
    expect(await readdir(join(dir, "jane_flowers", "v1"))).toContain("img1_label_ground-truth.png");
  });

  it("reports missing downloads and bad labelsets as ConversionError", async () => {
    const dataset = new SegmentsDataset(release());
    await expect(dataset.samples[1]?.loadImage()).rejects.toThrow(/HTTP 404.*sample img2.png/);
    expect(() => new SegmentsDataset(release(), { labelset: "nope" })).toThrow(ConversionError);
    await expect(SegmentsDataset.load(`${base}/missing.json`)).rejects.toThrow(/HTTP 404/);
  });

  it("exports coco-instance, coco-panoptic, semantic and polygon with the Python SDK file names", async () => {
    const out = await mkdtemp(join(tmpdir(), "conv-out-"));
    const dataset = new SegmentsDataset(release(), { filterBy: ["LABELED"] });
    const coco = await exportDataset(dataset, "coco-instance", out);
    expect(coco.jsonFile).toBe(join(out, "export_coco-instance_jane_flowers_v1.json"));
    const json = JSON.parse(await readFile(coco.jsonFile as string, "utf8"));
    expect(json.images).toEqual([{ id: 1, file_name: "img1.png", width: 6, height: 4 }]);
    expect(json.annotations.map((a: { bbox: number[] }) => a.bbox)).toEqual([
      [0, 0, 3, 1],
      [2, 1, 4, 1],
    ]);
    expect(decode(json.annotations[0].segmentation as Rle).data.slice(0, 6)).toEqual(
      Uint8Array.of(1, 1, 1, 0, 0, 0),
    );
    const panoptic = await exportDataset(dataset, "coco-panoptic", out);
    const pj = JSON.parse(await readFile(panoptic.jsonFile as string, "utf8"));
    expect(pj.annotations[0].file_name).toBe("img1_label_ground-truth_coco-panoptic.png");
    expect(pj.categories[1]).toEqual({ id: 2, name: "leaf", color: [], isthing: 1 });
    await exportDataset(dataset, "semantic", out);
    const sem = decodePng(await readFile(join(out, "img1_label_ground-truth_semantic.png")));
    expect(Array.from(sem.data.slice(8, 12))).toEqual([2, 2, 2, 2]);
    const poly = await exportDataset(dataset, "polygon", out);
    const polyJson = JSON.parse(await readFile(poly.jsonFile as string, "utf8"));
    expect(polyJson.annotations[0].polygons).toEqual([
      [
        [0, 0],
        [3, 0],
        [3, 1],
        [0, 1],
      ],
    ]);
  });

  it("exports yolo from a segmentation dataset: polygons traced from the bitmap, or boxes", async () => {
    const out = await mkdtemp(join(tmpdir(), "conv-out-"));
    const dataset = new SegmentsDataset(release(), { filterBy: ["LABELED"] });
    // Instance 1 covers x 0..2 of row 0, instance 2 x 2..5 of row 1, on a 6x4 image.
    await exportDataset(dataset, "yolo", out);
    expect(await readFile(join(out, "img1.txt"), "utf8")).toBe(
      "0 0.000000 0.000000 0.500000 0.000000 0.500000 0.250000 0.000000 0.250000\n" +
        "1 0.333333 0.250000 1.000000 0.250000 1.000000 0.500000 0.333333 0.500000\n",
    );
    await exportDataset(dataset, "yolo", out, { yoloMode: "detect" });
    expect(await readFile(join(out, "img1.txt"), "utf8")).toBe(
      "0 0.250000 0.125000 0.500000 0.250000\n1 0.666667 0.375000 0.666667 0.250000\n",
    );
    await expect(exportDataset(dataset, "yolo", out, { yoloMode: "pose" as "detect" })).rejects.toThrow(
      /yoloMode must be "detect" or "segment", got "pose"/,
    );
  });
});

function rawRelease(taskType: string, samples: ReleaseFile["dataset"]["samples"]): ReleaseFile {
  return {
    name: "v2",
    dataset: {
      name: "drive",
      owner: "jane",
      task_type: taskType as ReleaseFile["dataset"]["task_type"],
      task_attributes: {
        categories: [
          { id: 4, name: "car" },
          { id: 7, name: "person" },
        ],
      },
      labelsets: [{ name: "ground-truth" }],
      samples,
    },
  };
}

describe("raw-sample task types (as the Python SDK)", () => {
  const cuboid = {
    annotations: [
      {
        id: 1,
        category_id: 4,
        type: "cuboid" as const,
        position: { x: 1, y: 2, z: 0 },
        dimensions: { x: 4, y: 2, z: 1.5 },
        yaw: 0.3,
      },
    ],
  };

  it("loads pointcloud-cuboid and pointcloud-segmentation releases and exposes the raw samples", () => {
    const pcd = { pcd: { url: `${base}/scan.pcd`, type: "pcd" as const } };
    const dataset = new SegmentsDataset(
      rawRelease("pointcloud-cuboid", [
        {
          uuid: "p1",
          name: "scan1",
          attributes: pcd,
          labels: { "ground-truth": { label_status: "REVIEWED", attributes: cuboid } },
        },
        { uuid: "p2", name: "scan2", attributes: pcd, labels: { "ground-truth": null } },
      ]),
      { filterBy: "reviewed" },
    );
    expect(dataset.samples.map((s) => s.uuid)).toEqual(["p1"]);
    const sample = dataset.samples[0];
    expect(sample?.raw.attributes).toEqual(pcd);
    expect(sample?.label).toEqual(cuboid);
    expect(() => sample?.annotations).toThrow(/pointcloud-cuboid samples are not images: use sample.raw/);
    const segmentation = new SegmentsDataset(
      rawRelease("pointcloud-segmentation", [
        {
          uuid: "s1",
          name: "scan1",
          attributes: pcd,
          labels: {
            "ground-truth": {
              label_status: "LABELED",
              attributes: { annotations: [{ id: 1, category_id: 7 }], point_annotations: [0, 1, 1, 0] },
            },
          },
        },
      ]),
    );
    expect(segmentation.samples[0]?.label).toEqual({
      annotations: [{ id: 1, category_id: 7 }],
      point_annotations: [0, 1, 1, 0],
    });
  });

  it("rejects task types the Python SDK does not load, and image methods on raw samples", async () => {
    expect(() => new SegmentsDataset(rawRelease("multisensor-sequence", []))).toThrow(
      /task type "multisensor-sequence" is not supported/,
    );
    const dataset = new SegmentsDataset(
      rawRelease("pointcloud-cuboid", [
        {
          uuid: "p1",
          name: "scan1",
          attributes: { pcd: { url: `${base}/scan.pcd`, type: "pcd" } },
          labels: { "ground-truth": { label_status: "LABELED", attributes: cuboid } },
        },
      ]),
    );
    await expect(dataset.samples[0]?.toLabeledImage()).rejects.toThrow(ConversionError);
    await expect(dataset.samples[0]?.loadImage()).rejects.toThrow(/not images/);
  });

  it("exports image-vector-sequence to YOLO, one file per frame named like the Python SDK", async () => {
    const frames = [
      { image: { url: `${base}/f1.jpg` }, name: "front/0001.jpg" },
      { image: { url: `${base}/f2.jpg` } },
    ];
    const bbox = (id: number, category_id: number, x0: number, y0: number, x1: number, y1: number) => ({
      id,
      category_id,
      track_id: id,
      type: "bbox" as const,
      points: [
        [x0, y0],
        [x1, y1],
      ],
    });
    const dataset = new SegmentsDataset(
      rawRelease("image-vector-sequence", [
        {
          uuid: "q1",
          name: "clips/drive.mp4",
          attributes: { frames },
          labels: {
            "ground-truth": {
              label_status: "LABELED",
              attributes: {
                frames: [
                  { annotations: [bbox(1, 7, 10, 20, 30, 60), bbox(2, 4, 0, 0, 200, 100)] },
                  { annotations: [], timestamp: 2 },
                  { annotations: [bbox(1, 7, 50, 50, 70, 90)] },
                ],
              },
            },
          },
        },
        { uuid: "q2", name: "other", attributes: { frames }, labels: { "ground-truth": null } },
      ]),
    );
    const out = await mkdtemp(join(tmpdir(), "conv-yolo-seq-"));
    await expect(exportDataset(dataset, "yolo", out)).rejects.toThrow(
      /needs options.imageWidth and options.imageHeight .*imageWidth is undefined/,
    );
    await expect(exportDataset(dataset, "yolo", out, { imageWidth: 200, imageHeight: 0 })).rejects.toThrow(
      /imageHeight is 0/,
    );
    const result = await exportDataset(dataset, "yolo", out, { imageWidth: 200, imageHeight: 100 });
    expect(result.files.map((f) => f.slice(out.length + 1)).sort()).toEqual(
      ["classes.txt", "drive-00002.txt", "drive-00003.txt", "drive-front_0001.jpg.txt"].sort(),
    );
    expect(await readFile(join(out, "drive-front_0001.jpg.txt"), "utf8")).toBe(
      "1 0.100000 0.400000 0.100000 0.400000\n0 0.500000 0.500000 1.000000 1.000000\n",
    );
    expect(await readFile(join(out, "drive-00002.txt"), "utf8")).toBe("");
    expect(await readFile(join(out, "drive-00003.txt"), "utf8")).toBe(
      "1 0.300000 0.700000 0.100000 0.400000\n",
    );
    expect(await readFile(join(out, "classes.txt"), "utf8")).toBe("car\nperson\n");
  });
});
