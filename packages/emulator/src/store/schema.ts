/**
 * The emulator's SQLite schema. Each record is stored whole as JSON (`data`) next to the columns that index it:
 * the columns are what lookups, uniqueness, sorting and filtering need, so listing a page reads one page of rows.
 * `PRAGMA user_version` holds SCHEMA_VERSION; databases of older versions are migrated on open (db.ts).
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
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
CREATE TABLE IF NOT EXISTS org_guests (
  org TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
  username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
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
  created_at TEXT NOT NULL,
  priority REAL NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (dataset_id, name)
);
CREATE TABLE IF NOT EXISTS labels (
  sample_uuid TEXT NOT NULL REFERENCES samples(uuid) ON DELETE CASCADE,
  labelset TEXT NOT NULL,
  dataset_id INTEGER NOT NULL,
  label_status TEXT NOT NULL,
  updated_at TEXT NOT NULL,
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
-- Counts kept by the triggers below, so dataset answers never count a million rows.
CREATE TABLE IF NOT EXISTS sample_counts (dataset_id INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS label_counts (
  dataset_id INTEGER NOT NULL,
  labelset TEXT NOT NULL,
  label_status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (dataset_id, labelset, label_status)
);
CREATE INDEX IF NOT EXISTS samples_by_created ON samples (dataset_id, created_at);
CREATE INDEX IF NOT EXISTS samples_by_priority ON samples (dataset_id, priority);
CREATE INDEX IF NOT EXISTS labels_by_dataset ON labels (dataset_id, labelset);
CREATE INDEX IF NOT EXISTS issues_by_dataset ON issues (dataset_id);
CREATE INDEX IF NOT EXISTS workunits_by_dataset ON workunits (dataset_id, created_at);
`;

/** Keep sample_counts and label_counts exact on every insert, delete (cascades included) and status change. */
export const COUNT_TRIGGERS = `
CREATE TRIGGER IF NOT EXISTS samples_counted AFTER INSERT ON samples BEGIN
  INSERT INTO sample_counts (dataset_id, n) VALUES (NEW.dataset_id, 1)
    ON CONFLICT (dataset_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS samples_uncounted AFTER DELETE ON samples BEGIN
  UPDATE sample_counts SET n = n - 1 WHERE dataset_id = OLD.dataset_id;
END;
CREATE TRIGGER IF NOT EXISTS labels_counted AFTER INSERT ON labels BEGIN
  INSERT INTO label_counts (dataset_id, labelset, label_status, n)
    VALUES (NEW.dataset_id, NEW.labelset, NEW.label_status, 1)
    ON CONFLICT (dataset_id, labelset, label_status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS labels_uncounted AFTER DELETE ON labels BEGIN
  UPDATE label_counts SET n = n - 1
    WHERE dataset_id = OLD.dataset_id AND labelset = OLD.labelset AND label_status = OLD.label_status;
END;
CREATE TRIGGER IF NOT EXISTS labels_recounted AFTER UPDATE OF label_status ON labels
  WHEN OLD.label_status IS NOT NEW.label_status BEGIN
  UPDATE label_counts SET n = n - 1
    WHERE dataset_id = OLD.dataset_id AND labelset = OLD.labelset AND label_status = OLD.label_status;
  INSERT INTO label_counts (dataset_id, labelset, label_status, n)
    VALUES (NEW.dataset_id, NEW.labelset, NEW.label_status, 1)
    ON CONFLICT (dataset_id, labelset, label_status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS dataset_counts_dropped AFTER DELETE ON datasets BEGIN
  DELETE FROM sample_counts WHERE dataset_id = OLD.id;
  DELETE FROM label_counts WHERE dataset_id = OLD.id;
END;
`;

/** Version 1 (user_version 0) kept sample and label fields only in JSON: add the indexed columns and fill them. */
export const LEGACY_TO_V2 = `
ALTER TABLE samples ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
ALTER TABLE samples ADD COLUMN priority REAL NOT NULL DEFAULT 0;
UPDATE samples SET created_at = json_extract(data, '$.createdAt'),
  priority = coalesce(json_extract(data, '$.priority'), 0);
ALTER TABLE labels ADD COLUMN dataset_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE labels ADD COLUMN label_status TEXT NOT NULL DEFAULT '';
ALTER TABLE labels ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE labels SET dataset_id = (SELECT s.dataset_id FROM samples s WHERE s.uuid = labels.sample_uuid),
  label_status = json_extract(data, '$.labelStatus'), updated_at = json_extract(data, '$.updatedAt');
DROP INDEX IF EXISTS samples_by_dataset;
`;
