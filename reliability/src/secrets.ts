/**
 * Output capture for the secrecy checks: a logger that records everything the SDK logs, and helpers that render
 * errors every way a user might print them (message, stack, `String`, `util.inspect`, `JSON.stringify`, the cause
 * chain), so a test can scan all of it for the API key.
 */
import { inspect } from "node:util";
import type { Logger } from "@segments-ts/sdk";

/** Collects text; `scan` lists the entries that contain a secret. */
export class OutputCapture {
  readonly entries: string[] = [];

  add(text: string): void {
    this.entries.push(text);
  }

  /** A logger for `new SegmentsClient({ logger, logLevel: "debug" })` that records every message and detail. */
  logger(): Logger {
    const record =
      (level: string) =>
      (message: string, ...details: unknown[]) =>
        this.add(`${level} ${message} ${details.map((detail) => inspect(detail, { depth: 8 })).join(" ")}`);
    return { error: record("error"), warn: record("warn"), info: record("info"), debug: record("debug") };
  }

  /** Records every rendering of an error (and of its causes). */
  addError(error: unknown): void {
    this.add(renderEverything(error));
  }

  /** Entries containing `secret`, shortened for a readable assertion message. */
  findings(secret: string): string[] {
    return this.entries.filter((entry) => entry.includes(secret)).map((entry) => entry.slice(0, 300));
  }

  /** Total characters captured (a figure showing the scan was not empty). */
  get size(): number {
    return this.entries.reduce((total, entry) => total + entry.length, 0);
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/** Every way a value can end up in a log: string conversion, inspect (deep, with hidden fields) and JSON. */
export function renderEverything(value: unknown): string {
  const parts: string[] = [];
  for (let current = value, depth = 0; current !== undefined && current !== null && depth < 6; depth++) {
    parts.push(String(current));
    parts.push(inspect(current, { depth: 10, showHidden: true, getters: true }));
    parts.push(safeJson(current));
    if (current instanceof Error) {
      parts.push(current.stack ?? "");
      parts.push(safeJson(Object.assign({}, current)));
      current = (current as { cause?: unknown }).cause;
    } else {
      break;
    }
  }
  return parts.join("\n");
}
