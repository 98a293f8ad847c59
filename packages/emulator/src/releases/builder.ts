import type { Json, ReleaseRecord } from "../store/records.js";
import type { Store } from "../store/store.js";

/** Storage key of a release file; it is served at `<baseUrl>/_storage/<key>`. */
export const releaseFileKey = (uuid: string): string => `releases/${uuid}.json`;

/**
 * Builds release files asynchronously, as the real API does: a release is created `PENDING`, and after `delayMs`
 * its JSON file (reference section 6) is written to storage and the release becomes `SUCCEEDED` with
 * `attributes.url` set. Releases still pending after a restart are built on start.
 */
export class ReleaseBuilder {
  private readonly timers = new Set<NodeJS.Timeout>();
  baseUrl = "";

  constructor(
    private readonly store: Store,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(uuid: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.build(uuid);
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

  private build(uuid: string): void {
    const release = this.store.getReleaseByUuid(uuid);
    if (release?.status !== "PENDING") return;
    try {
      const file = this.releaseFile(release);
      const key = releaseFileKey(uuid);
      this.store.transaction(() => {
        this.store.putFile(key, "application/json", Buffer.from(JSON.stringify(file)));
        this.store.putRelease({ ...release, status: "SUCCEEDED", url: `${this.baseUrl}/_storage/${key}` });
      });
    } catch (error) {
      this.onError(error);
      this.store.putRelease({ ...release, status: "FAILED" });
    }
  }

  /** The release file: the dataset's settings, labelsets and every sample with its labels per labelset. */
  private releaseFile(release: ReleaseRecord): Json {
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
