/**
 * Emulator crash safety: the CLI runs as a child process with `--data-dir`; a write-heavy load runs against it and
 * the process gets `kill -9` at a random point, then restarts on the same directory. Every acknowledged write must be
 * there after the restart, SQLite must report the file consistent, and no bulk batch may be half applied.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  checkDatabase,
  type EmulatorProcess,
  emptyLedger,
  listAll,
  spawnEmulator,
  verifyLedger,
  writeUntilDead,
} from "../src/crash.ts";
import { seededRandom } from "../src/fault-proxy.ts";
import { recordFigures } from "../src/report.ts";

const KILLS = 20;
const USER = "crash";
const KEY = "crash-key-2b8e";
const SEED = Number(process.env.RELIABILITY_SEED ?? 7_331);

describe("crash safety: kill -9 during writes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "segments-crash-"));
  let current: EmulatorProcess | undefined;

  afterAll(async () => {
    await current?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${KILLS} kills at random points lose no acknowledged write`, async () => {
    const random = seededRandom(SEED);
    const ledger = emptyLedger();
    const dataset = `${USER}/crashes`;
    const killDelays: number[] = [];
    let verifications = 0;
    let maxVerified = 0;
    const started = performance.now();

    current = await spawnEmulator(dataDir, USER, KEY);
    const created = await fetch(`${current.url}/user/datasets/`, {
      method: "POST",
      headers: { Authorization: `APIKey ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "crashes",
        task_type: "vector",
        task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "object" }] },
      }),
    });
    expect(created.status).toBe(201);

    for (let cycle = 0; cycle < KILLS; cycle++) {
      const server = current;
      const delay = 150 + Math.floor(random() * 650);
      killDelays.push(delay);
      const writes = writeUntilDead(server.url, KEY, dataset, cycle, ledger);
      await new Promise((resolve) => setTimeout(resolve, delay));
      await server.kill();
      await writes;

      const database = checkDatabase(join(dataDir, "emulator.sqlite"));
      expect(database, `cycle ${cycle}`).toEqual({ integrity: "ok", foreignKeyViolations: 0 });

      current = await spawnEmulator(dataDir, USER, KEY);
      const listed = await listAll(current.url, KEY, dataset);
      expect(verifyLedger(ledger, listed), `after kill ${cycle + 1}`).toEqual([]);
      verifications++;
      maxVerified = ledger.acknowledged;
    }
    await current.kill();

    recordFigures("Crash safety: kill -9 and restart", {
      seed: SEED,
      kills: KILLS,
      "restarts verified": verifications,
      "acknowledged writes verified": maxVerified,
      "acknowledged samples": ledger.samples.size,
      "acknowledged labels": ledger.labels.size,
      "acknowledged deletes": ledger.deleted.size,
      "in-flight bulk batches checked all-or-nothing": ledger.unackedBatches.length,
      "kill delay ms (min..max)": `${Math.min(...killDelays)}..${Math.max(...killDelays)}`,
      "sqlite integrity_check": "ok every time",
      "duration s": (performance.now() - started) / 1000,
    });
    expect(verifications).toBe(KILLS);
    expect(ledger.acknowledged).toBeGreaterThan(KILLS * 10);
  });
});
