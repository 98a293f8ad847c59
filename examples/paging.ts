/**
 * Paging and filtering: iterate over every matching sample without thinking about pages, or fetch one page at a
 * time. Filters are URL-encoded for you (the Python SDK breaks on `&` in a name).
 *
 *   pnpm --filter @segments-ts/examples example paging
 */
import { SegmentsClient } from "@segments-ts/sdk";
import { isMain, type Log } from "./support.ts";

export async function paging(
  client: SegmentsClient,
  log: Log = console.log,
): Promise<{ total: number; north: number; labeledNorth: number; pages: number }> {
  const dataset = await client.addDataset(`streets-${Date.now().toString(36)}`, { task_type: "bboxes" });
  const datasetId = dataset.full_name;
  const created = await client.addSamples(
    datasetId,
    Array.from({ length: 230 }, (_, i) => ({
      name: `street & scene ${String(i).padStart(3, "0")}.jpg`,
      attributes: { image: { url: `https://example.com/streets/${i}.jpg` } },
      metadata: { city: i % 3 === 0 ? "north" : "south" },
      priority: i % 10,
    })),
  );
  for (const sample of created.filter((_, i) => i % 6 === 0)) {
    await client.addLabel(
      sample.uuid,
      "ground-truth",
      { format_version: "0.1", annotations: [] },
      { taskType: "bboxes", label_status: "LABELED" },
    );
  }

  // Pages of 50: the iterator stops after the last (short) page.
  let pages = 0;
  for await (const page of client.iterSamples(datasetId, { per_page: 50 }).pages()) {
    pages++;
    log(`  page ${pages}: ${page.length} samples`);
  }
  const total = (await client.iterSamples(datasetId, { per_page: 50 }).toArray()).length;

  // Filters combine: a name substring (with a literal `&`), metadata and label status.
  const north = await client
    .iterSamples(datasetId, { name: "street & scene", metadata: "city:north", per_page: 25 })
    .toArray();
  const labeledNorth = await client
    .iterSamples(datasetId, { metadata: ["city:north"], labelset: "ground-truth", label_status: ["LABELED"] })
    .toArray();
  const top = await client.getSamples(datasetId, { sort: "priority", direction: "desc", per_page: 3 });

  log(
    `${total} samples in ${pages} pages; ${north.length} from the north, ${labeledNorth.length} of them labeled`,
  );
  log(`Highest priority: ${top.map((s) => `${s.name} (${s.priority})`).join(", ")}`);
  return { total, north: north.length, labeledNorth: labeledNorth.length, pages };
}

if (isMain(import.meta.url)) {
  await paging(new SegmentsClient());
}
