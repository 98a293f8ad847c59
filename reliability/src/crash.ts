/**
 * Crash-safety harness: runs the emulator CLI as a real child process on a data directory, drives a write-heavy
 * load at it with plain `fetch`, records every write the server acknowledged, and checks after a `kill -9` and a
 * restart that each of them survived.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const CLI = fileURLToPath(new URL("../../packages/emulator/src/cli.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface EmulatorProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed. */
  output: string[];
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

/** Starts `segments-emulator --data-dir <dir> --port 0 --user <user>:<key>` and waits for its URL. */
export function spawnEmulator(dataDir: string, username: string, apiKey: string): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=source",
      CLI,
      "--data-dir",
      dataDir,
      "--port",
      "0",
      "--user",
      `${username}:${apiKey}`,
    ],
    { cwd: PACKAGE_DIR, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      kill().then(() => reject(new Error(`emulator did not start:\n${output.join("")}`)));
    }, 45_000);
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listening on (http:\/\/\S+)/.exec(output.join(""));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child, output, kill });
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited early (${code ?? signal}):\n${output.join("")}`));
    });
  });
}

/** SQLite's own consistency checks on the data file: page structure and foreign keys. */
export function checkDatabase(file: string): { integrity: string; foreignKeyViolations: number } {
  const db = new Database(file);
  try {
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const foreignKeyViolations = (db.pragma("foreign_key_check") as unknown[]).length;
    return { integrity, foreignKeyViolations };
  } finally {
    db.close();
  }
}

export interface AckedSample {
  name: string;
  uuid: string;
}

/** What the server acknowledged (2xx received) and what was in flight when it died. */
export interface CrashLedger {
  samples: Map<string, AckedSample>;
  /** uuid -> label attributes acknowledged. */
  labels: Map<string, unknown>;
  /** uuids whose DELETE was acknowledged. */
  deleted: Set<string>;
  /** Bulk batches sent but not acknowledged: each must be all there or all absent. */
  unackedBatches: string[][];
  /** uuids whose label PUT or DELETE was not acknowledged: either outcome is fine. */
  uncertain: Set<string>;
  /** Samples acknowledged and neither labeled nor deleted yet: the pool later cycles label and delete. */
  pool: AckedSample[];
  acknowledged: number;
}

export function emptyLedger(): CrashLedger {
  return {
    samples: new Map(),
    labels: new Map(),
    deleted: new Set(),
    unackedBatches: [],
    uncertain: new Set(),
    pool: [],
    acknowledged: 0,
  };
}

export const crashLabel = (seed: number) => ({
  format_version: "0.1",
  annotations: [
    {
      id: 1,
      category_id: 1,
      type: "bbox",
      points: [
        [seed % 100, 1],
        [(seed % 100) + 5, 9],
      ],
    },
  ],
});

/**
 * Runs four concurrent writers (single adds, bulk adds, label PUTs, deletes) until the server stops answering.
 * Every 2xx is recorded in `ledger`; requests that failed (the server was killed) are recorded as uncertain.
 */
export async function writeUntilDead(
  url: string,
  apiKey: string,
  dataset: string,
  cycle: number,
  ledger: CrashLedger,
): Promise<void> {
  const headers = { Authorization: `APIKey ${apiKey}`, "Content-Type": "application/json" };
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const image = (name: string) => ({ image: { url: `https://example.com/${name}.jpg` } });
  const ack = (sample: AckedSample) => {
    ledger.samples.set(sample.name, sample);
    ledger.pool.push(sample);
    ledger.acknowledged++;
  };
  let alive = true;
  // Nothing to do yet: yield to timers (a loop of resolved promises would starve them).
  const idle = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5));

  async function loop(step: (i: number) => Promise<boolean>) {
    for (let i = 0; alive; i++) {
      try {
        if (!(await step(i))) return;
      } catch {
        alive = false; // connection refused or reset: the process is gone
      }
    }
  }

  const singles = loop(async (i) => {
    const name = `c${cycle}-single-${i}`;
    const response = await send("POST", `/datasets/${dataset}/samples/`, { name, attributes: image(name) });
    if (response.status !== 201) throw new Error(`single add: ${response.status}`);
    ack({ name, uuid: ((await response.json()) as { uuid: string }).uuid });
    return true;
  });

  const bulks = loop(async (i) => {
    const names = Array.from({ length: 5 }, (_, k) => `c${cycle}-bulk-${i}-${k}`);
    ledger.unackedBatches.push(names);
    const response = await send(
      "POST",
      `/datasets/${dataset}/samples_bulk/`,
      names.map((name) => ({ name, attributes: image(name) })),
    );
    if (!response.ok) throw new Error(`bulk add: ${response.status}`);
    const created = (await response.json()) as AckedSample[];
    ledger.unackedBatches.pop();
    for (const sample of created) ack({ name: sample.name, uuid: sample.uuid });
    return true;
  });

  const labels = loop(async (i) => {
    const sample = ledger.pool.shift();
    if (!sample) return idle();
    ledger.uncertain.add(sample.uuid);
    const attributes = crashLabel(cycle * 1000 + i);
    const response = await send("PUT", `/labels/${sample.uuid}/ground-truth/`, {
      attributes,
      label_status: "LABELED",
    });
    if (!response.ok) throw new Error(`label put: ${response.status}`);
    await response.arrayBuffer();
    ledger.uncertain.delete(sample.uuid);
    ledger.labels.set(sample.uuid, attributes);
    ledger.acknowledged++;
    return true;
  });

  const deletes = loop(async () => {
    const sample = ledger.pool.shift();
    if (!sample) return idle();
    ledger.uncertain.add(sample.uuid);
    const response = await send("DELETE", `/samples/${sample.uuid}/`);
    if (response.status !== 204) throw new Error(`delete: ${response.status}`);
    ledger.uncertain.delete(sample.uuid);
    ledger.deleted.add(sample.uuid);
    ledger.acknowledged++;
    return true;
  });

  await Promise.all([singles, bulks, labels, deletes]);
}

interface ListedSample {
  name: string;
  uuid: string;
  label: { attributes: unknown } | null;
}

/** Lists every sample with its full ground-truth label, page by page. */
export async function listAll(url: string, apiKey: string, dataset: string): Promise<ListedSample[]> {
  const all: ListedSample[] = [];
  for (let page = 1; ; page++) {
    const response = await fetch(
      `${url}/datasets/${dataset}/samples/?labelset=ground-truth&include_full_label=1&per_page=1000&page=${page}`,
      { headers: { Authorization: `APIKey ${apiKey}` } },
    );
    if (response.status === 404 && page > 1) return all;
    if (!response.ok) throw new Error(`list samples: ${response.status} ${await response.text()}`);
    const items = (await response.json()) as ListedSample[];
    all.push(...items);
    if (items.length < 1000) return all;
  }
}

/** Every acknowledged write that is missing or wrong, and every sign of a half-applied write. */
export function verifyLedger(ledger: CrashLedger, listed: ListedSample[]): string[] {
  const problems: string[] = [];
  const byName = new Map<string, ListedSample>();
  for (const sample of listed) {
    if (byName.has(sample.name)) problems.push(`duplicate sample ${sample.name}`);
    byName.set(sample.name, sample);
  }
  const byUuid = new Map(listed.map((sample) => [sample.uuid, sample]));
  for (const [name, acked] of ledger.samples) {
    const found = byName.get(name);
    if (ledger.deleted.has(acked.uuid)) {
      if (found) problems.push(`acknowledged delete of ${name} was lost`);
      continue;
    }
    if (ledger.uncertain.has(acked.uuid)) continue;
    if (!found) problems.push(`acknowledged sample ${name} was lost`);
    else if (found.uuid !== acked.uuid) problems.push(`sample ${name} changed uuid`);
  }
  for (const [uuid, attributes] of ledger.labels) {
    const found = byUuid.get(uuid);
    if (!found?.label) problems.push(`acknowledged label of ${uuid} was lost`);
    else if (JSON.stringify(found.label.attributes) !== JSON.stringify(attributes)) {
      problems.push(`label of ${uuid} differs from the acknowledged one`);
    }
  }
  for (const batch of ledger.unackedBatches) {
    const present = batch.filter((name) => byName.has(name)).length;
    if (present !== 0 && present !== batch.length) {
      problems.push(`bulk batch half applied: ${present}/${batch.length} of ${batch[0]}...`);
    }
  }
  return problems;
}
