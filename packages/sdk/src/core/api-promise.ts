/** A promise for a parsed result that also gives access to the raw `Response` and the request id. */

/** The parsed result together with the HTTP response it came from. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `x-request-id` response header, when the server sent one. */
  requestId: string | undefined;
}

/**
 * Returned by every SDK method: `await` it for the data, or call `withResponse()` for the raw response too.
 *
 * @example
 * ```ts
 * const dataset = await client.getDataset("jane/flowers");
 * const { data, response, requestId } = await client.getDataset("jane/flowers").withResponse();
 * console.log(response.status, requestId, data.name);
 * ```
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<{ data: T; response: Response }>;
  readonly #data: Promise<T>;
  /** Makes `Object.prototype.toString` say `[object APIPromise]`, and the type usable where a Promise is expected. */
  readonly [Symbol.toStringTag] = "APIPromise";

  constructor(result: Promise<{ data: T; response: Response }>) {
    this.#result = result;
    this.#data = result.then(({ data }) => data);
    // Callers may consume only one of the two views; the other must not report an unhandled rejection.
    this.#data.catch(() => {});
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a thenable on purpose, so `await` works on it.
  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    // biome-ignore lint/suspicious/noExplicitAny: same signature as Promise#then, so handlers can type the reason.
    onRejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#data.then(onFulfilled, onRejected);
  }

  // biome-ignore lint/suspicious/noExplicitAny: same signature as Promise#catch.
  catch<R = never>(onRejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#data.catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.#data.finally(onFinally);
  }

  /** Resolves with the data, the raw `Response` (body already consumed by the SDK) and the request id. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result.then(({ data, response }) => ({
      data,
      response,
      requestId: response.headers.get("x-request-id") ?? undefined,
    }));
  }

  /** Resolves with the raw `Response`: status and headers (its body was already parsed by the SDK). */
  asResponse(): Promise<Response> {
    return this.#result.then(({ response }) => response);
  }
}
