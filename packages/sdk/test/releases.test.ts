import { afterEach, expect, test } from "vitest";
import { APITimeoutError, APIUserAbortError, ReleaseFailedError, SegmentsClient } from "../src/index.js";
import { type LocalServer, sendJson, startLocalServer } from "./helpers/local-server.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose release goes through the given statuses, one per poll (the last one repeats). */
async function releaseServer(statuses: string[]) {
  let polls = 0;
  server = await startLocalServer((_req, res) => {
    const status = statuses[Math.min(polls++, statuses.length - 1)];
    sendJson(res, 200, {
      uuid: "r-1",
      name: "v1",
      description: "",
      release_type: "JSON",
      attributes: {},
      status,
      created_at: "2024-05-01T00:00:00Z",
      samples_count: 0,
    });
  });
  return new SegmentsClient({ apiKey: "k", baseUrl: server.url, logLevel: "off" });
}

test("waitForRelease polls until SUCCEEDED", async () => {
  const client = await releaseServer(["PENDING", "PENDING", "SUCCEEDED"]);
  const release = await client.waitForRelease("jane/flowers", "v1", { pollInterval: 5 });
  expect(release.status).toBe("SUCCEEDED");
  expect(server?.requests.map((r) => r.url)).toEqual(Array(3).fill("/datasets/jane/flowers/releases/v1/"));
});

test("waitForRelease throws ReleaseFailedError with the release on FAILED", async () => {
  const client = await releaseServer(["PENDING", "FAILED"]);
  const error = await client
    .waitForRelease("jane/flowers", "v1", { pollInterval: 5 })
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReleaseFailedError);
  expect((error as ReleaseFailedError).release.status).toBe("FAILED");
});

test("waitForRelease gives up after its timeout, and stops when the signal aborts", async () => {
  const client = await releaseServer(["PENDING"]);
  await expect(
    client.waitForRelease("jane/flowers", "v1", { timeout: 60, pollInterval: 10 }),
  ).rejects.toBeInstanceOf(APITimeoutError);
  const controller = new AbortController();
  const waiting = client.waitForRelease("jane/flowers", "v1", {
    pollInterval: 10_000,
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 30);
  await expect(waiting).rejects.toBeInstanceOf(APIUserAbortError);
});
