import { storagePath } from "../storage/serve.js";
import type { Json, ReleaseRecord } from "../store/records.js";
import type { Store } from "../store/store.js";

interface ReleaseFile extends Json {
  dataset: Json & { samples: Json[] };
}

/** Storage key of a release file; it is served at `<baseUrl>/_storage/<key>`. */
export const releaseFileKey = (uuid: string): string => `releases/${uuid}.json`;

/**
 * Releases, as the real API makes them: a release is created `PENDING` and becomes `SUCCEEDED` (with
 * `attributes.url` set) after `delayMs`. Its file (reference section 6) is a snapshot taken when the release is
 * requested, in the same transaction as its `samples_count`, so writes that race with the build never leak into it.
 * Releases still pending after a restart are finished on start.
 */
export class ReleaseBuilder {
  private readonly timers = new Set<NodeJS.Timeout>();
  baseUrl = "";

  constructor(
    private readonly store: Store,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Stores a new `PENDING` release with the snapshot of its dataset, and schedules its completion. */
  create(release: Omit<ReleaseRecord, "samplesCount">): ReleaseRecord {
    const stored = this.store.transaction(() => {
      const file = this.releaseFile(release);
      const record = { ...release, samplesCount: file.dataset.samples.length };
      this.store.putFile(releaseFileKey(release.uuid), "application/json", Buffer.from(JSON.stringify(file)));
      this.store.putRelease(record);
      return record;
    });
    this.schedule(release.uuid);
    return stored;
  }

  private schedule(uuid: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.finish(uuid);
    }, this.delayMs);
    this.timers.add(timer);
  }

  resumePending(): void {
    for (const release of this.store.listPendingReleases()) this.schedule(release.uuid);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private finish(uuid: string): void {
    const release = this.store.getReleaseByUuid(uuid);
    if (release?.status !== "PENDING") return;
    const key = releaseFileKey(uuid);
    try {
      this.store.transaction(() => {
        // A release left pending by an emulator older than the snapshot-on-request change has no file yet.
        if (!this.store.getFile(key)) {
          this.store.putFile(key, "application/json", Buffer.from(JSON.stringify(this.releaseFile(release))));
        }
        this.store.putRelease({ ...release, status: "SUCCEEDED", url: `${this.baseUrl}${storagePath(key)}` });
      });
    } catch (error) {
      this.onError(error);
      this.store.putRelease({ ...release, status: "FAILED" });
    }
  }

  /** The release file: the dataset's settings, labelsets and every sample with its labels per labelset. */
  private releaseFile(release: Omit<ReleaseRecord, "samplesCount">): ReleaseFile {
    const dataset = this.store.getDatasetById(release.datasetId);
    if (!dataset) throw new Error(`dataset ${release.datasetId} of release ${release.uuid} is gone`);
    const labelsets = this.store.listLabelsets(dataset.id);
    const labelsBySet = new Map(
      labelsets.map((set) => [set.name, this.store.labelsOfDataset(dataset.id, set.name)]),
    );
    const samples = this.store.listSamples(dataset.id).map((sample) => ({
      uuid: sample.uuid,
      name: sample.name,
      attributes: sample.attributes,
      metadata: sample.metadata,
      priority: sample.priority,
      created_at: sample.createdAt,
      created_by: sample.createdBy,
      labels: Object.fromEntries(
        labelsets.map((set) => {
          const label = labelsBySet.get(set.name)?.get(sample.uuid);
          return [
            set.name,
            label
              ? {
                  label_status: label.labelStatus,
                  attributes: label.attributes,
                  score: label.score,
                  created_at: label.createdAt,
                  created_by: label.createdBy,
                  updated_at: label.updatedAt,
                  reviewed_at: label.reviewedAt,
                  reviewed_by: label.reviewedBy,
                }
              : null,
          ];
        }),
      ),
    }));
    return {
      name: release.name,
      description: release.description,
      created_at: release.createdAt,
      dataset: {
        name: dataset.name,
        owner: dataset.owner,
        task_type: dataset.settings.task_type,
        task_attributes: dataset.settings.task_attributes,
        labelsets: labelsets.map((set) => ({ name: set.name, description: set.description })),
        samples,
      },
    };
  }
}
