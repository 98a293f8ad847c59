import type { ServerResponse } from "node:http";
import { ApiError } from "./errors.js";

/** Default budget for request bodies held in memory at once (JSON bodies and uploads, raw and decompressed). */
export const DEFAULT_MAX_IN_FLIGHT_BODY_BYTES = 256 * 1024 * 1024;

/** How long a request waits for its share of the budget before it is answered 503. */
export const DEFAULT_BODY_WAIT_MS = 10_000;

/** Seconds a client is told to wait when the budget stays spent; bodies are short-lived, so one second is enough. */
const RETRY_AFTER_SECONDS = 1;

/** The answer when the budget stays spent: 503 with `Retry-After`, which every SDK retries. */
export const serverBusy = (): ApiError =>
  new ApiError(
    503,
    "The server is busy with other large request bodies; retry shortly.",
    {},
    { "Retry-After": String(RETRY_AFTER_SECONDS) },
  );

interface Waiter {
  bytes: number;
  held: number;
  grant: () => void;
}

/**
 * One global budget for the bytes of request bodies the process holds at once, so that many concurrent large
 * requests cannot take it past a bounded amount of memory. Each request takes what it buffers from the budget and
 * gives it back when its response is finished. A request that does not fit waits (unread, so TCP backpressure
 * holds the client) in a first-come queue for up to `waitMs`, then gets a 503. One request alone is always
 * admitted (the per-request limits bound it), so a budget smaller than the largest body never locks clients out.
 */
export class BodyBudget {
  private inFlight = 0;
  private readonly queue: Waiter[] = [];

  constructor(
    readonly limit: number,
    readonly waitMs = DEFAULT_BODY_WAIT_MS,
  ) {}

  /** Bytes currently held by requests (for tests and diagnostics). */
  get used(): number {
    return this.inFlight;
  }

  /** A ledger for one request, returned in full when `res` finishes or closes. */
  lease(res: ServerResponse): BodyLease {
    const lease = new BodyLease(this);
    res.once("close", () => lease.releaseAll());
    return lease;
  }

  /**
   * Takes `bytes` if they fit (or if the caller holds everything in flight) and nobody is queued before it. A
   * request already holding a share goes before the queue: it finishes (and gives everything back) sooner.
   */
  tryTake(bytes: number, held: number): boolean {
    if ((held === 0 && this.queue.length > 0) || !this.fits(bytes, held)) return false;
    this.inFlight += bytes;
    return true;
  }

  /** Resolves true once `bytes` were taken, or false after `waitMs` (the request is then answered 503). */
  take(bytes: number, held: number): Promise<boolean> {
    if (this.tryTake(bytes, held)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = { bytes, held, grant: () => resolve(true) };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(waiter), 1);
        resolve(false);
        this.admitQueued(); // the head may have been what blocked smaller requests behind it
      }, this.waitMs);
      timer.unref();
      waiter.grant = () => {
        clearTimeout(timer);
        resolve(true);
      };
      if (held > 0) this.queue.unshift(waiter);
      else this.queue.push(waiter);
    });
  }

  give(bytes: number): void {
    this.inFlight = Math.max(0, this.inFlight - bytes);
    this.admitQueued();
  }

  private fits(bytes: number, held: number): boolean {
    return this.inFlight === held || this.inFlight + bytes <= this.limit;
  }

  private admitQueued(): void {
    for (let head = this.queue[0]; head && this.fits(head.bytes, head.held); head = this.queue[0]) {
      this.queue.shift();
      this.inFlight += head.bytes;
      head.grant();
    }
  }
}

/** What one request holds of the {@link BodyBudget}. */
export class BodyLease {
  private held = 0;
  private released = false;

  constructor(private readonly budget: BodyBudget) {}

  /** Takes `bytes` now if they fit; false otherwise (then wait with {@link take}). */
  tryTake(bytes: number): boolean {
    if (bytes <= 0) return true;
    if (this.released || !this.budget.tryTake(bytes, this.held)) return false;
    this.held += bytes;
    return true;
  }

  /** Takes `bytes`, waiting for them if needed; throws the 503 {@link serverBusy} answer when the wait times out. */
  async take(bytes: number): Promise<void> {
    if (bytes <= 0 || this.tryTake(bytes)) return;
    if (!(await this.budget.take(bytes, this.held))) throw serverBusy();
    if (this.released) {
      this.budget.give(bytes); // the response closed while we waited
      throw serverBusy();
    }
    this.held += bytes;
  }

  releaseAll(): void {
    this.released = true;
    this.budget.give(this.held);
    this.held = 0;
  }
}
