/** Minimal leveled logging with secrets redacted. Compatible with `console`, pino, winston and similar loggers. */

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

/** Wraps `logger` so messages above `level` are dropped and every message is prefixed. */
export function createLogger(level: LogLevel, logger: Logger = console): Logger {
  const rank = LEVELS.indexOf(level);
  const at = (method: Exclude<LogLevel, "off">) =>
    LEVELS.indexOf(method) <= rank
      ? (message: string, ...details: unknown[]) => logger[method](`[segments] ${message}`, ...details)
      : noop;
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
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
