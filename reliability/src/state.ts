/**
 * Intended versus actual state of a dataset. The workload records what each acknowledged operation should have left
 * behind; {@link readActualState} reads what the server really holds, straight from the emulator (not through the
 * fault proxy); {@link compareStates} lists every difference. An empty list means nothing was lost, nothing was
 * duplicated and no label is wrong.
 */
import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { SegmentsClient } from "@segments-ts/sdk";

export interface IntendedLabel {
  attributes: unknown;
  label_status: string;
}

export interface IntendedSample {
  name: string;
  uuid: string;
  attributes: unknown;
  metadata: Record<string, unknown>;
  priority: number;
  /** The ground-truth label, or undefined when the sample has none. */
  label: IntendedLabel | undefined;
}

export interface IntendedState {
  /** Live samples by name. */
  samples: Map<string, IntendedSample>;
  /** Names that were created and then deleted: they must be gone. */
  deleted: Set<string>;
  /** Uploaded assets: File url -> sha256 of the bytes uploaded. */
  assets: Map<string, string>;
}

export function emptyIntendedState(): IntendedState {
  return { samples: new Map(), deleted: new Set(), assets: new Map() };
}

export interface ActualSample {
  name: string;
  uuid: string;
  attributes: unknown;
  metadata: unknown;
  priority: unknown;
  label: IntendedLabel | null;
}

export interface ActualState {
  samples: ActualSample[];
  /** File url -> sha256 of what storage serves, or `missing`. */
  assets: Map<string, string>;
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/**
 * Reads every sample of `dataset` with its full ground-truth label, and the bytes behind each asset url, from a
 * client that talks to the emulator directly.
 */
export async function readActualState(
  client: SegmentsClient,
  dataset: string,
  assetUrls: Iterable<string>,
): Promise<ActualState> {
  const listed = await client
    .iterSamples(dataset, { labelset: "ground-truth", include_full_label: true, per_page: 500 })
    .toArray();
  const samples = listed.map((sample) => {
    const label = (sample as { label?: { attributes: unknown; label_status: string } | null }).label;
    return {
      name: sample.name,
      uuid: sample.uuid,
      attributes: sample.attributes,
      metadata: sample.metadata,
      priority: sample.priority,
      label: label ? { attributes: label.attributes, label_status: label.label_status } : null,
    };
  });
  const assets = new Map<string, string>();
  for (const url of assetUrls) {
    const response = await fetch(url);
    assets.set(url, response.ok ? sha256(new Uint8Array(await response.arrayBuffer())) : "missing");
  }
  return { samples, assets };
}

/** Every difference between what should be there and what is there, in words. */
export function compareStates(intended: IntendedState, actual: ActualState): string[] {
  const problems: string[] = [];
  const byName = new Map<string, ActualSample[]>();
  for (const sample of actual.samples) {
    byName.set(sample.name, [...(byName.get(sample.name) ?? []), sample]);
  }
  for (const [name, copies] of byName) {
    if (copies.length > 1) problems.push(`duplicate sample ${name} (${copies.length} copies)`);
    if (!intended.samples.has(name)) {
      problems.push(
        intended.deleted.has(name) ? `deleted sample ${name} is back` : `unexpected sample ${name}`,
      );
    }
  }
  for (const [name, want] of intended.samples) {
    const got = byName.get(name)?.[0];
    if (!got) {
      problems.push(`lost sample ${name}`);
      continue;
    }
    if (got.uuid !== want.uuid) problems.push(`sample ${name}: uuid ${got.uuid}, expected ${want.uuid}`);
    if (!isDeepStrictEqual(got.attributes, want.attributes))
      problems.push(`sample ${name}: wrong attributes`);
    if (!isDeepStrictEqual(got.metadata, want.metadata)) {
      problems.push(
        `sample ${name}: metadata ${JSON.stringify(got.metadata)}, expected ${JSON.stringify(want.metadata)}`,
      );
    }
    if (got.priority !== want.priority) {
      problems.push(`sample ${name}: priority ${String(got.priority)}, expected ${want.priority}`);
    }
    if (want.label === undefined && got.label !== null)
      problems.push(`sample ${name}: label should be deleted`);
    if (want.label !== undefined && got.label === null) problems.push(`sample ${name}: lost label`);
    if (want.label && got.label) {
      if (!isDeepStrictEqual(got.label.attributes, want.label.attributes)) {
        problems.push(`sample ${name}: wrong label attributes`);
      }
      if (got.label.label_status !== want.label.label_status) {
        problems.push(
          `sample ${name}: label status ${got.label.label_status}, expected ${want.label.label_status}`,
        );
      }
    }
  }
  for (const [url, hash] of intended.assets) {
    const stored = actual.assets.get(url);
    if (stored !== hash) problems.push(`asset ${url}: ${stored === "missing" ? "missing" : "wrong bytes"}`);
  }
  return problems;
}
