/**
 * Exporting a release: cut a release of a labeled dataset, load the release file, and export it to COCO and YOLO
 * files on disk.
 *
 *   pnpm --filter @segments-ts/examples example export-release
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodePng } from "@segments-ts/bitmap";
import { SegmentsDataset } from "@segments-ts/converter";
import { exportDataset } from "@segments-ts/converter/node";
import { SegmentsClient } from "@segments-ts/sdk";
import { isMain, type Log } from "./support.ts";

export async function exportRelease(
  client: SegmentsClient,
  log: Log = console.log,
  outDir?: string,
): Promise<{ cocoAnnotations: number; yoloFiles: number; outDir: string }> {
  const dataset = await client.addDataset(`parking-${Date.now().toString(36)}`, {
    task_type: "bboxes",
    task_attributes: {
      format_version: "0.1",
      categories: [
        { id: 1, name: "car" },
        { id: 2, name: "bike" },
      ],
    },
  });
  const datasetId = dataset.full_name;
  const image = await client.uploadAsset(
    encodePng({ width: 100, height: 80, data: new Uint8Array(100 * 80 * 3).fill(90), colorType: "rgb" }),
    "lot.png",
  );
  const samples = await client.addSamples(
    datasetId,
    ["lot-a.png", "lot-b.png", "lot-c.png"].map((name) => ({
      name,
      attributes: { image: { url: image.url } },
    })),
  );
  for (const [i, sample] of samples.entries()) {
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
              [5 + i, 5],
              [45 + i, 30],
            ],
          },
          {
            id: 2,
            category_id: 2,
            type: "bbox",
            points: [
              [60, 40],
              [80, 70],
            ],
          },
        ],
      },
      { taskType: "bboxes", label_status: "REVIEWED" },
    );
  }

  await client.addRelease(datasetId, "v1.0");
  const release = await client.waitForRelease(datasetId, "v1.0", { pollInterval: 100 });
  const loaded = await SegmentsDataset.load(release, { filterBy: ["REVIEWED"] });
  log(`Release ${release.name}: ${loaded.samples.length} reviewed samples`);

  const target = outDir ?? (await mkdtemp(join(tmpdir(), "segments-export-")));
  const coco = await exportDataset(loaded, "coco-instance", target);
  const yolo = await exportDataset(loaded, "yolo", join(target, "yolo"));
  const cocoJson = JSON.parse(await readFile(coco.jsonFile ?? "", "utf8")) as { annotations: unknown[] };
  const yoloFiles = yolo.files.filter((file) => file.endsWith(".txt") && !file.endsWith("classes.txt"));
  log(`COCO: ${coco.jsonFile} (${cocoJson.annotations.length} annotations)`);
  log(`YOLO: ${yoloFiles.length} label files in ${join(target, "yolo")}`);
  return { cocoAnnotations: cocoJson.annotations.length, yoloFiles: yoloFiles.length, outDir: target };
}

if (isMain(import.meta.url)) {
  await exportRelease(new SegmentsClient());
}
