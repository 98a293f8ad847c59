/**
 * Model-assisted labeling: put a model's predictions into their own labelset, with a confidence score per sample,
 * then promote the confident ones to the `ground-truth` labelset as pre-labels for your labelers to correct.
 *
 *   pnpm --filter @segments-ts/examples example model-assisted-labeling
 */
import { type LabelAttributesFor, SegmentsClient } from "@segments-ts/sdk";
import { isMain, type Log } from "./support.ts";

type BoxLabel = LabelAttributesFor<"bboxes">;

/** A stand-in for your detector: deterministic boxes and a confidence per image. */
function predict(imageIndex: number): { attributes: BoxLabel; score: number } {
  const x = 10 + imageIndex * 5;
  return {
    score: Math.round((0.55 + ((imageIndex * 0.13) % 0.45)) * 100) / 100,
    attributes: {
      format_version: "0.1",
      annotations: [
        {
          id: 1,
          category_id: 1,
          type: "bbox",
          points: [
            [x, 20],
            [x + 40, 60],
          ],
        },
      ],
    },
  };
}

export async function modelAssistedLabeling(
  client: SegmentsClient,
  log: Log = console.log,
): Promise<{ predicted: number; promoted: number }> {
  const dataset = await client.addDataset(`birds-${Date.now().toString(36)}`, {
    task_type: "bboxes",
    task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "bird" }] },
  });
  const datasetId = dataset.full_name;
  const samples = await client.addSamples(
    datasetId,
    Array.from({ length: 8 }, (_, i) => ({
      name: `bird-${i}.jpg`,
      attributes: { image: { url: `https://example.com/birds/${i}.jpg` } },
    })),
  );

  await client.addLabelset(datasetId, "model-v1", "Detector v1 predictions");
  for (const [index, sample] of samples.entries()) {
    const { attributes, score } = predict(index);
    await client.addLabel(sample.uuid, "model-v1", attributes, { taskType: "bboxes", score });
  }
  log(`Stored ${samples.length} predictions in labelset model-v1`);

  // The labelset filter adds each sample's label summary (status and score) to the listing.
  let promoted = 0;
  for await (const sample of client.iterSamples(datasetId, { labelset: "model-v1", sort: "name" })) {
    const score = sample.label?.score ?? 0;
    if (score < 0.8) continue;
    const prediction = await client.getLabel<"bboxes">(sample.uuid, "model-v1");
    if (!prediction.attributes) continue;
    await client.addLabel(sample.uuid, "ground-truth", prediction.attributes, {
      taskType: "bboxes",
      label_status: "PRELABELED",
      score,
    });
    promoted++;
    log(`  ${sample.name}: score ${score.toFixed(2)} -> pre-labeled in ground-truth`);
  }
  log(`Promoted ${promoted} of ${samples.length} predictions (score >= 0.80)`);
  return { predicted: samples.length, promoted };
}

if (isMain(import.meta.url)) {
  await modelAssistedLabeling(new SegmentsClient());
}
