/**
 * Runs `fn` over `items` with at most `limit` calls in flight and returns the results in input order. Once a call
 * fails or `signal` aborts, no new call starts; the first error is thrown after the running calls settle.
 *
 * @example
 * ```ts
 * const sizes = await mapLimit(files, 4, async (file) => (await stat(file)).size);
 * ```
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && !signal?.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  if (signal?.aborted) throw signal.reason;
  return results;
}
