import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { COUNT_TRIGGERS, LEGACY_TO_V2, SCHEMA, SCHEMA_VERSION } from "./schema.js";

/** The SQLite connection type used by every store module. */
export type Db = Database.Database;

/** The database file inside `--data-dir`. */
export const DATABASE_FILE = "emulator.sqlite";

/** A `--data-dir` the emulator cannot use; the message is one line naming the directory and the cause. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    cause: string,
  ) {
    super(`data directory ${dataDir}: ${cause}`);
    this.name = "DataDirError";
  }
}

/** One line: the error's code and message (Node's fs messages already start with the code). */
const describe = (error: unknown): string => {
  const { code, message } = error as { code?: string; message?: string };
  const text = String(message ?? error).replace(/\s+/g, " ");
  return code && !text.startsWith(code) ? `${code}: ${text}` : text;
};

/** Creates the directory if needed and checks it is a writable directory. */
function prepareDirectory(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new DataDirError(dataDir, "is not a directory");
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DataDirError(dataDir, `cannot be created (${describe(error)})`);
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new DataDirError(dataDir, `is not writable (${describe(error)})`);
  }
}

/**
 * Checks an existing database before anything is written to it: `PRAGMA quick_check` must answer ok. A corrupt
 * file is refused, never reset or repaired, so the user can still rescue what is in it.
 */
function checkIntegrity(db: Db, dataDir: string): void {
  let problems: string[];
  try {
    problems = (db.pragma("quick_check") as { quick_check: string }[]).map((row) =>
      row.quick_check.replace(/\s+/g, " "),
    );
  } catch (error) {
    problems = [describe(error)];
  }
  if (problems.length === 1 && problems[0] === "ok") return;
  db.close();
  throw new DataDirError(
    dataDir,
    `${DATABASE_FILE} is corrupt (PRAGMA quick_check: ${problems.slice(0, 3).join("; ")}); the emulator does not ` +
      "reset or write to it: move it away (or restore a backup) to start",
  );
}

/** Creates the schema on a new database, or brings an older one up to date, in one transaction. */
function migrate(db: Db): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${version}; this emulator knows up to ${SCHEMA_VERSION}`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'samples'").get() !== undefined;
  db.transaction(() => {
    if (hasTables) db.exec(LEGACY_TO_V2);
    db.exec(SCHEMA);
    db.exec(COUNT_TRIGGERS);
    if (hasTables) {
      db.exec(`INSERT INTO sample_counts SELECT dataset_id, count(*) FROM samples GROUP BY dataset_id;
        INSERT INTO label_counts SELECT dataset_id, labelset, label_status, count(*) FROM labels GROUP BY 1, 2, 3;`);
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function openFile(dataDir: string): Db {
  prepareDirectory(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  const existed = existsSync(file);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new DataDirError(dataDir, `cannot open ${DATABASE_FILE} (${describe(error)})`);
  }
  if (existed) checkIntegrity(db, dataDir);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (error) {
    db.close();
    throw new DataDirError(dataDir, `cannot write ${DATABASE_FILE} (${describe(error)})`);
  }
  return db;
}

/**
 * Opens the emulator database: in memory without `dataDir`, else `<dataDir>/emulator.sqlite` in WAL mode with
 * `synchronous=FULL`, so a write acknowledged to a client survives a crash or `kill -9` of the process. A directory
 * that cannot be used, or a database that fails its integrity check, throws a {@link DataDirError}.
 */
export function openDatabase(dataDir?: string): Db {
  if (dataDir) return openFile(dataDir);
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  migrate(db);
  return db;
}
