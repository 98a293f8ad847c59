import type BetterSqlite3 from "better-sqlite3";
import type { Db } from "./db.js";
import type {
  CollaboratorRecord,
  DatasetRecord,
  IssueRecord,
  LabelRecord,
  LabelsetRecord,
  ReleaseRecord,
  Role,
  SampleRecord,
  UserRecord,
  WorkunitRecord,
} from "./records.js";
import { type ListedSample, querySamples, type SampleQuery } from "./sample-list.js";

type Statement = BetterSqlite3.Statement<unknown[]>;
type Row = { data: string };
const parse = <T>(row: Row | undefined): T | undefined => (row ? (JSON.parse(row.data) as T) : undefined);
const parseAll = <T>(rows: unknown[]): T[] => (rows as Row[]).map((row) => JSON.parse(row.data) as T);

/**
 * All persistent state of the emulator. Each record is stored whole as JSON next to the columns that index it;
 * statements are prepared once. Multi-row operations run in transactions so they are atomic.
 *
 * One class, and so a file over 400 lines, on purpose: its methods are short reads and writes that share one
 * connection, its statement cache (`sql`), the user and dataset caches and `transaction`, which callers wrap around writes to
 * several resources; split per resource, every part would need all of those. The schema is in schema.ts, opening
 * and migrating in db.ts, the sample listing in sample-list.ts.
 */
export class Store {
  private readonly statements = new Map<string, Statement>();
  // Read-through caches for the rows every request needs (its user and dataset); every write below updates them.
  private readonly usersByKey = new Map<string, UserRecord>();
  private readonly datasetsById = new Map<number, DatasetRecord>();

  constructor(readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  // --- meta -------------------------------------------------------------------------------------------------------
  getMeta(key: string): string | undefined {
    const row = this.sql("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    ).run(key, value);
  }

  // --- users and organizations ------------------------------------------------------------------------------------
  putUser(user: UserRecord): void {
    this.usersByKey.clear();
    this.sql(
      `INSERT INTO users (username, api_key, is_organization, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(username) DO UPDATE SET api_key = excluded.api_key, data = excluded.data`,
    ).run(user.username, user.apiKey, user.isOrganization ? 1 : 0, JSON.stringify(user));
  }

  getUser(username: string): UserRecord | undefined {
    return parse(this.sql("SELECT data FROM users WHERE username = ?").get(username) as Row | undefined);
  }

  getUserByKey(apiKey: string): UserRecord | undefined {
    let user = this.usersByKey.get(apiKey);
    if (!user) {
      user = parse(this.sql("SELECT data FROM users WHERE api_key = ?").get(apiKey) as Row | undefined);
      if (user) this.usersByKey.set(apiKey, user);
    }
    return user;
  }

  countUsers(): number {
    return (this.sql("SELECT count(*) AS n FROM users WHERE is_organization = 0").get() as { n: number }).n;
  }

  putOrgMember(org: string, username: string, role: Role): void {
    this.sql(
      "INSERT INTO org_members (org, username, role) VALUES (?, ?, ?) ON CONFLICT(org, username) DO UPDATE SET role = excluded.role",
    ).run(org, username, role);
  }

  orgRole(org: string, username: string): Role | undefined {
    const row = this.sql("SELECT role FROM org_members WHERE org = ? AND username = ?").get(org, username) as
      | { role: Role }
      | undefined;
    return row?.role;
  }

  putOrgGuest(org: string, username: string): void {
    this.sql("INSERT OR IGNORE INTO org_guests (org, username) VALUES (?, ?)").run(org, username);
  }

  isOrgGuest(org: string, username: string): boolean {
    return (
      this.sql("SELECT 1 FROM org_guests WHERE org = ? AND username = ?").get(org, username) !== undefined
    );
  }

  orgsOf(username: string): { org: string; role: Role }[] {
    return this.sql("SELECT org, role FROM org_members WHERE username = ? ORDER BY org").all(username) as {
      org: string;
      role: Role;
    }[];
  }

  membersOf(org: string): { username: string; role: Role }[] {
    return this.sql("SELECT username, role FROM org_members WHERE org = ? ORDER BY username").all(org) as {
      username: string;
      role: Role;
    }[];
  }

  // --- datasets ---------------------------------------------------------------------------------------------------
  insertDataset(dataset: Omit<DatasetRecord, "id">): DatasetRecord {
    const result = this.sql("INSERT INTO datasets (owner, name, data) VALUES (?, ?, '{}')").run(
      dataset.owner,
      dataset.name,
    );
    const record = { ...dataset, id: Number(result.lastInsertRowid) };
    this.updateDataset(record);
    return record;
  }

  updateDataset(dataset: DatasetRecord): void {
    this.datasetsById.delete(dataset.id);
    this.sql("UPDATE datasets SET data = ? WHERE id = ?").run(JSON.stringify(dataset), dataset.id);
  }

  getDataset(owner: string, name: string): DatasetRecord | undefined {
    return parse(this.sql("SELECT data FROM datasets WHERE owner = ? AND name = ?").get(owner, name) as Row);
  }

  getDatasetById(id: number): DatasetRecord | undefined {
    let dataset = this.datasetsById.get(id);
    if (!dataset) {
      dataset = parse(this.sql("SELECT data FROM datasets WHERE id = ?").get(id) as Row);
      if (dataset) this.datasetsById.set(id, dataset);
    }
    return dataset;
  }

  listDatasetsOwnedBy(owner: string): DatasetRecord[] {
    return parseAll(this.sql("SELECT data FROM datasets WHERE owner = ? ORDER BY id").all(owner));
  }

  listDatasetsCollaboratedBy(username: string): DatasetRecord[] {
    return parseAll(
      this.sql(
        "SELECT d.data FROM datasets d JOIN collaborators c ON c.dataset_id = d.id WHERE c.username = ? ORDER BY d.id",
      ).all(username),
    );
  }

  deleteDataset(id: number): void {
    this.datasetsById.delete(id);
    this.sql("DELETE FROM datasets WHERE id = ?").run(id);
  }

  // --- collaborators ----------------------------------------------------------------------------------------------
  putCollaborator(collaborator: CollaboratorRecord): void {
    this.sql(
      `INSERT INTO collaborators (dataset_id, username, role, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(dataset_id, username) DO UPDATE SET role = excluded.role`,
    ).run(collaborator.datasetId, collaborator.username, collaborator.role, collaborator.createdAt);
  }

  getCollaborator(datasetId: number, username: string): CollaboratorRecord | undefined {
    const row = this.sql(
      "SELECT dataset_id, username, role, created_at FROM collaborators WHERE dataset_id = ? AND username = ?",
    ).get(datasetId, username) as
      | { dataset_id: number; username: string; role: Role; created_at: string }
      | undefined;
    return (
      row && { datasetId: row.dataset_id, username: row.username, role: row.role, createdAt: row.created_at }
    );
  }

  countCollaborators(datasetId: number): number {
    return (
      this.sql("SELECT count(*) AS n FROM collaborators WHERE dataset_id = ?").get(datasetId) as { n: number }
    ).n;
  }

  deleteCollaborator(datasetId: number, username: string): void {
    this.sql("DELETE FROM collaborators WHERE dataset_id = ? AND username = ?").run(datasetId, username);
  }

  // --- labelsets --------------------------------------------------------------------------------------------------
  putLabelset(labelset: LabelsetRecord): void {
    this.sql("INSERT INTO labelsets (dataset_id, name, data) VALUES (?, ?, ?)").run(
      labelset.datasetId,
      labelset.name,
      JSON.stringify(labelset),
    );
  }

  getLabelset(datasetId: number, name: string): LabelsetRecord | undefined {
    return parse(
      this.sql("SELECT data FROM labelsets WHERE dataset_id = ? AND name = ?").get(datasetId, name) as Row,
    );
  }

  listLabelsets(datasetId: number): LabelsetRecord[] {
    return parseAll(
      this.sql("SELECT data FROM labelsets WHERE dataset_id = ? ORDER BY rowid").all(datasetId),
    );
  }

  deleteLabelset(datasetId: number, name: string): void {
    this.transaction(() => {
      this.sql("DELETE FROM labels WHERE dataset_id = ? AND labelset = ?").run(datasetId, name);
      this.sql("DELETE FROM labelsets WHERE dataset_id = ? AND name = ?").run(datasetId, name);
    });
  }

  // --- samples ----------------------------------------------------------------------------------------------------
  insertSample(sample: SampleRecord): void {
    this.sql(
      "INSERT INTO samples (uuid, dataset_id, name, created_at, priority, data) VALUES (?, ?, ?, ?, ?, ?)",
    ).run(
      sample.uuid,
      sample.datasetId,
      sample.name,
      sample.createdAt,
      sample.priority,
      JSON.stringify(sample),
    );
  }

  updateSample(sample: SampleRecord): void {
    this.sql("UPDATE samples SET name = ?, priority = ?, data = ? WHERE uuid = ?").run(
      sample.name,
      sample.priority,
      JSON.stringify(sample),
      sample.uuid,
    );
  }

  getSample(uuid: string): SampleRecord | undefined {
    return parse(this.sql("SELECT data FROM samples WHERE uuid = ?").get(uuid) as Row);
  }

  getSampleByName(datasetId: number, name: string): SampleRecord | undefined {
    return parse(
      this.sql("SELECT data FROM samples WHERE dataset_id = ? AND name = ?").get(datasetId, name) as Row,
    );
  }

  /** Every sample of a dataset in creation order (clone and release files; listing uses {@link querySamples}). */
  listSamples(datasetId: number): SampleRecord[] {
    return parseAll(this.sql("SELECT data FROM samples WHERE dataset_id = ? ORDER BY rowid").all(datasetId));
  }

  /** One page of `listSamples` (see sample-list.ts). */
  querySamples(query: SampleQuery): ListedSample[] {
    return querySamples((text) => this.sql(text), query);
  }

  /** Kept by triggers (schema.ts), so it costs one lookup whatever the dataset's size. */
  countSamples(datasetId: number): number {
    const row = this.sql("SELECT n FROM sample_counts WHERE dataset_id = ?").get(datasetId) as
      | { n: number }
      | undefined;
    return row?.n ?? 0;
  }

  /** Labels per status in one labelset of a dataset (kept by triggers, like {@link countSamples}). */
  labelStatusCounts(datasetId: number, labelset: string): Map<string, number> {
    const rows = this.sql(
      "SELECT label_status, n FROM label_counts WHERE dataset_id = ? AND labelset = ? AND n > 0",
    ).all(datasetId, labelset) as { label_status: string; n: number }[];
    return new Map(rows.map((row) => [row.label_status, row.n]));
  }

  deleteSample(uuid: string): number {
    return this.sql("DELETE FROM samples WHERE uuid = ?").run(uuid).changes;
  }

  deleteSamplesOfDataset(datasetId: number, uuids: string[]): number {
    const remove = this.sql("DELETE FROM samples WHERE uuid = ? AND dataset_id = ?");
    return this.transaction(() =>
      uuids.reduce((count, uuid) => count + remove.run(uuid, datasetId).changes, 0),
    );
  }

  // --- labels -----------------------------------------------------------------------------------------------------
  putLabel(label: LabelRecord, datasetId: number): void {
    this.sql(
      `INSERT INTO labels (sample_uuid, labelset, dataset_id, label_status, updated_at, data) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(sample_uuid, labelset) DO UPDATE SET label_status = excluded.label_status,
         updated_at = excluded.updated_at, data = excluded.data`,
    ).run(
      label.sampleUuid,
      label.labelset,
      datasetId,
      label.labelStatus,
      label.updatedAt,
      JSON.stringify(label),
    );
  }

  getLabel(sampleUuid: string, labelset: string): LabelRecord | undefined {
    return parse(
      this.sql("SELECT data FROM labels WHERE sample_uuid = ? AND labelset = ?").get(
        sampleUuid,
        labelset,
      ) as Row,
    );
  }

  /** Labels of one labelset for every sample of a dataset, keyed by sample uuid. */
  labelsOfDataset(datasetId: number, labelset: string): Map<string, LabelRecord> {
    const rows = parseAll<LabelRecord>(
      this.sql("SELECT data FROM labels WHERE dataset_id = ? AND labelset = ?").all(datasetId, labelset),
    );
    return new Map(rows.map((label) => [label.sampleUuid, label]));
  }

  labelsOfSample(sampleUuid: string): LabelRecord[] {
    return parseAll(this.sql("SELECT data FROM labels WHERE sample_uuid = ?").all(sampleUuid));
  }

  deleteLabel(sampleUuid: string, labelset: string): number {
    return this.sql("DELETE FROM labels WHERE sample_uuid = ? AND labelset = ?").run(sampleUuid, labelset)
      .changes;
  }

  // --- issues -----------------------------------------------------------------------------------------------------
  putIssue(issue: IssueRecord): void {
    this.sql(
      `INSERT INTO issues (uuid, dataset_id, sample_uuid, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(uuid) DO UPDATE SET data = excluded.data`,
    ).run(issue.uuid, issue.datasetId, issue.sampleUuid, JSON.stringify(issue));
  }

  getIssue(uuid: string): IssueRecord | undefined {
    return parse(this.sql("SELECT data FROM issues WHERE uuid = ?").get(uuid) as Row);
  }

  listIssues(datasetId: number): IssueRecord[] {
    return parseAll(this.sql("SELECT data FROM issues WHERE dataset_id = ? ORDER BY rowid").all(datasetId));
  }

  issuesOfSample(sampleUuid: string): IssueRecord[] {
    return parseAll(this.sql("SELECT data FROM issues WHERE sample_uuid = ? ORDER BY rowid").all(sampleUuid));
  }

  deleteIssue(uuid: string): void {
    this.sql("DELETE FROM issues WHERE uuid = ?").run(uuid);
  }

  // --- releases ---------------------------------------------------------------------------------------------------
  putRelease(release: ReleaseRecord): void {
    this.sql(
      `INSERT INTO releases (uuid, dataset_id, name, data) VALUES (?, ?, ?, ?)
       ON CONFLICT(uuid) DO UPDATE SET data = excluded.data`,
    ).run(release.uuid, release.datasetId, release.name, JSON.stringify(release));
  }

  getRelease(datasetId: number, name: string): ReleaseRecord | undefined {
    return parse(
      this.sql("SELECT data FROM releases WHERE dataset_id = ? AND name = ?").get(datasetId, name) as Row,
    );
  }

  getReleaseByUuid(uuid: string): ReleaseRecord | undefined {
    return parse(this.sql("SELECT data FROM releases WHERE uuid = ?").get(uuid) as Row);
  }

  listReleases(datasetId: number): ReleaseRecord[] {
    return parseAll(this.sql("SELECT data FROM releases WHERE dataset_id = ? ORDER BY rowid").all(datasetId));
  }

  listPendingReleases(): ReleaseRecord[] {
    return parseAll<ReleaseRecord>(this.sql("SELECT data FROM releases").all()).filter(
      (r) => r.status === "PENDING",
    );
  }

  deleteRelease(uuid: string): void {
    this.sql("DELETE FROM releases WHERE uuid = ?").run(uuid);
  }

  // --- workunits --------------------------------------------------------------------------------------------------
  insertWorkunit(workunit: WorkunitRecord): void {
    this.sql("INSERT INTO workunits (uuid, dataset_id, created_at, data) VALUES (?, ?, ?, ?)").run(
      workunit.uuid,
      workunit.datasetId,
      workunit.createdAt,
      JSON.stringify(workunit),
    );
  }

  listWorkunits(datasetId: number): WorkunitRecord[] {
    return parseAll(
      this.sql("SELECT data FROM workunits WHERE dataset_id = ? ORDER BY rowid").all(datasetId),
    );
  }

  // --- stored files (assets and release files) ------------------------------------------------------------------
  putFile(key: string, contentType: string, body: Buffer): void {
    this.sql(
      `INSERT INTO files (key, content_type, body) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET content_type = excluded.content_type, body = excluded.body`,
    ).run(key, contentType, body);
  }

  getFile(key: string): { contentType: string; body: Buffer } | undefined {
    const row = this.sql("SELECT content_type, body FROM files WHERE key = ?").get(key) as
      | { content_type: string; body: Buffer }
      | undefined;
    return row && { contentType: row.content_type, body: row.body };
  }

  deleteFile(key: string): void {
    this.sql("DELETE FROM files WHERE key = ?").run(key);
  }
}
