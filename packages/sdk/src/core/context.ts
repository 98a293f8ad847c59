/** What every method needs: the typed request methods and the transport behind them, and `call`, which runs one. */
import type { ApiMethods, CallInit } from "./api-client.js";
import { APIPromise } from "./api-promise.js";
import type { Logger } from "./logger.js";
import type { RequestOptions, SendOptions, Transport } from "./transport.js";
import { requireRequestOptions } from "./validate.js";

/** Shared state of one `SegmentsClient`, which its methods get with `contextOf(this)` (src/methods/base.ts). */
export interface Context {
  api: ApiMethods;
  transport: Transport;
  /** The client's logger (level and prefix applied), for warnings that are not about a request. */
  logger: Logger;
}

/** The part of a typed result the SDK uses (errors never get here: the transport throws them). */
interface FetchResult<D> {
  data?: D;
  response: Response;
}

/** Shared by calls without options, so they allocate nothing for them (never modified). */
const NO_OPTIONS: SendOptions = Object.freeze({});

/**
 * Runs one API call: checks the per-call options, builds the call with `send` (argument validation happens inside,
 * so a bad argument becomes a rejected promise with a ValidationError, and nothing is sent), routes it through the
 * transport, and wraps the result.
 */
export function call<D>(
  options: RequestOptions | undefined,
  send: (init: CallInit) => Promise<FetchResult<D>>,
  extra?: Omit<SendOptions, keyof RequestOptions>,
): APIPromise<D> {
  const init: CallInit = { sendOptions: extra ? { ...options, ...extra } : (options ?? NO_OPTIONS) };
  let result: Promise<FetchResult<D>>;
  try {
    requireRequestOptions(options);
    result = send(init);
  } catch (error) {
    result = Promise.reject(error);
  }
  return new APIPromise(result as Promise<{ data: D; response: Response }>);
}
