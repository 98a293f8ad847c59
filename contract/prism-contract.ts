/**
 * Independent contract check: runs the SDK's end-to-end suite through Prism's validating proxy
 * (`prism proxy --errors`) in front of the emulator. Prism checks every request and response against the bundled
 * spec on its own (it shares no code with the emulator or the SDK); any violation fails the run.
 *
 *   emulator (in process) <- prism proxy --errors <- SDK e2e suite (SEGMENTS_API_URL = the proxy)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@segments-ts/emulator";

const here = dirname(fileURLToPath(import.meta.url));
const spec = join(here, "..", "openapi", "bundle", "openapi.json");
const sdkDir = join(here, "..", "packages", "sdk");
const prismBin = join(here, "node_modules", ".bin", "prism");

const key = (name: string) => `${name}-${randomBytes(12).toString("hex")}`;
const alice = { username: "alice", apiKey: key("alice") };
const bob = { username: "bob", apiKey: key("bob") };

const emulator = await startEmulator({
  users: [alice, bob],
  organizations: [{ name: "acme", members: [{ username: "alice", role: "admin" }] }],
  releaseDelayMs: 50,
  // Our suites run the emulator strict (see packages/emulator/README.md); workunits give Prism responses to check.
  strict: true,
  recordWorkunits: true,
});
const prismPort = await freePort();
const prismUrl = `http://127.0.0.1:${prismPort}`;
const prismLog: string[] = [];
const prism = spawn(
  prismBin,
  ["proxy", spec, emulator.url, "--errors", "--host", "127.0.0.1", "--port", `${prismPort}`],
  {
    stdio: ["ignore", "pipe", "pipe"],
  },
);
prism.stdout?.on("data", (chunk: Buffer) => prismLog.push(chunk.toString()));
prism.stderr?.on("data", (chunk: Buffer) => prismLog.push(chunk.toString()));

let exitCode = 1;
try {
  await waitFor(() => prismLog.join("").includes("Prism is listening"), 180_000, "Prism to start");
  console.log(`[contract] emulator ${emulator.url} <- prism ${prismUrl} (--errors) <- SDK e2e suite`);
  const suite = await run("pnpm", ["exec", "vitest", "run", "test/e2e/client.e2e.test.ts"], sdkDir, {
    SEGMENTS_API_URL: prismUrl,
    SEGMENTS_API_KEY: alice.apiKey,
    SEGMENTS_E2E_OTHER_USER: bob.username,
    SEGMENTS_E2E_OTHER_KEY: bob.apiKey,
    SEGMENTS_E2E_ORGANIZATION: "acme",
    SEGMENTS_E2E_VIA_PRISM: "1",
  });
  const violations = prismViolations(prismLog.join(""));
  for (const line of violations) console.error(`[contract] prism: ${line}`);
  console.log(
    `[contract] ${violations.length} spec violations seen by Prism; SDK suite exit code ${suite} (emulator violations: ${emulator.violations.length})`,
  );
  exitCode = suite === 0 && violations.length === 0 && emulator.violations.length === 0 ? 0 : 1;
} finally {
  prism.kill("SIGTERM");
  // Strict: close() rejects when a response broke the spec; that is already counted in exitCode above.
  await emulator.close().catch(() => {});
}
process.exit(exitCode);

/**
 * Lines where Prism reported a request or response that does not match the spec: its validator's warnings and
 * errors, and requests it terminated (with `--errors`, an invalid request is answered 422 and logged with ✖).
 */
function prismViolations(log: string): string[] {
  return log
    .split("\n")
    .filter((line) => /✖|⚠|\[VALIDATOR\]|violation|terminated with error/i.test(line))
    .map((line) => line.trim());
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (prism.exitCode !== null) throw new Error(`prism exited early:\n${prismLog.join("")}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${prismLog.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
