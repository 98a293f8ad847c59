/**
 * Quickstart: the whole Segments.ai workflow in one script.
 *
 * Creates a segmentation dataset, uploads images and adds them as samples in bulk, uploads a segmentation bitmap as
 * a label, reviews it, cuts a release, waits for it, reads it back and draws the label over its image with the
 * category colours and names (overlay.png). The pictures are generated: a flower in a garden, and its mask.
 *
 *   pnpm demo                                   # against the embedded emulator
 *   SEGMENTS_API_KEY=... pnpm tsx quickstart.ts  # against segments.ai (or SEGMENTS_API_URL)
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bitmap2file, decodeImage, encodePng } from "@segments-ts/bitmap";
import { SegmentsDataset } from "@segments-ts/converter";
import { renderLabelPng } from "@segments-ts/pointcloud";
import { SegmentsClient } from "@segments-ts/sdk";
import { isMain, type Log } from "./support.ts";

const WIDTH = 160;
const HEIGHT = 120;

/** What the quickstart did, for the summary (and for the test that runs it). */
export interface QuickstartSummary {
  dataset: string;
  samples: number;
  labeledSample: string;
  labelStatus: string;
  release: string;
  releaseStatus: string;
  releaseSamples: number;
  instancesInBitmap: number;
  /** The reviewed label drawn over its sample image: a PNG file. */
  overlayFile: string;
}

export async function quickstart(
  client: SegmentsClient,
  log: Log = console.log,
  outDir?: string,
): Promise<QuickstartSummary> {
  const { username } = await client.getUser();
  const name = `flowers-${Date.now().toString(36)}`;
  const dataset = await client.addDataset(name, {
    description: "Quickstart: flowers with instance masks",
    task_type: "segmentation-bitmap",
    task_attributes: {
      format_version: "0.1",
      categories: [
        { id: 1, name: "petal", color: [230, 60, 120] },
        { id: 2, name: "leaf", color: [40, 160, 60] },
      ],
    },
  });
  const datasetId = dataset.full_name;
  log(`Created dataset ${datasetId} for ${username}`);

  // Images: upload one generated garden picture per sample so the demo needs no internet.
  const imageUrls: string[] = [];
  for (let i = 0; i < 3; i++) {
    const asset = await client.uploadAsset(gardenImage(i), `flower-${i}.png`);
    imageUrls.push(asset.url);
  }
  const samples = await client.addSamples(
    datasetId,
    Array.from({ length: 12 }, (_, i) => ({
      name: `flower-${String(i).padStart(3, "0")}.png`,
      attributes: { image: { url: imageUrls[i % imageUrls.length] ?? "" } },
      metadata: { garden: i % 2 === 0 ? "north" : "south" },
    })),
    {
      batchSize: 5,
      concurrency: 2,
      onProgress: ({ completed, total }) => log(`  added ${completed}/${total} samples`),
    },
  );
  const first = samples[0];
  if (!first) throw new Error("addSamples returned no samples");

  // A segmentation label: a PNG whose pixels hold instance ids, plus one annotation per instance.
  const bitmap = flowerMask();
  const labelFile = await client.uploadAsset(
    bitmap2file(bitmap, { width: WIDTH, height: HEIGHT }),
    "label.png",
  );
  await client.addLabel(
    first.uuid,
    "ground-truth",
    {
      format_version: "0.1",
      annotations: [
        { id: 1, category_id: 1 },
        { id: 2, category_id: 2 },
      ],
      segmentation_bitmap: { url: labelFile.url },
    },
    { taskType: "segmentation-bitmap", label_status: "LABELED" },
  );
  const reviewed = await client.updateLabel(first.uuid, "ground-truth", { label_status: "REVIEWED" });
  log(`Labeled ${first.name} with 2 instances and marked it ${reviewed.label_status}`);

  const releaseName = "v0.1";
  await client.addRelease(datasetId, releaseName, "first release");
  const release = await client.waitForRelease(datasetId, releaseName, { pollInterval: 100, timeout: 60_000 });
  log(`Release ${release.name} is ${release.status}`);

  // Read the release back: the reviewed sample's bitmap decodes to the instance ids we uploaded.
  const exported = await SegmentsDataset.load(release, { filterBy: "REVIEWED" });
  const reviewedSample = exported.samples[0];
  const decoded = reviewedSample ? await reviewedSample.loadBitmap() : undefined;
  const instances = new Set(decoded?.data ?? []);
  instances.delete(0);
  if (!reviewedSample || !decoded) throw new Error("the release has no reviewed sample with a bitmap");

  // Look at it: the label over its sample image, in the categories' colours with their names (decodeImage reads PNG
  // and JPEG sample images alike; renderLabelPng draws every image label type).
  const image = await decodeImage(await reviewedSample.loadImage());
  const overlayFile = join(outDir ?? (await mkdtemp(join(tmpdir(), "segments-quickstart-"))), "overlay.png");
  if (!reviewedSample.label) throw new Error("the reviewed sample has no label");
  const picture = renderLabelPng(image, reviewedSample.label, exported.categories, {
    bitmap: decoded,
    alpha: 0.6,
  });
  await writeFile(overlayFile, picture);

  const summary: QuickstartSummary = {
    dataset: datasetId,
    samples: samples.length,
    labeledSample: first.name,
    labelStatus: reviewed.label_status,
    release: release.name,
    releaseStatus: release.status,
    releaseSamples: exported.release.dataset.samples.length,
    instancesInBitmap: instances.size,
    overlayFile,
  };
  log(
    [
      "",
      "Summary",
      `  dataset            ${summary.dataset}`,
      `  samples            ${summary.samples}`,
      `  labeled sample     ${summary.labeledSample} (${summary.labelStatus})`,
      `  release            ${summary.release} (${summary.releaseStatus}, ${summary.releaseSamples} samples)`,
      `  instances read back ${summary.instancesInBitmap}`,
      `  label overlay      ${summary.overlayFile}`,
    ].join("\n"),
  );
  return summary;
}

/** The flower of picture 0: its head (a disc of petals, instance 1) and its leaf (an ellipse, instance 2). */
const HEAD = { x: 70, y: 48, r: 20 };
const LEAF = { x: 100, y: 86, rx: 22, ry: 9 };

function inHead(x: number, y: number): boolean {
  // Five petals: the disc's edge waves with the angle.
  const angle = Math.atan2(y - HEAD.y, x - HEAD.x);
  return Math.hypot(x - HEAD.x, y - HEAD.y) < HEAD.r * (0.8 + 0.2 * Math.cos(5 * angle));
}

function inLeaf(x: number, y: number): boolean {
  // An ellipse tilted 30 degrees.
  const [dx, dy] = [x - LEAF.x, y - LEAF.y];
  const [u, v] = [dx * Math.cos(0.5) + dy * Math.sin(0.5), -dx * Math.sin(0.5) + dy * Math.cos(0.5)];
  return (u / LEAF.rx) ** 2 + (v / LEAF.ry) ** 2 < 1;
}

/** The label of picture 0: instance ids per pixel (0 = unlabeled). */
function flowerMask(): Uint32Array {
  const ids = new Uint32Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++)
      ids[y * WIDTH + x] = inHead(x + 0.5, y + 0.5) ? 1 : inLeaf(x + 0.5, y + 0.5) ? 2 : 0;
  return ids;
}

/** A garden: sky fading to the horizon, grass with rows, a stem, the leaf and the flower head (picture 0's labels). */
function gardenImage(index: number): Uint8Array {
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  const horizon = 70;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const [cx, cy] = [x + 0.5, y + 0.5];
      let color: [number, number, number];
      if (inHead(cx, cy)) {
        const centre = Math.hypot(cx - HEAD.x, cy - HEAD.y) < 6;
        color = centre ? [240, 190, 40] : [225 - index * 30, 70 + index * 20, 130];
      } else if (inLeaf(cx, cy)) color = [50, 140 + Math.round(10 * Math.sin(cx / 3)), 60];
      else if (Math.abs(cx - HEAD.x - (cy - HEAD.y) * 0.15) < 2 && cy > HEAD.y) color = [60, 120, 50];
      else if (y < horizon) {
        const t = y / horizon;
        color = [Math.round(110 + 100 * t), Math.round(160 + 70 * t), 235];
      } else {
        const rows = (y - horizon) % 6 < 2 ? -15 : 0;
        color = [70 + rows, 150 + rows + Math.round(20 * Math.sin(x / 5 + y)), 70 + rows];
      }
      rgb.set(color, (y * WIDTH + x) * 3);
    }
  }
  return encodePng({ width: WIDTH, height: HEIGHT, data: rgb, colorType: "rgb" });
}

if (isMain(import.meta.url)) {
  await quickstart(new SegmentsClient());
}
