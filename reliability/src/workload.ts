/**
 * The write workload of the fault test, written the way a careful user writes it. Samples are split into lanes; each
 * lane runs its operations one after another (so the intended final state is well defined), and lanes run
 * concurrently. After each acknowledged operation the lane updates the intended state.
 *
 * How each operation stays exact when a fault hits after the server already did the work:
 *
 * - `bulkAdd` (`addSamples`): the API returns the existing sample for a known name, so the SDK resends batches on
 *   any ambiguous failure (its default `retryNonIdempotent` for this method); no duplicates by construction.
 * - `addSample` (single POST, not idempotent): the SDK does not resend it after an ambiguous failure. The workload
 *   then verifies before retrying: it looks the name up; if the sample is there with the intended content it takes
 *   it, otherwise it sends again. A retry answered "already exists" is resolved the same way.
 * - `putLabel` (`addLabel`, PUT) and `deleteSample`/`deleteSamples`/`deleteLabel` (DELETE): idempotent methods, the
 *   SDK retries them. A delete whose first attempt landed answers 404 on the retry; the lane knows the resource
 *   existed, so a `NotFoundError` means "already deleted".
 * - `updateSample`/`updateLabel` (PATCH with absolute values, no increments): repeating them has no extra effect,
 *   so the workload opts in with `retryNonIdempotent: true`. (A repeated label PATCH may record one more workunit,
 *   which is time-tracking, not labeling state.)
 * - `upload` (`uploadAsset`): the `POST /assets/` that presigns is harmless to repeat (an unused presigned key
 *   stores nothing), so it opts in too; the storage POST to the same key is retried by the SDK.
 *
 * Any other failure (a 4xx the workload did not expect, an exhausted retry budget) fails the run.
 */
import {
  AlreadyExistsError,
  APIConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  type SegmentsClient,
} from "@segments-ts/sdk";
import { bump } from "./report.ts";
import type { OutputCapture } from "./secrets.ts";
import { type IntendedSample, type IntendedState, sha256 } from "./state.ts";

export const OP_KINDS = [
  "bulkAdd",
  "addSample",
  "putLabel",
  "updateLabel",
  "updateSample",
  "deleteLabel",
  "deleteSample",
  "deleteSamples",
  "upload",
] as const;
export type OpKind = (typeof OP_KINDS)[number];

const WEIGHTS: Record<OpKind, number> = {
  bulkAdd: 2,
  addSample: 3,
  putLabel: 4,
  updateLabel: 2,
  updateSample: 3,
  deleteLabel: 1,
  deleteSample: 1,
  deleteSamples: 1,
  upload: 1,
};

const LABEL_STATUSES = ["PRELABELED", "LABELED", "REVIEWED", "REJECTED"] as const;

export interface WorkloadOptions {
  /** A client talking through the fault proxy. */
  client: SegmentsClient;
  dataset: string;
  lanes: number;
  opsPerLane: number;
  random: () => number;
  /** Attempts per operation at the workload level, on top of the SDK's own retries. */
  maxAttempts: number;
  /** Every error the workload sees is recorded here (for the secrecy scan). */
  capture: OutputCapture;
  intended: IntendedState;
}

export interface WorkloadResult {
  ops: number;
  opsByKind: Record<string, number>;
  /** Operation attempts repeated by the workload after an ambiguous failure. */
  workloadRetries: number;
  /** Ambiguous failures resolved by looking the write up (it had landed). */
  verifiedLanded: number;
  /** Deletes whose retry found the resource already gone. */
  alreadyDeleted: number;
  /** Milliseconds per operation, including retries. */
  latencies: number[];
}

/** True for failures after which the request may or may not have been processed. */
function isAmbiguous(error: unknown): boolean {
  return (
    error instanceof APIConnectionError ||
    error instanceof InternalServerError ||
    error instanceof RateLimitError
  );
}

const image = (name: string) => ({ image: { url: `https://example.com/images/${name}.jpg` } });

function pickKind(random: () => number): OpKind {
  const total = OP_KINDS.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  let roll = random() * total;
  for (const kind of OP_KINDS) {
    roll -= WEIGHTS[kind];
    if (roll < 0) return kind;
  }
  return "putLabel";
}

function boxLabel(random: () => number) {
  const x = Math.round(random() * 500);
  const y = Math.round(random() * 500);
  return {
    format_version: "0.1",
    annotations: [
      {
        id: 1,
        category_id: 1,
        type: "bbox" as const,
        points: [
          [x, y],
          [x + 1 + Math.round(random() * 100), y + 1 + Math.round(random() * 100)],
        ],
      },
    ],
  };
}

/** Runs the workload; resolves once every lane is done, with the intended state filled in. */
export async function runWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
  const { client, dataset, intended, capture, random } = options;
  const result: WorkloadResult = {
    ops: 0,
    opsByKind: {},
    workloadRetries: 0,
    verifiedLanded: 0,
    alreadyDeleted: 0,
    latencies: [],
  };

  /**
   * Runs `attempt` until it succeeds. After an ambiguous failure (or an answer that shows an earlier attempt
   * landed), `resolve` decides: a value means "it landed, here is the result", undefined means "send again".
   */
  async function persist<T>(
    attempt: () => Promise<T>,
    resolve?: (error: unknown) => Promise<T | undefined>,
  ): Promise<T> {
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt();
      } catch (error) {
        capture.addError(error);
        const explained = resolve ? await resolve(error) : undefined;
        if (explained !== undefined) return explained;
        if (!isAmbiguous(error) || attemptNumber >= options.maxAttempts) throw error;
        result.workloadRetries++;
      }
    }
  }

  async function findByName(name: string) {
    const page = await client.getSamples(dataset, { name, per_page: 1000 });
    return page.filter((sample) => sample.name === name);
  }

  async function lane(laneIndex: number): Promise<void> {
    const live: IntendedSample[] = [];
    let nextSample = 0;
    const newName = () => `lane${laneIndex}-sample${nextSample++}`;
    const pickLive = () => live[Math.floor(random() * live.length)];

    const addOne = async () => {
      const name = newName();
      const metadata = { lane: laneIndex, origin: "single" };
      const priority = Math.round(random() * 10);
      const sample = await persist(
        () => client.addSample(dataset, name, image(name), { metadata, priority }),
        async (error) => {
          if (!isAmbiguous(error) && !(error instanceof AlreadyExistsError)) return undefined;
          // Verify before retrying: did the lost attempt create it?
          const found = await findByName(name);
          if (found.length > 1) throw new Error(`duplicate samples named ${name}`);
          const existing = found[0];
          if (!existing) return undefined;
          result.verifiedLanded++;
          return existing;
        },
      );
      const entry = {
        name,
        uuid: sample.uuid,
        attributes: image(name),
        metadata,
        priority,
        label: undefined,
      };
      intended.samples.set(name, entry);
      live.push(entry);
    };

    const removeLive = (entry: IntendedSample) => {
      live.splice(live.indexOf(entry), 1);
      intended.samples.delete(entry.name);
      intended.deleted.add(entry.name);
    };

    const alreadyGone = async (error: unknown) => {
      if (error instanceof NotFoundError) {
        result.alreadyDeleted++;
        return true;
      }
      return undefined;
    };

    for (let op = 0; op < options.opsPerLane; op++) {
      let kind = pickKind(random);
      const target = pickLive();
      const labeled = live.filter((sample) => sample.label !== undefined);
      if (!target && kind !== "bulkAdd" && kind !== "upload") kind = "addSample";
      if ((kind === "updateLabel" || kind === "deleteLabel") && labeled.length === 0) kind = "putLabel";
      if (kind === "deleteSamples" && live.length < 2) kind = "addSample";
      const started = performance.now();
      switch (kind) {
        case "bulkAdd": {
          const count = 3 + Math.floor(random() * 6);
          const batch = Array.from({ length: count }, () => {
            const name = newName();
            return {
              name,
              attributes: image(name),
              metadata: { lane: laneIndex, origin: "bulk" },
              priority: 0,
            };
          });
          const created = await persist(() =>
            client.addSamples(dataset, batch, { batchSize: 4, concurrency: 2 }),
          );
          created.forEach((sample, i) => {
            const input = batch[i];
            if (!input || input.name !== sample.name) throw new Error(`addSamples answered out of order`);
            const entry = { ...input, uuid: sample.uuid, label: undefined };
            intended.samples.set(input.name, entry);
            live.push(entry);
          });
          break;
        }
        case "addSample":
          await addOne();
          break;
        case "putLabel": {
          const sample = target as IntendedSample;
          const attributes = boxLabel(random);
          const status = LABEL_STATUSES[Math.floor(random() * LABEL_STATUSES.length)] ?? "LABELED";
          await persist(() =>
            client.addLabel(sample.uuid, "ground-truth", attributes, { label_status: status }),
          );
          sample.label = { attributes, label_status: status };
          break;
        }
        case "updateLabel": {
          const sample = labeled[Math.floor(random() * labeled.length)] as IntendedSample;
          const status = LABEL_STATUSES[Math.floor(random() * LABEL_STATUSES.length)] ?? "LABELED";
          await persist(() =>
            client.updateLabel(
              sample.uuid,
              "ground-truth",
              { label_status: status },
              { retryNonIdempotent: true },
            ),
          );
          sample.label = { attributes: sample.label?.attributes, label_status: status };
          break;
        }
        case "updateSample": {
          const sample = target as IntendedSample;
          const metadata = { lane: laneIndex, revision: op, weather: random() < 0.5 ? "sunny" : "rain" };
          const priority = Math.round(random() * 100);
          await persist(() =>
            client.updateSample(sample.uuid, { metadata, priority }, { retryNonIdempotent: true }),
          );
          sample.metadata = metadata;
          sample.priority = priority;
          break;
        }
        case "deleteLabel": {
          const sample = labeled[Math.floor(random() * labeled.length)] as IntendedSample;
          await persist(() => client.deleteLabel(sample.uuid, "ground-truth").then(() => true), alreadyGone);
          sample.label = undefined;
          break;
        }
        case "deleteSample": {
          const sample = target as IntendedSample;
          await persist(() => client.deleteSample(sample.uuid).then(() => true), alreadyGone);
          removeLive(sample);
          break;
        }
        case "deleteSamples": {
          const victims = [live[0], live[live.length - 1]] as IntendedSample[];
          // Bulk delete skips unknown uuids, so a repeat after a lost response is a no-op.
          await persist(() =>
            client.deleteSamples(
              dataset,
              victims.map((sample) => sample.uuid),
            ),
          );
          for (const victim of victims) removeLive(victim);
          break;
        }
        case "upload": {
          const bytes = new Uint8Array(256 + Math.floor(random() * 2048));
          for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
          const file = await persist(() =>
            client.uploadAsset(bytes, `lane${laneIndex}-op${op}.png`, { retryNonIdempotent: true }),
          );
          intended.assets.set(file.url, sha256(bytes));
          break;
        }
      }
      result.latencies.push(performance.now() - started);
      result.ops++;
      bump(result.opsByKind, kind);
    }
  }

  await Promise.all(Array.from({ length: options.lanes }, (_, i) => lane(i)));
  return result;
}
