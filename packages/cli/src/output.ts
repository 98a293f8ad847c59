/**
 * Where things are printed. Results go to stdout (as JSON with `--json`, else as text); progress, notes and errors go
 * to stderr, so `segments ... --json | jq` always gets clean JSON.
 */
import { type CliError, debugDetails } from "./errors.js";
import { cell, safeJson, stripControls } from "./terminal.js";

/** A stream the CLI writes to (`process.stdout`, or a buffer in tests). */
export interface TextSink {
  write(text: string): unknown;
  /** True when it is an interactive terminal (then progress bars redraw in place). */
  isTTY?: boolean | undefined;
}

/** The process-level things a run uses; injectable so commands can be tested in-process. */
export interface CliIO {
  stdout: TextSink;
  stderr: TextSink;
  env: Record<string, string | undefined>;
}

/** Formats rows as left-aligned columns, for human-readable lists. Cells are cleaned with {@link cell}. */
export function formatTable(header: string[], dirtyRows: string[][]): string {
  const rows = dirtyRows.map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

/**
 * Printing for one command run: `result` for the answer, `note` for human remarks, `error` for the failure line.
 * Every line goes through `redact`, so a secret (the API key) can never reach the terminal or a log file, and through
 * `stripControls`, so text from a server cannot drive the terminal (see terminal.ts).
 */
export class Output {
  readonly json: boolean;
  readonly #io: CliIO;
  readonly #secrets: string[];

  constructor(io: CliIO, options: { json: boolean; secrets?: Array<string | undefined> }) {
    this.#io = io;
    this.json = options.json;
    this.#secrets = (options.secrets ?? []).filter(
      (s): s is string => typeof s === "string" && s.length >= 4,
    );
  }

  /** Stream for progress and notes. */
  get stderr(): TextSink {
    return this.#io.stderr;
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join("***");
    return out;
  }

  /** Prints the command's result: `value` as JSON with --json, else the text `human` returns. */
  result(value: unknown, human: () => string): void {
    const text = this.json ? safeJson(value) : stripControls(human());
    if (text !== "") this.#io.stdout.write(`${this.redact(text)}\n`);
  }

  /** A remark for people (what was skipped, where a file went); never on stdout. */
  note(text: string): void {
    this.#io.stderr.write(`${this.redact(stripControls(text))}\n`);
  }

  /** The one-line error, plus details with --debug. */
  error(error: CliError, debug: boolean): void {
    this.#io.stderr.write(`${this.redact(stripControls(`error: ${error.message}`))}\n`);
    if (debug) this.#io.stderr.write(`${this.redact(stripControls(debugDetails(error)))}\n`);
  }
}
