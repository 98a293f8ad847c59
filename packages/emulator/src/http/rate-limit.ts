import { ApiError } from "./errors.js";

/** A request budget: at most `requests` per `windowSeconds`. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

/**
 * Parses `N/s`, `N/m` or `N/h` (as the `--rate-limit` flag takes it); a bare `N` means per second.
 * Throws a TypeError naming `rateLimit` for anything else.
 *
 * @example
 * ```ts
 * parseRateLimit("20/s"); // { requests: 20, windowSeconds: 1 }
 * parseRateLimit("100/m"); // { requests: 100, windowSeconds: 60 }
 * ```
 */
export function parseRateLimit(text: string): RateLimit {
  const match = /^(\d+)\s*(?:\/\s*(s|sec|second|m|min|minute|h|hour))?$/.exec(text.trim());
  const requests = match ? Number(match[1]) : Number.NaN;
  if (!match || !(requests > 0)) {
    throw new TypeError(`rateLimit: expected "N/s", "N/m" or "N/h" with N > 0, got "${text}"`);
  }
  const unit = (match[2] ?? "s")[0];
  return { requests, windowSeconds: unit === "h" ? 3600 : unit === "m" ? 60 : 1 };
}

/**
 * Fixed-window throttle per client (the API key), like DRF's throttles: past the budget it answers 429 with the
 * real API's message and a `Retry-After` header in whole seconds.
 */
export class Throttle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: RateLimit) {}

  check(client: string, nowMs = Date.now()): void {
    const windowMs = this.limit.windowSeconds * 1000;
    let window = this.windows.get(client);
    if (!window || nowMs - window.start >= windowMs) {
      window = { start: nowMs, count: 0 };
      this.windows.set(client, window);
    }
    window.count++;
    if (window.count <= this.limit.requests) return;
    const wait = Math.max(1, Math.ceil((window.start + windowMs - nowMs) / 1000));
    throw new ApiError(
      429,
      `Request was throttled. Expected available in ${wait} seconds.`,
      {},
      {
        "Retry-After": String(wait),
      },
    );
  }
}
