/** What several exporters share: the Python SDK's file names and the release's `info` block. */
import { stripExtension } from "../formats/common.js";
import type { DatasetSample, SegmentsDataset } from "../release/index.js";
import type { ExportContext } from "./types.js";

/**
 * Claims the export's JSON file, named as the Python SDK names it: `export_{format}_{owner}_{dataset}_{release}.json`,
 * as one file name whatever the server's names hold. Claimed before any sample's file, so that it keeps its name.
 */
export function claimJsonFile(context: ExportContext, format: string): string {
  const { dataset, out } = context;
  return out.claim(`export_${format}_${dataset.identifier}_${dataset.release.name}.json`);
}

/** The `info` block of the COCO exports: the dataset's name and the release's. */
export function releaseInfo(dataset: SegmentsDataset): Record<string, unknown> {
  return { description: dataset.release.dataset.name, version: dataset.release.name };
}

/** `{sample name without extension}_label_{labelset}`: the start of a bitmap export's file names (Python SDK). */
export function labelFileStem(sample: DatasetSample, dataset: SegmentsDataset): string {
  return `${stripExtension(sample.name)}_label_${dataset.labelset}`;
}
