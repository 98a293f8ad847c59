/**
 * Where things are printed. Results go to stdout (as JSON with `--json`, else as text); progress, notes and errors go
 * to stderr, so `segments ... --json | jq` always gets clean JSON. As in `gh`: lists are aligned tables with a header
 * on a terminal and tab-separated rows without one elsewhere (for `cut`, `awk`, `while read`); colour is used only
 * on a terminal and never when `NO_COLOR` is set.
 */
import picocolors from "picocolors";
import { type CliError, debugDetails } from "./errors.js";
import { pick } from "./json-fields.js";
import { cell, safeJson, stripControls } from "./terminal.js";

type Colors = ReturnType<typeof picocolors.createColors>;
const { createColors } = picocolors;

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

/** Whether to colour what goes to `sink`: a terminal, and no `NO_COLOR` (https://no-color.org) or dumb terminal. */
export function colorEnabled(sink: TextSink, env: CliIO["env"]): boolean {
  return sink.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
}

/** Formats rows as left-aligned columns, for human-readable lists. Cells are cleaned with {@link cell}. */
export function formatTable(header: string[], dirtyRows: string[][], paintHeader = (h: string) => h): string {
  const rows = dirtyRows.map((row) => row.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [paintHeader(line(header)), ...rows.map(line)].join("\n");
}

/** Options of {@link Output}. */
export interface OutputOptions {
  /** The fields `--json` selected, or `undefined` for text. */
  json?: readonly string[] | undefined;
  secrets?: Array<string | undefined>;
}

/**
 * Printing for one command run: `result`, `list` and `record` for the answer, `note` for human remarks, `error` for
 * the failure line. Every line goes through `redact`, so a secret (the API key) can never reach the terminal or a
 * log file, and through `stripControls`/`cell`, so text from a server cannot drive the terminal (see terminal.ts).
 * The CLI's own colours are added after that.
 */
export class Output {
  readonly json: readonly string[] | undefined;
  /** Colours for stdout (no-ops when colour is off). */
  readonly colors: Colors;
  readonly #io: CliIO;
  readonly #secrets: string[];
  readonly #errorColors: Colors;

  constructor(io: CliIO, options: OutputOptions = {}) {
    this.#io = io;
    this.json = options.json;
    this.#secrets = (options.secrets ?? []).filter(
      (s): s is string => typeof s === "string" && s.length >= 4,
    );
    this.colors = createColors(colorEnabled(io.stdout, io.env));
    this.#errorColors = createColors(colorEnabled(io.stderr, io.env));
  }

  /** Stream for progress and notes. */
  get stderr(): TextSink {
    return this.#io.stderr;
  }

  /** True when stdout is a terminal (people read it), false for pipes and files (programs read it). */
  get terminal(): boolean {
    return this.#io.stdout.isTTY === true;
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join("***");
    return out;
  }

  #print(text: string): void {
    if (text !== "") this.#io.stdout.write(`${this.redact(text)}\n`);
  }

  /** Prints the command's result: `value` as JSON with --json (the selected fields), else the text `human` returns. */
  result(value: unknown, human: () => string): void {
    this.#print(this.json ? safeJson(pick(value, this.json)) : stripControls(human()));
  }

  /**
   * Prints a list: JSON with --json; a table with a header on a terminal (`empty` when there are no rows); else
   * tab-separated rows, no header, nothing when empty.
   */
  list(value: readonly unknown[], header: string[], rows: string[][], empty: string): void {
    if (this.json) this.#print(safeJson(pick(value, this.json)));
    else if (!this.terminal) this.#print(rows.map((row) => row.map(cell).join("\t")).join("\n"));
    else this.#print(rows.length === 0 ? empty : formatTable(header, rows, this.colors.bold));
  }

  /** Prints one object: JSON with --json; `title` and aligned `key: value` lines on a terminal; else `key<TAB>value`. */
  record(value: unknown, title: string, pairs: Array<[string, string]>): void {
    if (this.json) this.#print(safeJson(pick(value, this.json)));
    else if (!this.terminal)
      this.#print(pairs.map(([key, text]) => `${cell(key)}\t${cell(text)}`).join("\n"));
    else {
      const width = Math.max(...pairs.map(([key]) => key.length)) + 1;
      const lines = pairs.map(([key, text]) => `  ${`${key}:`.padEnd(width)}  ${cell(text)}`);
      this.#print([this.colors.bold(cell(title)), ...lines].join("\n"));
    }
  }

  /** A remark for people (what was skipped, where a file went); never on stdout. */
  note(text: string): void {
    this.#io.stderr.write(`${this.redact(stripControls(text))}\n`);
  }

  /** The one-line error, plus details with --debug. */
  error(error: CliError, debug: boolean): void {
    const label = this.#errorColors.red("error:");
    this.#io.stderr.write(`${label} ${this.redact(stripControls(error.message))}\n`);
    if (debug) this.#io.stderr.write(`${this.redact(stripControls(debugDetails(error)))}\n`);
  }
}
