// The CLI guide's examples, run for real: every ```console cli-session block of docs/guides/cli.md lists `$ segments
// ...` commands; this script runs them in order, in-process (the CLI's `run`, as its own tests do), against an
// emulator with the guide's user `jane`, in a scratch directory holding the files the guide talks about (./photos,
// ./bitmaps). It writes each command's output and exit code to docs/.vitepress/generated/cli-session.json, which
// the Markdown plugin in src/cli-session-markdown.ts prints under the command. The build runs it in a child process
// (it changes directory). Usage: tsx --conditions=source src/cli-session.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { bitmap2file } from "@segments-ts/bitmap";
import { type CliIO, run } from "@segments-ts/cli";
import { startEmulator } from "@segments-ts/emulator";
import { SegmentsClient } from "@segments-ts/sdk";
import {
  type CliCommandResult,
  type CliSessionResults,
  parseCliSessions,
  splitCommandLine,
} from "./cli-session-markdown.ts";
import { CLI_SESSION_FILE, GENERATED_DIR, GUIDES_DIR } from "./paths.ts";
import { operationsMade, type RecordingProxy, startRecordingProxy } from "./recording-proxy.ts";

export const CLI_GUIDE = join(GUIDES_DIR, "cli.md");

/** The address the guide shows for the emulator (its default port); the session's real one is replaced by it. */
const SHOWN_API_URL = "http://127.0.0.1:8787";
const USER = { username: "jane", apiKey: "jane-key-0123456789" };

/** Three photos, and a bitmap label with its annotations for two of them (the `--labels` directory layout). */
function writeGuideFiles(dir: string): void {
  const size = { width: 64, height: 48 };
  const image = (fill: number) => bitmap2file(new Uint32Array(64 * 48).fill(fill), size);
  mkdirSync(join(dir, "photos", "night"), { recursive: true });
  writeFileSync(join(dir, "photos", "rose.png"), image(1));
  writeFileSync(join(dir, "photos", "tulip.png"), image(2));
  writeFileSync(join(dir, "photos", "night", "daisy.png"), image(3));
  mkdirSync(join(dir, "bitmaps"), { recursive: true });
  writeFileSync(
    join(dir, "bitmaps", "rose.png"),
    bitmap2file(new Uint32Array(64 * 48).fill(1, 0, 900), size),
  );
  writeFileSync(
    join(dir, "bitmaps", "tulip.png"),
    bitmap2file(new Uint32Array(64 * 48).fill(1, 600, 2000), size),
  );
  const annotations = {
    format: "segments-bitmaps",
    version: 1,
    annotations: { "rose.png": [{ id: 1, category_id: 1 }], "tulip.png": [{ id: 1, category_id: 2 }] },
  };
  writeFileSync(join(dir, "bitmaps", "annotations.json"), `${JSON.stringify(annotations, null, 2)}\n`);
}

/** A terminal: stdout and stderr interleaved as a reader sees them. stdout is a TTY (human tables), stderr not. */
function terminal(env: Record<string, string>): { io: CliIO; text: () => string } {
  let text = "";
  const write = (chunk: string) => {
    text += chunk;
    return true;
  };
  return {
    io: { stdout: { write, isTTY: true }, stderr: { write, isTTY: false }, env },
    text: () => text,
  };
}

/** `segments emulator` serves until Ctrl-C: give it a free port, and stop it once it has printed its banner. */
async function runUntilStarted(argv: string[], io: CliIO, output: () => string): Promise<number> {
  const controller = new AbortController();
  const finished = run([...argv, "--port", "0"], io, { signal: controller.signal });
  for (let waited = 0; waited < 15_000 && output() === ""; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  controller.abort();
  return finished;
}

/**
 * Values a command needs but the guide cannot know in advance: `{sample:<owner>/<dataset>:<name>}` is the uuid of
 * that sample (they are random). The guide shows the command with the value filled in.
 */
async function fillPlaceholders(command: string, client: SegmentsClient): Promise<string> {
  let shown = command;
  for (const [placeholder, dataset, name] of command.matchAll(/\{sample:([^:}]+):([^}]+)\}/g)) {
    const samples = await client.iterSamples(dataset as string).toArray();
    const sample = samples.find((candidate) => candidate.name === name);
    if (!sample)
      throw new Error(`${placeholder}: no sample "${name}" in ${dataset} at this point of the session`);
    shown = shown.replace(placeholder, sample.uuid);
  }
  return shown;
}

/** Runs one command line the way the `segments` bin would, and returns what a terminal would show. */
async function runCommand(
  command: string,
  env: Record<string, string>,
  dir: string,
  client: SegmentsClient,
  proxy: RecordingProxy,
): Promise<CliCommandResult> {
  const shown = await fillPlaceholders(command, client);
  const argv = splitCommandLine(shown);
  if (argv[0] !== "segments") throw new Error(`cli-session commands start with "segments": ${command}`);
  const { io, text } = terminal(env);
  const args = argv.slice(1);
  proxy.take();
  const exitCode = args[0] === "emulator" ? await runUntilStarted(args, io, text) : await run(args, io);
  const operations = operationsMade(proxy.take());
  const output = text()
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, SHOWN_API_URL)
    .replaceAll(dir, "/home/jane/project");
  return { command, shown, exitCode, output: output.trimEnd(), operations };
}

/**
 * Runs every block's commands in order. A command exiting non-zero fails the session, unless its block is marked
 * `fails` (an example of an error), where exiting 0 fails it.
 */
export async function runCliSession(markdown: string): Promise<CliSessionResults> {
  const emulator = await startEmulator({ users: [USER], releaseDelayMs: 20, validateResponses: true });
  // The CLI talks to the emulator through a proxy that records which operations each command makes.
  const proxy = await startRecordingProxy(emulator.url);
  const dir = mkdtempSync(join(tmpdir(), "segments-docs-cli-"));
  const home = process.cwd();
  const results: CliSessionResults = [];
  try {
    writeGuideFiles(dir);
    process.chdir(dir);
    const env = { SEGMENTS_API_KEY: USER.apiKey, SEGMENTS_API_URL: proxy.url, NO_COLOR: "1" };
    const client = new SegmentsClient({ apiKey: USER.apiKey, baseUrl: emulator.url });
    for (const block of parseCliSessions(markdown)) {
      const blockResults: CliCommandResult[] = [];
      for (const command of block.commands) {
        const result = await runCommand(command, env, dir, client, proxy);
        if ((result.exitCode !== 0) !== block.fails) {
          throw new Error(
            `\`${command}\` exited ${result.exitCode}${block.fails ? " (its block is marked fails)" : ""}:\n${result.output}`,
          );
        }
        blockResults.push(result);
      }
      results.push(blockResults);
    }
    if (emulator.violations.length > 0) {
      throw new Error(`the emulator answered outside the spec: ${JSON.stringify(emulator.violations)}`);
    }
    return results;
  } finally {
    process.chdir(home);
    rmSync(dir, { recursive: true, force: true });
    await proxy.close();
    await emulator.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const results = await runCliSession(readFileSync(CLI_GUIDE, "utf8"));
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(CLI_SESSION_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`docs: ran ${results.flat().length} CLI guide commands`);
}
