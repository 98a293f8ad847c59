/**
 * Quickstart: the whole Segments.ai workflow in one script.
 *
 * Creates a segmentation dataset, uploads images and adds them as samples in bulk, uploads a segmentation bitmap as
 * a label, reviews it, cuts a release, waits for it, reads it back and draws the label over its image
 * (overlay.png).
 *
 *   pnpm demo                                   # against the embedded emulator
 *   SEGMENTS_API_KEY=... pnpm tsx quickstart.ts  # against segments.ai (or SEGMENTS_API_URL)
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bitmap2file, decodeImage, encodePng, overlayPng } from "@segments-ts/bitmap";
import { SegmentsDataset } from "@segments-ts/converter";
import { SegmentsClient } from "@segments-ts/sdk";
import { isMain, type Log } from "./support.ts";

const WIDTH = 64;
const HEIGHT = 48;

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

  // Images: upload one synthetic picture per sample so the demo needs no internet.
  const imageUrls: string[] = [];
  for (let i = 0; i < 3; i++) {
    const asset = await client.uploadAsset(syntheticImage(i), `flower-${i}.png`);
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
  const bitmap = syntheticMask();
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

  // Look at it: the label over its sample image (decodeImage reads PNG and JPEG sample images alike).
  const image = await decodeImage(await reviewedSample.loadImage());
  const overlayFile = join(outDir ?? (await mkdtemp(join(tmpdir(), "segments-quickstart-"))), "overlay.png");
  await writeFile(overlayFile, overlayPng(image, decoded, { alpha: 0.6 }));

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

/** Two "flower" instances on a 64x48 canvas: a petal disc (id 1) and a leaf rectangle (id 2). */
function syntheticMask(): Uint32Array {
  const ids = new Uint32Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      if ((x - 20) ** 2 + (y - 20) ** 2 < 100) ids[y * WIDTH + x] = 1;
      else if (x > 36 && x < 56 && y > 28 && y < 40) ids[y * WIDTH + x] = 2;
    }
  }
  return ids;
}

/** A small RGB gradient picture, different for each index. */
function syntheticImage(index: number): Uint8Array {
  const rgb = new Uint8Array(WIDTH * HEIGHT * 3);
  for (let p = 0; p < WIDTH * HEIGHT; p++) {
    rgb[p * 3] = (p * 7 + index * 60) % 256;
    rgb[p * 3 + 1] = (p * 3) % 256;
    rgb[p * 3 + 2] = 128 + index * 30;
  }
  return encodePng({ width: WIDTH, height: HEIGHT, data: rgb, colorType: "rgb" });
}

if (isMain(import.meta.url)) {
  await quickstart(new SegmentsClient());
}
