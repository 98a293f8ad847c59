/**
 * A success status whose body is empty, `null`, not JSON or of the wrong shape for the operation is a typed
 * InvalidResponseError, not data. The shapes come from the spec (`OPERATIONS` of @segments-ts/client).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APIError, InvalidResponseError, SegmentsClient } from "../src/index.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";
import { specBody } from "./helpers/spec-bodies.js";

/** Raw bodies by URL path; each is answered with status 200 (or the given one) and a JSON content type. */
const BODIES: Record<string, [number, string]> = {
  "/samples/empty/": [200, ""],
  "/samples/null/": [200, "null"],
  "/samples/list/": [200, "[]"],
  "/samples/partial/": [200, JSON.stringify({ uuid: "u", name: "a.jpg" })],
  "/samples/html/": [200, "<html><body>Gateway login</body></html>"],
  "/samples/number/": [200, "42"],
  "/samples/no-content/": [204, ""],
  "/samples/ok/": [200, JSON.stringify(specBody("GET", "/samples/ok/", { uuid: "ok" }))],
  "/datasets/jane/object/samples/": [200, JSON.stringify({ results: [] })],
  "/datasets/jane/nulls/samples/": [200, "[null]"],
  "/datasets/jane/partial-items/samples/": [
    200,
    JSON.stringify([specBody("GET", "/samples/x/"), { uuid: "second" }]),
  ],
  "/datasets/jane/ok/samples/": [200, JSON.stringify([specBody("GET", "/samples/x/")])],
};

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const [status, body] = BODIES[path] ?? [404, '{"detail":"Not found."}'];
    res.writeHead(status, status === 204 ? {} : { "content-type": "application/json" });
    res.end(body);
  });
});
afterAll(() => server.close());

const client = () => new SegmentsClient({ apiKey: "k", baseUrl: server.url, logLevel: "off" });

async function failure(call: Promise<unknown>): Promise<InvalidResponseError> {
  return call.then(
    () => expect.unreachable("the response must be refused"),
    (error: InvalidResponseError) => error,
  );
}

describe("an object operation (getSample)", () => {
  test.each([
    ["empty", /the body is empty/],
    ["null", /expected a JSON object, got null/],
    ["list", /expected a JSON object, got an array/],
    ["number", /expected a JSON object, got a number/],
    ["partial", /the object lacks `metadata`, `created_at`, `created_by`, `priority`/],
    ["html", /the body is not JSON/],
  ])("a 200 with a %s body is an InvalidResponseError", async (name, reason) => {
    server.requests.length = 0;
    const error = await failure(client().getSample(name));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(
      new RegExp(`^200 GET /samples/${name}/: the response does not match the API spec`),
    );
    expect(error.message).toMatch(reason);
    expect(server.requests).toHaveLength(1); // not retried
  });

  test("the error keeps the body for inspection", async () => {
    expect((await failure(client().getSample("partial"))).body).toEqual({ uuid: "u", name: "a.jpg" });
    expect((await failure(client().getSample("html"))).body).toBe("<html><body>Gateway login</body></html>");
  });

  test("a 204 where a sample belongs is refused; a body with every required key is data", async () => {
    await expect(client().getSample("no-content")).rejects.toThrow(/the body is empty/);
    expect((await client().getSample("ok")).uuid).toBe("ok");
  });
});

describe("a list operation (getSamples, iterSamples)", () => {
  test.each([
    ["object", /expected an array, got a JSON object/],
    ["nulls", /item 0: expected a JSON object, got null/],
    ["partial-items", /item 1: the object lacks `name`/],
  ])("a 200 with a %s body is an InvalidResponseError", async (dataset, reason) => {
    await expect(client().getSamples(`jane/${dataset}`)).rejects.toThrow(reason);
    await expect(client().iterSamples(`jane/${dataset}`).toArray()).rejects.toBeInstanceOf(
      InvalidResponseError,
    );
  });

  test("a list of well-formed samples is data", async () => {
    expect(await client().getSamples("jane/ok")).toHaveLength(1);
  });
});

test("an operation without a body (deleteSample) takes an empty 204", async () => {
  await expect(client().deleteSample("no-content")).resolves.toBeUndefined();
});
