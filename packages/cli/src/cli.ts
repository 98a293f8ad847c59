#!/usr/bin/env node
/**
 * The `segments` bin. Ctrl-C (or SIGTERM) aborts the running command, which stops at a safe point and reports what
 * it did (an upload says how to resume); a second Ctrl-C exits at once.
 */
import { ExitCode } from "./exit-codes.js";
import { run } from "./run.js";

const controller = new AbortController();
const interrupt = () => {
  if (controller.signal.aborted) process.exit(ExitCode.Interrupted);
  controller.abort();
};
process.on("SIGINT", interrupt);
process.on("SIGTERM", interrupt);

// A reader that stops early (`segments ... --json | head`) closes the pipe: nothing more can be shown, so the command
// ends quietly with 0, as gh does, instead of an EPIPE stack trace. A closed stderr only loses the notes; the command
// goes on and keeps its exit code. Other stream errors still surface.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(ExitCode.Ok);
});
process.stderr.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

run(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env },
  {
    signal: controller.signal,
  },
).then((code) => {
  // `segments emulator` ends with code 0 on Ctrl-C: stopping it is its normal way to finish.
  process.exitCode = code;
});
