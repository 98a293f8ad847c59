import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataDirError, startEmulator } from "../src/index.js";
import { DATABASE_FILE } from "../src/store/db.js";
import { client, createDataset, createSample, start } from "./helpers.js";

const packageDir = join(import.meta.dirname, "..");
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "segments-emulator-datadir-"));
  chmodSync(dir, 0o777); // the unprivileged run below may write in it
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});

// Root may write anywhere, so a read-only directory is only read-only to an unprivileged user: run as `nobody`.
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Runs the CLI until it exits (or 20 s pass): its exit code and what it printed on stderr. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx/esm", "--conditions=source", "src/cli.ts", ...args],
    {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TSX_TSCONFIG_PATH: undefined },
      ...asUnprivileged,
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) => {
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("an unusable --data-dir fails at start with one line naming it and the cause", () => {
  it.each([
    ["a regular file", (dir: string) => writeFileSync(join(dir, "file"), "x"), "file", /is not a directory/],
    [
      "a read-only directory",
      (dir: string) => {
        mkdirSync(join(dir, "ro"));
        chmodSync(join(dir, "ro"), 0o555);
      },
      "ro",
      /is not writable \(EACCES/,
    ],
    [
      "inside a read-only directory",
      (dir: string) => {
        mkdirSync(join(dir, "ro"));
        chmodSync(join(dir, "ro"), 0o555);
      },
      "ro/inner",
      /cannot be created \(EACCES/,
    ],
  ])("%s", async (_, prepare, relative, cause) => {
    const base = tempDir();
    prepare(base);
    const dataDir = join(base, relative);
    const { code, stderr } = await runCli(["--port", "0", "--data-dir", dataDir]);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(dataDir);
    expect(lines[0]).toMatch(cause);
  });
});

describe("a corrupt database is refused at start, never reset or written", () => {
  it("refuses a file that is not a database", async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    writeFileSync(file, "this is not an SQLite database, but it is somebody's data".repeat(100));
    const before = sha256(file);
    const { code, stderr } = await runCli(["--port", "0", "--data-dir", dataDir]);
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(dataDir);
    expect(stderr).toMatch(/is corrupt \(PRAGMA quick_check: .*not a database/);
    expect(sha256(file)).toBe(before);
  });

  it("refuses a database whose pages are damaged (quick_check), leaving the file as it was", async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    const jane = client(first);
    await createDataset(jane, "precious");
    for (let i = 0; i < 200; i++) await createSample(jane, "jane/precious", `s-${i}-${"x".repeat(200)}.jpg`);
    await first.close();
    const file = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(file);
    // Scribble over the middle of the file (inside b-tree pages; the header stays valid).
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 3000);
    writeFileSync(file, bytes);
    const before = sha256(file);

    const error = await startEmulator({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as Error).message).toContain(dataDir);
    expect((error as Error).message).toMatch(/corrupt \(PRAGMA quick_check: /);
    expect((error as Error).message).not.toContain("\n");
    expect(sha256(file)).toBe(before);
  });
});
