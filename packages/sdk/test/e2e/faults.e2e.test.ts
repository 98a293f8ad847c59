/**
 * Transport faults through the whole client, against the emulator: the emulator does the real work, an injected
 * `fetch` (or the emulator's rate limit) makes the fault. These need control over the server, so they run on the
 * emulator only.
 */
import { startEmulator } from "@segments-ts/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  type FetchLike,
  InternalServerError,
  RateLimitError,
  SegmentsClient,
} from "../../src/index.js";
import { closedPortUrl } from "../helpers/local-server.js";
import { uniqueName } from "./target.js";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
const image = (name: string) => ({ image: { url: `https://example.com/${name}.jpg` } });

function urlOf(input: string | URL | Request): string {
  return input instanceof Request ? input.url : String(input);
}

/** A connection dropped after the server answered: the request was processed, the client never sees the reply. */
function droppedResponse(): TypeError {
  return new TypeError("fetch failed", {
    cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
  });
}

describe("faults against the emulator", () => {
  let emulator: Emulator;
  let dataset: string;

  const clientWith = (
    fetch?: FetchLike,
    extra: Partial<ConstructorParameters<typeof SegmentsClient>[0]> = {},
  ) =>
    new SegmentsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url, fetch, logLevel: "off", ...extra });

  beforeAll(async () => {
    emulator = await startEmulator();
    dataset = (await clientWith().addDataset(uniqueName("faults"), { task_type: "bboxes" })).full_name;
  });
  afterAll(() => emulator?.close());

  test("addSamples retries a batch whose response was lost, without creating duplicates", async () => {
    let bulkPosts = 0;
    const dropFirstBulkResponse: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (urlOf(input).includes("/samples_bulk/") && init?.method === "POST" && ++bulkPosts === 1) {
        await response.arrayBuffer(); // the server has processed the batch...
        throw droppedResponse(); // ...but the client never gets the reply
      }
      return response;
    };
    const client = clientWith(dropFirstBulkResponse);
    const input = Array.from({ length: 6 }, (_, i) => ({
      name: `bulk-${i}.jpg`,
      attributes: image(`b${i}`),
    }));
    const created = await client.addSamples(dataset, input, { batchSize: 3, concurrency: 1 });
    expect(bulkPosts).toBe(3); // two batches, the first sent twice
    expect(created.map((s) => s.name)).toEqual(input.map((s) => s.name));
    const stored = await client.iterSamples(dataset, { name: "bulk-" }).toArray();
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((s) => s.uuid))).toEqual(new Set(created.map((s) => s.uuid)));
  });

  test("a single addSample is not retried after a lost response (it is not idempotent)", async () => {
    let posts = 0;
    const dropResponse: FetchLike = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "POST") {
        posts++;
        await response.arrayBuffer();
        throw droppedResponse();
      }
      return response;
    };
    const error = await clientWith(dropResponse)
      .addSample(dataset, "once.jpg", image("once"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(posts).toBe(1);
    // The server did create it: retrying blindly would have been wrong for a non-idempotent endpoint.
    expect(await clientWith().getSamples(dataset, { name: "once.jpg" })).toHaveLength(1);
  });

  test("GET survives a 503 and a reset connection", async () => {
    const sample = await clientWith().addSample(dataset, uniqueName("get"), image("get"));
    let calls = 0;
    const flaky: FetchLike = async (input, init) => {
      calls++;
      if (calls === 1)
        return new Response('{"detail":"busy"}', { status: 503, headers: { "retry-after-ms": "5" } });
      if (calls === 2) throw droppedResponse();
      return fetch(input, init);
    };
    expect((await clientWith(flaky).getSample(sample.uuid)).uuid).toBe(sample.uuid);
    expect(calls).toBe(3);
  });

  test("exhausted retries on 5xx give InternalServerError", async () => {
    let calls = 0;
    const broken: FetchLike = async () => {
      calls++;
      return new Response("<html>Bad Gateway</html>", { status: 502, headers: { "retry-after-ms": "1" } });
    };
    await expect(clientWith(broken).getDataset(dataset)).rejects.toBeInstanceOf(InternalServerError);
    expect(calls).toBe(3);
  });

  test("a hanging server times out per attempt; the caller's signal aborts", async () => {
    const hang: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const client = clientWith(hang, { timeout: 50, maxRetries: 1 });
    await expect(client.getDataset(dataset)).rejects.toBeInstanceOf(APITimeoutError);

    const controller = new AbortController();
    const pending = clientWith(hang).getDataset(dataset, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
  });

  test("an unreachable server is an APIConnectionError", async () => {
    const client = new SegmentsClient({
      apiKey: "k",
      baseUrl: await closedPortUrl(),
      maxRetries: 1,
      logLevel: "off",
    });
    await expect(client.getUser()).rejects.toBeInstanceOf(APIConnectionError);
  });

  test("429 from the emulator's rate limit: RateLimitError without retries, success when Retry-After is honoured", async () => {
    const limited = await startEmulator({ rateLimit: "2/s" });
    try {
      const noRetry = new SegmentsClient({
        apiKey: limited.apiKey,
        baseUrl: limited.url,
        maxRetries: 0,
        logLevel: "off",
      });
      const results = await Promise.allSettled([noRetry.getUser(), noRetry.getUser(), noRetry.getUser()]);
      const rejected = results
        .filter((r) => r.status === "rejected")
        .map((r) => (r as PromiseRejectedResult).reason);
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected[0]).toBeInstanceOf(RateLimitError);
      expect(rejected[0].headers.get("retry-after")).toMatch(/^\d+$/);

      const patient = new SegmentsClient({
        apiKey: limited.apiKey,
        baseUrl: limited.url,
        maxRetries: 3,
        logLevel: "off",
      });
      const users = await Promise.all([patient.getUser(), patient.getUser(), patient.getUser()]);
      expect(users.map((u) => u.username)).toEqual([limited.username, limited.username, limited.username]);
    } finally {
      await limited.close();
    }
  });
});
