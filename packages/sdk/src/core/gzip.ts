/**
 * Gzip for request bodies with the web-standard `CompressionStream` (browsers, Deno, Bun, Node >= 18): no Node-only
 * import, so the core stays portable. Like the Python SDK, sample and label writes are compressed; bodies under
 * `GZIP_MIN_BYTES` are sent as is because gzip would not pay off.
 */

/** Bodies smaller than this are not worth compressing. */
export const GZIP_MIN_BYTES = 1024;

/** Returns true when the runtime can compress (CompressionStream exists). */
export function canGzip(): boolean {
  return typeof CompressionStream === "function";
}

/** Gzips `data` into a new byte array. */
export async function gzip(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const compressed = new Blob([data]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}
