/**
 * `segments convert` over every dataset format of the converter's registry, both ways, and YOLO from segmentation
 * releases (`convert --from release` and `export`, `--yolo-mode`). In-process; the API is a fake on 127.0.0.1.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { bitmap2file, encodePng } from "@segments-ts/bitmap";
import { DATASET_FORMAT_NAMES } from "@segments-ts/converter";
import { afterAll, describe, expect, test } from "vitest";
import { baseEnv, fakeRelease, filesUnder, runInProcess, startFakeApi, tempDir } from "./helpers.ts";

const png = (width: number, height: number) =>
  encodePng({ width, height, data: new Uint8Array(width * height * 3), colorType: "rgb" });

async function put(dir: string, name: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(join(dir, name)), { recursive: true });
  await writeFile(join(dir, name), content);
}

/** A VOC folder of two images with boxes of two classes. */
async function vocFolder(): Promise<string> {
  const dir = await tempDir("voc-in");
  const xml = (file: string, objects: Array<[string, number[]]>) =>
    `<annotation><filename>${file}</filename><size><width>40</width><height>20</height><depth>3</depth></size>${objects
      .map(
        ([name, [x0, y0, x1, y1]]) =>
          `<object><name>${name}</name><bndbox><xmin>${x0}</xmin><ymin>${y0}</ymin><xmax>${x1}</xmax><ymax>${y1}</ymax></bndbox></object>`,
      )
      .join("")}</annotation>`;
  await put(dir, "a.xml", xml("a.png", [["cat", [2, 4, 10, 12]]]));
  await put(
    dir,
    "b.xml",
    xml("b.png", [
      ["dog", [0, 0, 40, 20]],
      ["cat", [20, 10, 30, 15]],
    ]),
  );
  return dir;
}

/** The boxes of a COCO file, by image. */
async function cocoBoxes(file: string): Promise<Record<string, number[][]>> {
  const coco = JSON.parse(await readFile(file, "utf8")) as {
    images: Array<{ id: number; file_name: string }>;
    annotations: Array<{ image_id: number; bbox: number[] }>;
  };
  const out: Record<string, number[][]> = {};
  for (const image of coco.images)
    out[image.file_name] = coco.annotations.filter((a) => a.image_id === image.id).map((a) => a.bbox);
  return out;
}

describe("convert: every dataset format both ways", () => {
  test("the registry's formats are all accepted by --from and --to", async () => {
    const help = await runInProcess(["convert", "--help"]);
    for (const name of DATASET_FORMAT_NAMES) expect(help.stdout).toContain(name);
  });

  test("voc -> labelme -> yolo -> coco keeps every box", async () => {
    const voc = await vocFolder();
    const out = await tempDir("chain");
    const step = async (from: string, to: string, input: string, output: string, extra: string[] = []) => {
      const result = await runInProcess([
        "convert",
        "--from",
        from,
        "--to",
        to,
        input,
        "--out",
        output,
        ...extra,
      ]);
      expect(result.stderr, `${from} -> ${to}`).toBe("");
      expect(result.code, `${from} -> ${to}`).toBe(0);
    };
    await step("voc", "labelme", voc, join(out, "labelme"));
    expect(JSON.parse(await readFile(join(out, "labelme", "b.json"), "utf8")).shapes[0]).toMatchObject({
      label: "dog",
      shape_type: "rectangle",
      points: [
        [0, 0],
        [40, 20],
      ],
    });
    await step("labelme", "yolo", join(out, "labelme"), join(out, "yolo"));
    expect(await readFile(join(out, "yolo", "classes.txt"), "utf8")).toBe("cat\ndog\n");
    // YOLO files hold no size: the images come with --images.
    const images = await tempDir("images");
    await put(images, "a.png", png(40, 20));
    await put(images, "b.png", png(40, 20));
    await step("yolo", "coco", join(out, "yolo"), join(out, "coco.json"), ["--images", images]);
    // YOLO keeps 6 decimals of the normalised values: pixels come back within 1e-6 of the image size.
    const rounded = (list: number[][] | undefined) =>
      list?.map((b) => b.map((v) => Math.round(v * 1e4) / 1e4));
    const boxes = Object.fromEntries(
      Object.entries(await cocoBoxes(join(out, "coco.json"))).map(([k, v]) => [k, rounded(v) ?? []]),
    );
    expect(boxes["a.png"]).toEqual([[2, 4, 8, 8]]);
    expect(boxes["b.png"]).toEqual([
      [0, 0, 40, 20],
      [20, 10, 10, 5],
    ]);
    await step("coco", "voc", join(out, "coco.json"), join(out, "voc"));
    expect(await readFile(join(out, "voc", "b.xml"), "utf8")).toContain(
      "<name>cat</name>\n    <pose>Unspecified</pose>",
    );
  });

  test("an ultralytics folder (data.yaml, images/ + labels/) converts without --images", async () => {
    const dir = await tempDir("ultralytics");
    await put(
      dir,
      "data.yaml",
      "path: .\ntrain: images/train\nval: images/val\nnames:\n  0: person\n  1: car\n",
    );
    await put(dir, "images/train/a.png", png(100, 50));
    await put(dir, "images/val/b.png", png(10, 10));
    await put(dir, "labels/train/a.txt", "1 0.5 0.5 0.2 0.4\n");
    await put(dir, "labels/val/b.txt", "0 0.5 0.5 1.004 1\n");
    const out = join(await tempDir("ultralytics-out"), "coco.json");
    const result = await runInProcess(["convert", "--from", "yolo", "--to", "coco", dir, "--out", out]);
    expect(result.code).toBe(0);
    // The value just outside [0, 1] is clipped, with a warning naming the file and line.
    expect(result.stderr).toContain(
      "warning: values slightly outside [0, 1] clipped (up to 0.01 is read) (labels/val/b.txt, line 1)",
    );
    expect(await cocoBoxes(out)).toEqual({
      "images/train/a.png": [[40, 15, 20, 20]],
      "images/val/b.png": [[0, 0, 10, 10]],
    });
    const empty = await tempDir("no-images");
    await put(empty, "classes.txt", "a\n");
    await put(empty, "x.txt", "0 0.5 0.5 0.1 0.1\n");
    const missing = await runInProcess(["convert", "--from", "yolo", "--to", "coco", empty, "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--from yolo needs the images");
  });
});

describe("YOLO from segmentation releases", () => {
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  /** A fake API serving a segmentation release of one 6x4 sample: instance 1 is x 0..2 of row 0, instance 2 x 2..5 of row 1. */
  async function segmentationRelease() {
    const ids = new Uint32Array(24);
    ids.fill(1, 0, 3);
    ids.fill(2, 8, 12);
    let base = "";
    const release = () => ({
      name: "v1",
      dataset: {
        name: "flowers",
        owner: "jane",
        task_type: "segmentation-bitmap",
        task_attributes: {
          format_version: "0.1",
          categories: [
            { id: 1, name: "petal" },
            { id: 2, name: "leaf" },
          ],
        },
        labelsets: [{ name: "ground-truth" }],
        samples: [
          {
            uuid: "s1",
            name: "flower.png",
            attributes: { image: { url: `${base}/image.png` } },
            labels: {
              "ground-truth": {
                label_status: "LABELED",
                attributes: {
                  format_version: "0.1",
                  annotations: [
                    { id: 1, category_id: 1 },
                    { id: 2, category_id: 2 },
                  ],
                  segmentation_bitmap: { url: `${base}/label.png` },
                },
              },
            },
          },
        ],
      },
    });
    const fake = await startFakeApi((url) => {
      if (url.pathname === "/image.png") return { body: png(6, 4) };
      if (url.pathname === "/label.png") return { body: bitmap2file(ids, { width: 6, height: 4 }) };
      if (url.pathname === "/release.json") return { json: release() };
      return { json: fakeRelease("v1", `${base}/release.json`) };
    });
    base = fake.url;
    closers.push(fake.close);
    const file = join(await tempDir("seg-release"), "flowers-v1.json");
    await writeFile(file, JSON.stringify(release()));
    return { file, env: baseEnv({ SEGMENTS_API_URL: fake.url, SEGMENTS_API_KEY: "k".repeat(20) }) };
  }

  const SEGMENT =
    "0 0.000000 0.000000 0.500000 0.000000 0.500000 0.250000 0.000000 0.250000\n" +
    "1 0.333333 0.250000 1.000000 0.250000 1.000000 0.500000 0.333333 0.500000\n";
  const DETECT = "0 0.250000 0.125000 0.500000 0.250000\n1 0.666667 0.375000 0.666667 0.250000\n";

  test("segments export --format yolo: polygons traced from the bitmap; --yolo-mode detect: boxes", async () => {
    const { env } = await segmentationRelease();
    const out = await tempDir("seg-export");
    const seg = await runInProcess(["export", "jane/flowers", "v1", "-f", "yolo", "-o", join(out, "s")], env);
    expect(seg.stderr).toBe("");
    expect(seg.code).toBe(0);
    expect(await readFile(join(out, "s", "flower.txt"), "utf8")).toBe(SEGMENT);
    expect(await readFile(join(out, "s", "classes.txt"), "utf8")).toBe("petal\nleaf\n");
    const det = await runInProcess(
      ["export", "jane/flowers", "v1", "-f", "yolo", "--yolo-mode", "detect", "-o", join(out, "d")],
      env,
    );
    expect(det.code).toBe(0);
    expect(await readFile(join(out, "d", "flower.txt"), "utf8")).toBe(DETECT);
    const bad = await runInProcess(
      ["export", "jane/flowers", "v1", "-f", "yolo", "--yolo-mode", "pose"],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--yolo-mode: "pose" is not one of detect, segment.');
  });

  test("convert --from release: yolo (both modes), voc and labelme", async () => {
    const { file } = await segmentationRelease();
    const out = await tempDir("seg-convert");
    const convert = (to: string, dir: string, extra: string[] = []) =>
      runInProcess(["convert", "--from", "release", "--to", to, file, "--out", join(out, dir), ...extra]);
    expect((await convert("yolo", "seg")).code).toBe(0);
    expect(await readFile(join(out, "seg", "flower.txt"), "utf8")).toBe(SEGMENT);
    expect((await convert("yolo", "det", ["--yolo-mode", "detect"])).code).toBe(0);
    expect(await readFile(join(out, "det", "flower.txt"), "utf8")).toBe(DETECT);
    expect((await convert("voc", "voc")).code).toBe(0);
    expect(await readFile(join(out, "voc", "flower.xml"), "utf8")).toContain(
      "<xmin>2</xmin>\n      <ymin>1</ymin>\n      <xmax>6</xmax>\n      <ymax>2</ymax>",
    );
    const labelme = await convert("labelme", "labelme");
    expect(labelme.code).toBe(0);
    expect(
      (await filesUnder(join(out, "labelme"))).map((f) => f.slice(join(out, "labelme").length + 1)),
    ).toEqual(["flower.json"]);
    // The PNG dataset formats, written from the release's bitmaps and read back into the Segments layout.
    expect((await convert("index-png", "index")).code).toBe(0);
    expect(await readFile(join(out, "index", "classes.txt"), "utf8")).toBe("petal\nleaf\n");
    const back = await runInProcess([
      "convert",
      "--from",
      "index-png",
      "--to",
      "segments",
      join(out, "index"),
      "--out",
      join(out, "bitmaps"),
    ]);
    expect(back.code).toBe(0);
    const sidecar = JSON.parse(await readFile(join(out, "bitmaps", "annotations.json"), "utf8"));
    expect(sidecar.annotations["flower.png"]).toEqual([
      { id: 1, category_id: 1 },
      { id: 2, category_id: 2 },
    ]);
    const doc = JSON.parse(await readFile(join(out, "labelme", "flower.json"), "utf8"));
    expect(doc.shapes.map((s: { label: string; shape_type: string }) => [s.label, s.shape_type])).toEqual([
      ["petal", "polygon"],
      ["leaf", "polygon"],
    ]);
  });
});
