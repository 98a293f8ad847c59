import type { App } from "../app.js";
import type { Standing } from "../auth/permissions.js";
import { LABEL_STATUSES, type LabelStatus, type Subscription } from "../generated/enums.js";
import type {
  DatasetRecord,
  IssueRecord,
  Json,
  LabelRecord,
  LabelsetRecord,
  ReleaseRecord,
  SampleRecord,
  UserRecord,
  WorkunitRecord,
} from "../store/records.js";

/** The wire shape of a user; `self` adds the private fields only the user sees about themself. */
export function serializeUser(app: App, user: UserRecord, self = false): Json {
  const wire: Json = {
    username: user.username,
    created_at: user.createdAt,
    is_organization: user.isOrganization,
  };
  if (user.isOrganization) {
    wire.members = app.store.membersOf(user.username).map(({ username, role }) => {
      const member = app.store.getUser(username);
      return {
        username,
        created_at: member?.createdAt ?? user.createdAt,
        is_organization: false,
        organization_role: role,
      };
    });
    return wire;
  }
  if (self) {
    wire.email = user.email ?? `${user.username}@example.com`;
    wire.webhooks_enabled = false;
    wire.private_upload_count = 0;
    wire.public_upload_count = 0;
    wire.subscription = "FREE" satisfies Subscription;
    wire.is_trial_expired = false;
    wire.organizations = app.store.orgsOf(user.username).map(({ org, role }) => {
      const organization = app.store.getUser(org);
      return {
        username: org,
        created_at: organization?.createdAt ?? user.createdAt,
        is_organization: true,
        organization_role: role,
      };
    });
  }
  return wire;
}

/** Every label status but UNLABELED (counted as the samples without a label), from the spec's LabelStatus enum. */
const LABELED_STATUSES = LABEL_STATUSES.filter((status) => status !== "UNLABELED");

function labelStats(app: App, dataset: DatasetRecord): Json {
  const total = app.store.countSamples(dataset.id);
  const stats: Record<string, number> = Object.fromEntries(LABELED_STATUSES.map((status) => [status, 0]));
  let labeled = 0;
  for (const [status, count] of app.store.labelStatusCounts(dataset.id, "ground-truth")) {
    stats[status] = (stats[status] ?? 0) + count;
    labeled += count;
  }
  return { ...stats, UNLABELED: total - labeled, TOTAL: total };
}

export function serializeLabelset(labelset: LabelsetRecord): Json {
  return {
    name: labelset.name,
    description: labelset.description,
    is_groundtruth: labelset.name === "ground-truth",
    created_at: labelset.createdAt,
  };
}

export function serializeDataset(app: App, dataset: DatasetRecord, standing: Standing | undefined): Json {
  const owner = app.store.getUser(dataset.owner);
  const wire: Json = {
    name: dataset.name,
    full_name: `${dataset.owner}/${dataset.name}`,
    cloned_from: null,
    ...dataset.settings,
    owner: { username: dataset.owner, created_at: owner?.createdAt ?? dataset.createdAt },
    created_at: dataset.createdAt,
    label_stats: labelStats(app, dataset),
    samples_count: app.store.countSamples(dataset.id),
    collaborators_count: app.store.countCollaborators(dataset.id),
    labelsets: app.store.listLabelsets(dataset.id).map(serializeLabelset),
    noncollaborator_can_label: false,
    noncollaborator_can_review: false,
  };
  if (standing !== undefined && standing !== "viewer" && standing !== "guest")
    wire.role = standing === "owner" ? "admin" : standing;
  return wire;
}

export function serializeLabel(label: LabelRecord, taskType: string): Json {
  return {
    sample_uuid: label.sampleUuid,
    label_type: taskType,
    label_status: label.labelStatus,
    labelset: label.labelset,
    attributes: label.attributes,
    created_at: label.createdAt,
    created_by: label.createdBy,
    updated_at: label.updatedAt,
    updated_by: label.updatedBy,
    score: label.score,
    rating: null,
    reviewed_at: label.reviewedAt,
    reviewed_by: label.reviewedBy,
  };
}

/** The label summary `listSamples?labelset=` puts on each sample; an unlabeled sample reports `UNLABELED`. */
export function serializeLabelSummary(label: LabelRecord | undefined): Json {
  if (!label)
    return {
      label_status: "UNLABELED" satisfies LabelStatus,
      score: null,
      updated_at: null,
      created_by: null,
      reviewed_by: null,
    };
  return {
    label_status: label.labelStatus,
    score: label.score,
    updated_at: label.updatedAt,
    created_by: label.createdBy,
    reviewed_by: label.reviewedBy,
  };
}

export function serializeSample(sample: SampleRecord, datasetFullName: string): Json {
  return {
    uuid: sample.uuid,
    name: sample.name,
    attributes: sample.attributes,
    metadata: sample.metadata,
    created_at: sample.createdAt,
    created_by: sample.createdBy,
    priority: sample.priority,
    readme: sample.readme,
    assigned_labeler: sample.assignedLabeler,
    assigned_reviewer: sample.assignedReviewer,
    dataset_full_name: datasetFullName,
  };
}

export function serializeIssue(issue: IssueRecord): Json {
  const wire: Json = {
    uuid: issue.uuid,
    description: issue.description,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    created_by: issue.createdBy,
    updated_by: issue.updatedBy,
    status: issue.status,
    comments: [],
    sample_uuid: issue.sampleUuid,
    sample_name: issue.sampleName,
  };
  if (issue.anchor) wire.anchor = issue.anchor;
  return wire;
}

export function serializeRelease(release: ReleaseRecord): Json {
  return {
    uuid: release.uuid,
    name: release.name,
    description: release.description,
    release_type: "JSON",
    attributes: release.url ? { url: release.url } : {},
    status: release.status,
    created_at: release.createdAt,
    samples_count: release.samplesCount,
  };
}

export function serializeWorkunit(workunit: WorkunitRecord, withMetrics: boolean): Json {
  const wire: Json = {
    uuid: workunit.uuid,
    created_at: workunit.createdAt,
    created_by: workunit.createdBy,
    work_type: workunit.workType,
    time: workunit.time,
    inactive_time: 0,
    sample_uuid: workunit.sampleUuid,
    sample_name: workunit.sampleName,
    next_label_status: workunit.nextLabelStatus,
  };
  if (withMetrics) wire.session_time_metrics = { active_time: workunit.time, inactive_time: 0 };
  return wire;
}
