import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";

/** The SQLite connection type used by every store module. */
export type Db = Database.Database;

// Simple tables: a few indexed columns for lookups and uniqueness, the rest of each record as a JSON column.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  username TEXT PRIMARY KEY,
  api_key TEXT UNIQUE,
  is_organization INTEGER NOT NULL DEFAULT 0,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS org_members (
  org TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (org, username)
);
CREATE TABLE IF NOT EXISTS datasets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (owner, name)
);
CREATE TABLE IF NOT EXISTS collaborators (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (dataset_id, username)
);
CREATE TABLE IF NOT EXISTS labelsets (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (dataset_id, name)
);
CREATE TABLE IF NOT EXISTS samples (
  uuid TEXT PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (dataset_id, name)
);
CREATE TABLE IF NOT EXISTS labels (
  sample_uuid TEXT NOT NULL REFERENCES samples(uuid) ON DELETE CASCADE,
  labelset TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (sample_uuid, labelset)
);
CREATE TABLE IF NOT EXISTS issues (
  uuid TEXT PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  sample_uuid TEXT NOT NULL REFERENCES samples(uuid) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS releases (
  uuid TEXT PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (dataset_id, name)
);
CREATE TABLE IF NOT EXISTS workunits (
  uuid TEXT PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
  key TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS samples_by_dataset ON samples (dataset_id);
CREATE INDEX IF NOT EXISTS issues_by_dataset ON issues (dataset_id);
CREATE INDEX IF NOT EXISTS workunits_by_dataset ON workunits (dataset_id, created_at);
`;

/**
 * Opens the emulator database: in memory without `dataDir`, else `<dataDir>/emulator.sqlite` in WAL mode with
 * `synchronous=FULL`, so a write acknowledged to a client survives a crash or `kill -9` of the process.
 */
export function openDatabase(dataDir?: string): Db {
  let db: Db;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, "emulator.sqlite"));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
  } else {
    db = new Database(":memory:");
  }
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  return db;
}
