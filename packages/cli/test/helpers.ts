/**
 * Test helpers: spawn the CLI and the emulator as real processes (from their TypeScript sources, through tsx), make
 * test images, and make sure every child process is killed when the tests end.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodePng } from "@segments-ts/bitmap";
import { run } from "../src/run.ts";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..");
const CLI = join(packageDir, "src", "cli.ts");
const EMULATOR_CLI = join(packageDir, "..", "emulator", "src", "cli.ts");
// tsx by absolute URL, so a CLI started in another folder (a test's temporary one) still finds it.
const NODE_ARGS = ["--import", import.meta.resolve("tsx"), "--conditions=source"];

const children = new Set<ChildProcess>();

/** Kills every child still running (call from afterAll/afterEach). */
export function killAll(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  children.clear();
}

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** A minimal environment: no inherited SEGMENTS_* variables, so each test says exactly what the CLI sees. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
  };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

/** A running CLI process with its output so far. */
export interface CliProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or 128 + signal number style: the signal name) when it ends. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `segments <args>` as a real process (in the package directory unless `cwd` is given). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd = packageDir): CliProcess {
  const child = track(spawn(process.execPath, [...NODE_ARGS, CLI, ...args], { cwd, env }));
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/** Runs `segments <args>` to completion. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = startCli(args, env, cwd);
  const { code } = await cli.done;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

/** Waits until `read()` matches `pattern`, or fails after `timeoutMs`. */
export async function waitForOutput(
  read: () => string,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(read());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} in:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A real `segments-emulator` process on a free port of 127.0.0.1. */
export interface EmulatorProcess {
  url: string;
  stop(): Promise<void>;
}

/** Spawns the emulator's own CLI with the given users (NAME:KEY). */
export async function spawnEmulator(users: string[]): Promise<EmulatorProcess> {
  const args = [...NODE_ARGS, EMULATOR_CLI, "--host", "127.0.0.1", "--port", "0"];
  for (const user of users) args.push("--user", user);
  const child = track(spawn(process.execPath, args, { cwd: packageDir, env: baseEnv() }));
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const match = await waitForOutput(() => output, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return {
    url: match[1] as string,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Writes `count` distinct PNG files (some in a sub-directory) and returns the directory and the expected names. */
export async function makeImages(count: number, size = 16): Promise<{ dir: string; names: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "segments-cli-images-"));
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${i % 4 === 0 ? "night/" : ""}img-${String(i).padStart(3, "0")}.png`;
    const data = new Uint8Array(size * size * 3);
    // Pseudo-random pixels so PNGs do not compress to nothing (uploads take a realistic moment).
    let seed = i + 1;
    for (let p = 0; p < data.length; p++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[p] = seed >>> 24;
    }
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), encodePng({ width: size, height: size, data, colorType: "rgb" }));
    names.push(name);
  }
  return { dir, names: names.sort() };
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `segments-cli-${prefix}-`));
}

/** Every file under `dir` (recursively), as absolute paths, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join((entry as { parentPath?: string }).parentPath ?? dir, entry.name))
    .sort();
}

/** A route of {@link startFakeApi}: status and JSON body (or raw bytes), chosen per request. */
export type FakeRoute = (url: URL) => {
  status?: number;
  json?: unknown;
  body?: Uint8Array;
  chunked?: boolean;
};

/**
 * A hostile stand-in for the API on 127.0.0.1, for what the emulator never does (it is an honest server): release
 * URLs with other schemes, oversized bodies, control characters in error messages. Each request goes to `route`.
 */
export async function startFakeApi(route: FakeRoute): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const answer = route(new URL(request.url ?? "/", "http://127.0.0.1"));
    const body = answer.body ?? Buffer.from(JSON.stringify(answer.json ?? {}));
    const headers: Record<string, string> = {
      "content-type": answer.body ? "application/octet-stream" : "application/json",
    };
    if (!answer.chunked) headers["content-length"] = String(body.byteLength);
    response.writeHead(answer.status ?? 200, headers);
    // Chunked answers are written in pieces so no length is known up front.
    if (answer.chunked) {
      for (let offset = 0; offset < body.byteLength; offset += 65_536)
        response.write(body.subarray(offset, offset + 65_536));
      response.end();
    } else response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A release as the API returns it, with the given file URL. */
export function fakeRelease(name: string, url: string): Record<string, unknown> {
  return {
    uuid: "00000000-0000-4000-8000-000000000000",
    name,
    description: "",
    release_type: "JSON",
    attributes: { url },
    status: "SUCCEEDED",
    created_at: "2026-01-01T00:00:00Z",
    samples_count: 1,
  };
}

/**
 * Runs `segments <args>` in-process (spawning one costs seconds of TypeScript loading), capturing what a terminal
 * (`tty`) or a pipe would get.
 */
export async function runInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
  tty = false,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: { isTTY: tty, write: (text: string) => (stdout += text) },
    stderr: { isTTY: tty, write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}
