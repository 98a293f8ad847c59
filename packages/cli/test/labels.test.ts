/**
 * End to end: `samples upload --labels` and `convert --to segments` with segmentation bitmaps, against a real
 * emulator process. Labels are checked by reading them back through the SDK (bitmaps downloaded and decoded).
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { bitmap2file, decodeLabelBitmap } from "@segments-ts/bitmap";
import { rle } from "@segments-ts/converter";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  baseEnv,
  type EmulatorProcess,
  killAll,
  makeImages,
  runCli,
  spawnEmulator,
  tempDir,
} from "./helpers.ts";

const KEY = "jane-labels-key-0123456789";
const SIZE = 16;
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
  { id: 1, name: "rose" },
  { id: 2, name: "tulip" },
];

async function segmentationDataset(name: string) {
  return client.addDataset(name, {
    task_type: "segmentation-bitmap",
    task_attributes: { format_version: "0.1", categories: CATEGORIES },
  });
}

/** An instance bitmap that differs per image: id 1 on the left `k + 2` columns, id 2 on the bottom rows. */
function bitmapFor(k: number): Uint32Array {
  const data = new Uint32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) data[y * SIZE + x] = x < k + 2 ? 1 : y >= SIZE - 3 ? 2 : 0;
  return data;
}

async function writeAt(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

/** A bitmap directory for the given image names (plus `extra` bitmaps for images that do not exist). */
async function bitmapDir(names: string[], extra: string[] = []): Promise<string> {
  const dir = await tempDir("bitmaps");
  const annotations: Record<string, unknown> = {};
  for (const [k, name] of [...names, ...extra].entries()) {
    const png = name.replace(/\.[^./]*$/, ".png");
    await writeAt(join(dir, png), bitmap2file(bitmapFor(k), { width: SIZE, height: SIZE }));
    annotations[png] = [
      { id: 1, category_id: 1 },
      { id: 2, category_id: 2 },
    ];
  }
  await writeAt(join(dir, "annotations.json"), JSON.stringify({ format: "segments-bitmaps", annotations }));
  return dir;
}

/** The decoded bitmap and annotations of each sample's label, by sample name. */
async function fetchBitmapLabels(dataset: string) {
  const out = new Map<string, { ids: number[]; annotations: unknown; status: string }>();
  for (const sample of await client.iterSamples(dataset).toArray()) {
    const label = await client.getLabel(sample.uuid, "ground-truth");
    const attributes = label.attributes as {
      annotations: unknown;
      segmentation_bitmap: { url: string };
    };
    const response = await fetch(attributes.segmentation_bitmap.url);
    expect(response.ok).toBe(true);
    const bitmap = decodeLabelBitmap(new Uint8Array(await response.arrayBuffer()));
    expect([bitmap.width, bitmap.height]).toEqual([SIZE, SIZE]);
    out.set(sample.name, {
      ids: Array.from(bitmap.data),
      annotations: attributes.annotations,
      status: label.label_status,
    });
  }
  return out;
}

interface Summary {
  found: number;
  skipped: number;
  created: number;
  labels: { found: number; skipped: number; created: number; unmatched: number };
}

describe("samples upload --labels", () => {
  test("images plus bitmap labels; a label without image is reported; a re-run skips labeled samples", async () => {
    const { dir, names } = await makeImages(4, SIZE);
    const labels = await bitmapDir(names, ["ghost.png"]);
    await segmentationDataset("gardens");
    const args = ["samples", "upload", dir, "-d", "jane/gardens", "--labels", labels];

    const first = await runCli(
      [...args, "--label-status", "LABELED", "--json", "dataset,found,skipped,created,labels"],
      env,
    );
    expect(first.stderr).not.toContain("error");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      found: 4,
      skipped: 0,
      created: 4,
      labels: { found: 5, skipped: 0, created: 4, unmatched: 1 },
    });
    expect(first.stderr).toContain('warning: no sample in jane/gardens for the label "ghost.png"');
    // One bar for images and labels together.
    expect(first.stderr).toMatch(/uploaded \[#+\] 8\/8 100% [\d.]+\/s ETA 0s/);

    const stored = await fetchBitmapLabels("jane/gardens");
    expect([...stored.keys()].sort()).toEqual(names);
    for (const [k, name] of names.entries()) {
      const label = stored.get(name);
      expect(label?.ids).toEqual(Array.from(bitmapFor(k)));
      expect(label?.annotations).toEqual([
        { id: 1, category_id: 1 },
        { id: 2, category_id: 2 },
      ]);
      expect(label?.status).toBe("LABELED");
    }

    // Remove one label: the re-run uploads exactly that one and leaves the others (and the images) alone.
    const samples = await client.iterSamples("jane/gardens").toArray();
    const removed = samples.find((s) => s.name === names[1]);
    await client.deleteLabel(removed?.uuid ?? "", "ground-truth");
    const second = await runCli([...args, "--json", "dataset,found,skipped,created,labels"], env);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      found: 4,
      skipped: 4,
      created: 0,
      labels: { found: 5, skipped: 3, created: 1, unmatched: 1 },
    });
    expect(second.stderr).toContain("3 already in labelset ground-truth (skipping)");
    const after = await fetchBitmapLabels("jane/gardens");
    expect(after.get(names[1] as string)?.ids).toEqual(Array.from(bitmapFor(1)));
    expect(after.get(names[1] as string)?.status).toBe("PRELABELED"); // the default status
    expect(after.get(names[0] as string)?.status).toBe("LABELED"); // untouched

    const third = await runCli(args, env);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("Nothing to upload");
    expect(third.stdout).toContain("skipped 4 already labeled");
  });

  test("a COCO file into a bboxes dataset: labels carry the COCO boxes", async () => {
    const { dir, names } = await makeImages(3, SIZE);
    await client.addDataset("boxes", {
      task_type: "bboxes",
      task_attributes: { format_version: "0.1", categories: [{ id: 3, name: "car" }] },
    });
    const coco = {
      categories: [{ id: 3, name: "car" }],
      images: [...names.map((name, i) => ({ id: i + 1, file_name: name, width: SIZE, height: SIZE }))],
      annotations: names.map((_, i) => ({
        id: 10 + i,
        image_id: i + 1,
        category_id: 3,
        bbox: [i, 2, 5, 4 + i],
        // A polygon too: a bboxes dataset takes the box.
        segmentation: [[i, 2, i + 5, 2, i + 3, 6 + i]],
        area: 20,
        iscrowd: 0,
      })),
    };
    const file = join(await tempDir("coco"), "instances.json");
    await writeFile(file, JSON.stringify(coco));

    const result = await runCli(
      [
        "samples",
        "upload",
        dir,
        "-d",
        "jane/boxes",
        "--labels",
        file,
        "--json",
        "dataset,found,skipped,created,labels",
      ],
      env,
    );
    expect(result.stderr).not.toContain("error");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Summary).labels).toEqual({
      found: 3,
      skipped: 0,
      created: 3,
      unmatched: 0,
    });
    for (const sample of await client.iterSamples("jane/boxes").toArray()) {
      const i = names.indexOf(sample.name);
      const label = await client.getLabel(sample.uuid, "ground-truth");
      const annotations = (label.attributes as { annotations: unknown[] }).annotations;
      expect(annotations).toEqual([
        {
          id: 1,
          category_id: 3,
          type: "bbox",
          points: [
            [i, 2],
            [i + 5, 6 + i],
          ],
        },
      ]);
    }
  });

  test("label kind against task type: bitmaps into a bboxes dataset exit 5 before uploading anything", async () => {
    const { dir, names } = await makeImages(2, SIZE);
    const labels = await bitmapDir(names);
    await client.addDataset("wrongkind", { task_type: "bboxes" });
    const result = await runCli(["samples", "upload", dir, "-d", "jane/wrongkind", "--labels", labels], env);
    expect(result.code).toBe(5);
    expect(result.stderr.trim().split("\n")).toEqual([
      `error: --labels: ${labels} holds segmentation bitmaps, but jane/wrongkind is a bboxes dataset ` +
        "(bitmaps need segmentation-bitmap or segmentation-bitmap-highres).",
    ]);
    expect(await client.iterSamples("jane/wrongkind").toArray()).toEqual([]);
  });

  test("a missing or malformed annotations.json is named, exit 5", async () => {
    const { dir, names } = await makeImages(1, SIZE);
    await segmentationDataset("sidecars");
    const labels = await bitmapDir(names);
    const sidecar = join(labels, "annotations.json");

    await writeFile(sidecar, JSON.stringify({ annotations: { "night/img-000.png": [{ id: 1 }] } }));
    const malformed = await runCli(
      ["samples", "upload", dir, "-d", "jane/sidecars", "--labels", labels],
      env,
    );
    expect(malformed.code).toBe(5);
    expect(malformed.stderr).toContain(`error: ${sidecar}: "night/img-000.png"[0] needs an integer "id"`);

    await writeFile(sidecar, "{not json");
    const invalid = await runCli(["samples", "upload", dir, "-d", "jane/sidecars", "--labels", labels], env);
    expect(invalid.code).toBe(5);
    expect(invalid.stderr).toMatch(new RegExp(`^error: ${sidecar} is not valid JSON`));

    await rm(sidecar);
    const missing = await runCli(["samples", "upload", dir, "-d", "jane/sidecars", "--labels", labels], env);
    expect(missing.code).toBe(5);
    expect(missing.stderr).toContain(`error: ${sidecar} is missing`);
    expect(await client.iterSamples("jane/sidecars").toArray()).toEqual([]);
  });
});

describe("convert --to segments with segmentation labels", () => {
  test("COCO masks -> bitmap directory -> samples upload --labels round-trips", async () => {
    const { dir, names } = await makeImages(2, SIZE);
    // A mask with a hole per image (a vector label could not hold it).
    const masks = names.map((_, i) => {
      const data = new Uint8Array(SIZE * SIZE);
      for (let y = 2; y < 10 + i; y++)
        for (let x = 3; x < 12; x++) data[y * SIZE + x] = x === 7 && y === 5 ? 0 : 1;
      return data;
    });
    const coco = {
      categories: CATEGORIES,
      images: names.map((name, i) => ({ id: i + 1, file_name: name, width: SIZE, height: SIZE })),
      annotations: masks.map((data, i) => ({
        id: i + 1,
        image_id: i + 1,
        category_id: 2,
        segmentation: rle.encode({ width: SIZE, height: SIZE, data }),
        bbox: [3, 2, 9, 8 + i],
        area: 0,
        iscrowd: 0,
      })),
    };
    const work = await tempDir("convert");
    await writeFile(join(work, "instances.json"), JSON.stringify(coco));
    const out = join(work, "bitmaps");

    const plain = await runCli(
      [
        "convert",
        "--from",
        "coco",
        "--to",
        "segments",
        join(work, "instances.json"),
        "--out",
        join(work, "x.json"),
      ],
      env,
    );
    expect(plain.code).toBe(0); // without --segmentation: vector labels in a JSON file

    const converted = await runCli(
      [
        "convert",
        "--from",
        "coco",
        "--to",
        "segments",
        "--segmentation",
        join(work, "instances.json"),
        "--out",
        out,
      ],
      env,
    );
    expect(converted.stderr).not.toContain("error");
    expect(converted.code).toBe(0);
    const sidecar = JSON.parse(await readFile(join(out, "annotations.json"), "utf8")) as {
      annotations: Record<string, unknown>;
    };
    expect(Object.keys(sidecar.annotations).sort()).toEqual(names);

    await segmentationDataset("roundtrip");
    const uploaded = await runCli(
      [
        "samples",
        "upload",
        dir,
        "-d",
        "jane/roundtrip",
        "--labels",
        out,
        "--json",
        "dataset,found,skipped,created,labels",
      ],
      env,
    );
    expect(uploaded.code).toBe(0);
    expect((JSON.parse(uploaded.stdout) as Summary).labels.created).toBe(2);

    const stored = await fetchBitmapLabels("jane/roundtrip");
    for (const [i, name] of names.entries()) {
      const label = stored.get(name);
      const annotations = label?.annotations as Array<{ id: number; category_id: number }>;
      expect(annotations).toHaveLength(1);
      expect(annotations[0]?.category_id).toBe(2);
      const id = annotations[0]?.id;
      expect(label?.ids.map((v) => (v === id ? 1 : v))).toEqual(Array.from(masks[i] as Uint8Array));
    }

    // And back out of a release: the bitmaps are downloaded and written in the same layout.
    const release = join(work, "release.json");
    expect((await runCli(["releases", "create", "jane/roundtrip", "v1", "--wait"], env)).code).toBe(0);
    expect((await runCli(["releases", "download", "jane/roundtrip", "v1", "--out", release], env)).code).toBe(
      0,
    );
    const fromRelease = join(work, "from-release");
    const exported = await runCli(
      ["convert", "--from", "release", "--to", "segments", release, "--out", fromRelease],
      env,
    );
    expect(exported.code).toBe(0);
    for (const name of names) {
      const original = decodeLabelBitmap(await readFile(join(out, name)));
      const again = decodeLabelBitmap(await readFile(join(fromRelease, name)));
      expect(Array.from(again.data)).toEqual(Array.from(original.data));
    }
  });
});

describe("datasets create", () => {
  test("already exists names the owner", async () => {
    expect((await runCli(["datasets", "create", "dupe"], env)).code).toBe(0);
    const again = await runCli(["datasets", "create", "dupe"], env);
    expect(again.code).toBe(5);
    expect(again.stderr).toBe(
      'error: dataset "jane/dupe" already exists (409). Pick another name, or delete it first.\n',
    );
  });
});
