/**
 * A progress display for long operations: done/total, percentage, rate and ETA. On a terminal it redraws one line in
 * place (on stderr); elsewhere (CI logs, pipes) it prints a plain line every few seconds, so logs stay readable.
 * It never writes to stdout, so `--json` output stays clean.
 *
 * Why not a library: cli-progress and ora draw on a terminal only and print nothing useful in a CI log, while this
 * display's plain-line mode (a line every few seconds off a terminal) is what uploads in CI need; it also takes an
 * injected stream and clock, which its tests rely on. Together that is about as much code as configuring a library.
 */
import type { TextSink } from "./output.js";

/** Options of {@link Progress}. */
export interface ProgressOptions {
  /** What is counted, e.g. `uploaded`. */
  label: string;
  total: number;
  stream: TextSink;
  /** Milliseconds between plain lines when the stream is not a terminal (default 2000). */
  plainIntervalMs?: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 100;

/** Formats seconds as `42s`, `3m05s` or `1h02m`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}

/**
 * Tracks and displays progress.
 *
 * @example
 * ```ts
 * const progress = new Progress({ label: "uploaded", total: files.length, stream: process.stderr });
 * for (const file of files) { await upload(file); progress.tick(); }
 * progress.finish();
 * ```
 */
export class Progress {
  readonly total: number;
  #done = 0;
  readonly #label: string;
  readonly #stream: TextSink;
  readonly #now: () => number;
  readonly #start: number;
  readonly #plainIntervalMs: number;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #finished = false;

  constructor(options: ProgressOptions) {
    this.total = options.total;
    this.#label = options.label;
    this.#stream = options.stream;
    this.#now = options.now ?? Date.now;
    this.#start = this.#now();
    this.#plainIntervalMs = options.plainIntervalMs ?? 2000;
  }

  get done(): number {
    return this.#done;
  }

  /** Items per second since the start. */
  rate(): number {
    const seconds = (this.#now() - this.#start) / 1000;
    return seconds > 0 ? this.#done / seconds : 0;
  }

  /** The status line, e.g. `uploaded [######------] 12/30 40% 3.2/s ETA 6s`. */
  line(): string {
    const fraction = this.total > 0 ? Math.min(1, this.#done / this.total) : 1;
    const filled = Math.round(fraction * BAR_WIDTH);
    const rate = this.rate();
    const eta = rate > 0 ? formatDuration((this.total - this.#done) / rate) : "?";
    return (
      `${this.#label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ` +
      `${this.#done}/${this.total} ${Math.floor(fraction * 100)}% ${rate.toFixed(1)}/s ETA ${eta}`
    );
  }

  /** Counts `n` more items done and redraws when due. */
  tick(n = 1): void {
    this.#done += n;
    const now = this.#now();
    const interval = this.#stream.isTTY ? TTY_REDRAW_MS : this.#plainIntervalMs;
    if (now - this.#lastDraw >= interval) this.#draw(now);
  }

  /** Draws the final state and ends the line. Safe to call twice. */
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#draw(this.#now());
    if (this.#stream.isTTY) this.#stream.write("\n");
  }

  #draw(now: number): void {
    this.#lastDraw = now;
    // `\r` + erase-line redraws in place on a terminal; elsewhere every draw is its own line.
    if (this.#stream.isTTY) this.#stream.write(`\r\x1b[2K${this.line()}`);
    else this.#stream.write(`${this.line()}\n`);
  }
}
