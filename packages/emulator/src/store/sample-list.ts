import type BetterSqlite3 from "better-sqlite3";
import type { Json, LabelRecord, SampleRecord } from "./records.js";

type Statement = BetterSqlite3.Statement<unknown[]>;

/** The sort keys of `listSamples`, each an indexed column (or the ground-truth label's `updated_at`). */
export const SAMPLE_SORT_COLUMNS = {
  name: "s.name",
  created_at: "s.created_at",
  priority: "s.priority",
  gt_label__updated_at: "g.updated_at",
} as const;

export type SampleSortField = keyof typeof SAMPLE_SORT_COLUMNS;

/** One page request of `listSamples`, already validated. */
export interface SampleQuery {
  datasetId: number;
  /** Labelset whose label comes with each row (and whose status `statuses` filters); undefined: none. */
  labelset?: string;
  /** Labelset the status filter applies to (the `labelset` parameter, else ground-truth). */
  statusLabelset: string;
  nameContains?: string;
  /** Label statuses to keep (`UNLABELED` for samples without a label). */
  statuses?: string[];
  /** `key:value` metadata filters, all of which must match (`String(metadata[key]) === value`). */
  metadataFilters: [string, string][];
  sort: SampleSortField;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface ListedSample {
  sample: SampleRecord;
  label: LabelRecord | undefined;
}

/**
 * Builds the SQL of a sample page. The rows come in index order (`(dataset_id, <sort column>)`) so SQLite stops
 * after the page: listing costs O(offset + page), not O(dataset). Ties keep creation order in both directions (as
 * before; SQLite sorts each group of equal keys on its own, so a descending sort over one huge group of equal
 * priorities reads that group). Sorting by the ground-truth label's `updated_at` is the exception (a join, sorted
 * in full), with NULLs last ascending and first descending as in PostgreSQL.
 */
function sampleSql(query: SampleQuery, paged: boolean): string {
  const direction = query.descending ? "DESC" : "ASC";
  const column = SAMPLE_SORT_COLUMNS[query.sort];
  const joinLabel = query.labelset !== undefined || query.statuses !== undefined;
  const lines = [`SELECT s.data AS sample, ${joinLabel ? "l.data" : "NULL"} AS label FROM samples s`];
  if (joinLabel) lines.push("LEFT JOIN labels l ON l.sample_uuid = s.uuid AND l.labelset = @statusLabelset");
  if (query.sort === "gt_label__updated_at") {
    lines.push("LEFT JOIN labels g ON g.sample_uuid = s.uuid AND g.labelset = 'ground-truth'");
  }
  lines.push("WHERE s.dataset_id = @datasetId");
  if (query.nameContains !== undefined) lines.push("AND instr(s.name, @nameContains) > 0");
  if (query.statuses !== undefined) {
    lines.push("AND coalesce(l.label_status, 'UNLABELED') IN (SELECT value FROM json_each(@statuses))");
  }
  const nullsOrder = query.sort === "gt_label__updated_at" ? `${column} IS NULL ${direction}, ` : "";
  lines.push(`ORDER BY ${nullsOrder}${column} ${direction}, s.rowid ASC`);
  if (paged) lines.push("LIMIT @limit OFFSET @offset");
  return lines.join("\n");
}

const metadataMatches = (metadata: Json, filters: [string, string][]) =>
  filters.every(([key, value]) => key in metadata && String(metadata[key]) === value);

type Row = { sample: string; label: string | null };
const toListed = (row: Row): ListedSample => ({
  sample: JSON.parse(row.sample) as SampleRecord,
  label: row.label === null ? undefined : (JSON.parse(row.label) as LabelRecord),
});

/**
 * One page of samples. Metadata filters are applied while walking the sorted rows (they match inside the JSON
 * record), and the walk stops as soon as the page is full.
 */
export function querySamples(sql: (text: string) => Statement, query: SampleQuery): ListedSample[] {
  const params = {
    datasetId: query.datasetId,
    statusLabelset: query.statusLabelset,
    nameContains: query.nameContains,
    statuses: query.statuses === undefined ? undefined : JSON.stringify(query.statuses),
    limit: query.limit,
    offset: query.offset,
  };
  const bound = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
  if (query.metadataFilters.length === 0) {
    return (sql(sampleSql(query, true)).all(bound) as Row[]).map(toListed);
  }
  const { limit: _limit, offset: _offset, ...unpaged } = bound;
  const page: ListedSample[] = [];
  let skipped = 0;
  for (const row of sql(sampleSql(query, false)).iterate(unpaged) as IterableIterator<Row>) {
    const listed = toListed(row);
    if (!metadataMatches(listed.sample.metadata, query.metadataFilters)) continue;
    if (skipped < query.offset) {
      skipped++;
      continue;
    }
    page.push(listed);
    if (page.length >= query.limit) break;
  }
  return page;
}
