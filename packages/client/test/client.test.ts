import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CLIENT_VERSION, createSegmentsApiClient, DEFAULT_BASE_URL } from "@segments-ts/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// A real HTTP server on 127.0.0.1 that records requests and answers from a small routing table.
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url?.startsWith("/datasets/jane/missing/")) {
        res
          .writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ detail: "Not found." }));
        return;
      }
      if (req.method === "DELETE") {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ echoed: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function lastRequest(): Seen {
  const request = seen.at(-1);
  if (!request) throw new Error("the server saw no request");
  return request;
}

describe("createSegmentsApiClient", () => {
  test("sends the API key, the source and the SDK version on every request", async () => {
    const api = createSegmentsApiClient({ apiKey: "secret-key", baseUrl });
    await api.GET("/user");
    expect(lastRequest().headers.authorization).toBe("APIKey secret-key");
    expect(lastRequest().headers["x-source"]).toBe("typescript-client");
    expect(lastRequest().headers["segments-sdk-version"]).toBe(CLIENT_VERSION);
  });

  test("joins a base URL with a trailing slash and keeps the API's trailing slashes", async () => {
    const api = createSegmentsApiClient({ apiKey: "k", baseUrl });
    await api.GET("/datasets/{owner}/{dataset}/", {
      params: { path: { owner: "jane", dataset: "flowers" } },
    });
    expect(lastRequest().url).toBe("/datasets/jane/flowers/");
    await api.GET("/users/{user}", { params: { path: { user: "jane" } } });
    expect(lastRequest().url).toBe("/users/jane");
  });

  test("encodes path parameters so they cannot reach another route", async () => {
    const api = createSegmentsApiClient({ apiKey: "k", baseUrl });
    await api.GET("/samples/{sample_uuid}/", { params: { path: { sample_uuid: "../../user" } } });
    expect(lastRequest().url).toBe("/samples/..%2F..%2Fuser/");
  });

  test("returns typed error bodies instead of throwing", async () => {
    const api = createSegmentsApiClient({ apiKey: "k", baseUrl });
    const { data, error, response } = await api.GET("/datasets/{owner}/{dataset}/", {
      params: { path: { owner: "jane", dataset: "missing" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error?.detail).toBe("Not found.");
  });

  test("sends JSON bodies and answers 204 deletes with no data", async () => {
    const api = createSegmentsApiClient({ apiKey: "k", baseUrl });
    await api.POST("/datasets/{owner}/{dataset}/releases/", {
      params: { path: { owner: "jane", dataset: "flowers" } },
      body: { name: "v1", description: "first" },
    });
    expect(lastRequest().method).toBe("POST");
    expect(JSON.parse(lastRequest().body)).toEqual({ name: "v1", description: "first" });
    const deleted = await api.DELETE("/datasets/{owner}/{dataset}/", {
      params: { path: { owner: "jane", dataset: "flowers" } },
    });
    expect(deleted.response.status).toBe(204);
    expect(deleted.data).toBeUndefined();
  });

  test("uses an injected fetch and extra headers", async () => {
    const urls: string[] = [];
    const api = createSegmentsApiClient({
      apiKey: "k",
      baseUrl: "http://segments.invalid",
      headers: { "X-Trace": "abc" },
      fetch: async (request) => {
        urls.push(request.url);
        expect(request.headers.get("x-trace")).toBe("abc");
        return Response.json({
          username: "jane",
          created_at: "2024-01-01T00:00:00Z",
          is_organization: false,
        });
      },
    });
    const { data } = await api.GET("/user");
    expect(urls).toEqual(["http://segments.invalid/user"]);
    expect(data?.username).toBe("jane");
  });

  test("defaults to the production API", () => {
    expect(DEFAULT_BASE_URL).toBe("https://api.segments.ai");
  });

  test("rejects a missing API key at construction with a message naming the option", () => {
    expect(() => createSegmentsApiClient({ apiKey: "" })).toThrow(/`apiKey` must be a non-empty string/);
  });

  test("refuses credentials in baseUrl without repeating them", () => {
    for (const url of [
      "https://jane:hunter2-secret@api.segments.ai",
      "https://hunter2-secret@api.segments.ai",
    ]) {
      const run = () => createSegmentsApiClient({ apiKey: "k", baseUrl: url });
      expect(run).toThrow(/must not contain credentials/);
      expect(run).not.toThrow(/hunter2-secret/);
    }
  });

  test("never exposes the API key on the client object", () => {
    const api = createSegmentsApiClient({ apiKey: "very-secret-key", baseUrl });
    expect(JSON.stringify(api)).not.toContain("very-secret-key");
    expect(Object.values(api).map(String).join(" ")).not.toContain("very-secret-key");
  });
});
