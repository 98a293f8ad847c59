/** Minimal leveled logging with secrets redacted. Compatible with `console`, pino, winston and similar loggers. */
import { noRedaction, type Redact } from "./redact.js";

/** Verbosity, from quietest to loudest. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/**
 * Anything with these four methods can receive the SDK's logs (`console`, pino, winston...).
 *
 * @example
 * ```ts
 * const client = new SegmentsClient({ logLevel: "debug", logger: console });
 * ```
 */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

/** Reads an environment variable without assuming Node (browsers and edge runtimes have no `process`). */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}

/** Resolves the level: explicit option, else `SEGMENTS_LOG`, else `warn`. */
export function resolveLogLevel(option: LogLevel | undefined): LogLevel {
  if (option !== undefined) return option;
  const fromEnv = readEnv("SEGMENTS_LOG")?.toLowerCase();
  return isLogLevel(fromEnv) ? fromEnv : "warn";
}

const noop = () => {};

/**
 * Wraps `logger` so messages above `level` are dropped and every message is prefixed. `redact` hides the API key in
 * each message and in the string values of its details (a server may echo the key into anything it sends).
 */
export function createLogger(
  level: LogLevel,
  logger: Logger = console,
  redact: Redact = noRedaction,
): Logger {
  const rank = LEVELS.indexOf(level);
  const at = (method: Exclude<LogLevel, "off">) =>
    LEVELS.indexOf(method) <= rank
      ? (message: string, ...details: unknown[]) =>
          logger[method](
            redact(`[segments] ${message}`),
            ...details.map((detail) => redactDetail(detail, redact)),
          )
      : noop;
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

/** A string, or the strings in plain objects up to two levels deep (the shape of the SDK's log details). */
function redactDetail(detail: unknown, redact: Redact, depth = 0): unknown {
  if (typeof detail === "string") return redact(detail);
  const plain =
    typeof detail === "object" && detail !== null && Object.getPrototypeOf(detail) === Object.prototype;
  if (!plain || depth > 1) return detail;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) copy[key] = redactDetail(value, redact, depth + 1);
  return copy;
}

const SECRET_HEADERS = new Set(["authorization", "x-api-key", "api-key", "cookie", "set-cookie"]);

/** Copies headers for logging, replacing credentials with `***`. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = SECRET_HEADERS.has(name.toLowerCase()) ? "***" : value;
  }
  return result;
}
