/**
 * Child process of the scale benchmark (bench/scale.ts): an emulator that the parent drives over IPC. It seeds
 * datasets straight into the store (a million samples over HTTP would take most of the run) and measures its own
 * event-loop delay while the parent runs a bulk add, so the load generator's work never counts.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildApp, serveApp } from "../src/emulator.js";

const built = buildApp({ validateResponses: false, users: [{ username: "bench", apiKey: "bench-key" }] });
const emulator = await serveApp(built);
const { store } = built.app;
const eld = monitorEventLoopDelay({ resolution: 1 });

/**
 * One INSERT ... SELECT over a recursive sequence: SQLite builds the rows itself (the JSON record included, in the
 * shape of SampleRecord), with ascending uuids so every index is appended to; it seeds a million samples in
 * seconds. The count triggers run as for any insert.
 */
const SEED_SQL = `
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < @count),
rows AS (
  SELECT i, printf('sample-%07d.jpg', i) AS name, i % 10 AS priority,
    strftime('%Y-%m-%dT%H:%M:%fZ', 1704067200 + i / 1000.0, 'unixepoch') AS created,
    printf('%08x-0000-4000-8000-%012x', @id, i) AS uuid
  FROM seq
)
INSERT INTO samples (uuid, dataset_id, name, created_at, priority, data)
SELECT uuid, @id, name, created, priority, json_object(
  'uuid', uuid, 'datasetId', @id, 'name', name, 'createdAt', created, 'createdBy', 'bench', 'priority', priority,
  'attributes', json_object('image', json_object('url', 'https://example.com/' || i || '.jpg')),
  'metadata', json_object('index', i), 'readme', '', 'assignedLabeler', NULL, 'assignedReviewer', NULL)
FROM rows`;

/** Creates a vector dataset with `count` image samples. */
function seed(name: string, count: number): void {
  const createdAt = new Date().toISOString();
  const dataset = store.insertDataset({ owner: "bench", name, createdAt, settings: { task_type: "vector" } });
  store.putLabelset({ datasetId: dataset.id, name: "ground-truth", description: "", createdAt });
  store.db.prepare(SEED_SQL).run({ id: dataset.id, count });
}

process.on("message", (message: { kind: string; name?: string; count?: number }) => {
  if (message.kind === "seed") {
    seed(message.name as string, message.count as number);
    process.send?.({ kind: "seeded" });
  } else if (message.kind === "eld-start") {
    eld.reset();
    eld.enable();
    process.send?.({ kind: "eld-started" });
  } else if (message.kind === "eld-stop") {
    eld.disable();
    process.send?.({
      kind: "eld",
      maxMs: eld.max / 1e6,
      p99Ms: eld.percentile(99) / 1e6,
      meanMs: eld.mean / 1e6,
    });
  }
});
process.send?.({ kind: "ready", url: emulator.url });
