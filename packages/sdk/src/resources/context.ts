/** What every resource function needs: the typed openapi-fetch client and the transport behind it. */
import type { SegmentsApiClient } from "@segments-ts/client";
import { APIPromise } from "../core/api-promise.js";
import type { FetchLike, RequestOptions, SendOptions, Transport } from "../core/transport.js";

/** Shared state of one `SegmentsClient`, handed to the resource functions. */
export interface Context {
  api: SegmentsApiClient;
  transport: Transport;
}

/** The part of an openapi-fetch result the SDK uses (errors never get here: the transport throws them). */
interface FetchResult<D> {
  data?: D;
  response: Response;
}

/** Per-request init for openapi-fetch: our transport as `fetch`, carrying this call's options. */
export interface CallInit {
  fetch: FetchLike;
  // openapi-fetch's init type has an index signature.
  [option: string]: unknown;
}

/**
 * Runs one API call: builds it with `send` (argument validation happens inside, so a bad argument becomes a rejected
 * promise with a ValidationError, and nothing is sent), routes it through the transport, and wraps the result.
 */
export function call<D>(
  ctx: Context,
  options: RequestOptions | undefined,
  send: (init: CallInit) => Promise<FetchResult<D>>,
  sendOptions: Omit<SendOptions, keyof RequestOptions> = {},
): APIPromise<D> {
  const fetch = ctx.transport.fetchFor({ ...options, ...sendOptions });
  const result = Promise.resolve()
    .then(() => send({ fetch }))
    .then(({ data, response }) => ({ data: data as D, response }));
  return new APIPromise(result);
}
