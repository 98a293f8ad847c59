/**
 * Credentials never leak through the SDK: a `baseUrl` with `user:password@` is refused without repeating it, and an
 * API key that a server echoes back is redacted in every error message, error body and header, and log line.
 */
import { inspect } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import { APIError, InvalidResponseError, SegmentsClient, ValidationError } from "../src/index.js";
import { type LocalServer, sendJson, startLocalServer } from "./helpers/local-server.js";
import { specBody } from "./helpers/spec-bodies.js";

const KEY = "sk-live-0123456789abcdef";

let server: LocalServer | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return expect.unreachable("expected a throw");
}

describe("credentials in baseUrl", () => {
  test.each([
    "https://jane:hunter2-secret@api.segments.ai",
    "https://hunter2-secret@api.segments.ai",
    "http://jane:hunter2-secret@127.0.0.1:8787/",
  ])("%s is refused, and the message does not repeat it", (baseUrl) => {
    const error = thrown(() => new SegmentsClient({ apiKey: KEY, baseUrl }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ argument: "baseUrl" });
    expect(String((error as Error).message)).toMatch(/credentials/);
    expect(`${(error as Error).message} ${inspect(error)}`).not.toContain("hunter2-secret");
  });

  test("SEGMENTS_API_URL is checked the same way, and named", () => {
    vi.stubEnv("SEGMENTS_API_URL", "https://jane:hunter2-secret@api.segments.ai");
    const error = thrown(() => new SegmentsClient({ apiKey: KEY }));
    expect(error).toMatchObject({ argument: "SEGMENTS_API_URL" });
    expect(inspect(error)).not.toContain("hunter2-secret");
  });

  test.each(["file:///etc/passwd", "javascript:alert(1)", "", "http://["])(
    "%j is not an API root",
    (baseUrl) => {
      expect(() => new SegmentsClient({ apiKey: KEY, baseUrl })).toThrow(ValidationError);
    },
  );
});

describe("an API key echoed by the server", () => {
  const client = (options = {}) =>
    new SegmentsClient({ apiKey: KEY, baseUrl: server?.url, logLevel: "off", maxRetries: 0, ...options });

  test.each([
    ["a JSON error body", 401, JSON.stringify({ detail: `Invalid API key ${KEY}.` })],
    ["a text error body", 400, `bad request from APIKey ${KEY}`],
    ["a 5xx page", 502, `<html>upstream said: Authorization: APIKey ${KEY}</html>`],
  ])("in %s is redacted from the error's message, body and headers", async (_case, status, body) => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(status, { "content-type": "text/plain", "x-debug-auth": `APIKey ${KEY}` });
      res.end(body);
    });
    const error = await client()
      .getUser()
      .then(
        () => expect.unreachable("an error status must throw"),
        (e: APIError) => e,
      );
    expect(error).toBeInstanceOf(APIError);
    const shown = `${error.message} ${JSON.stringify(error.body)} ${inspect(error, { depth: 5 })}`;
    expect(shown).not.toContain(KEY);
    expect(error.message).toContain("***");
    expect(error.headers.get("x-debug-auth")).toBe("APIKey ***");
  });

  test("in a 200 of the wrong shape, the InvalidResponseError's body is redacted", async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 200, { echo: KEY }));
    const error = await client()
      .getUser()
      .catch((e: InvalidResponseError) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(inspect(error, { depth: 5 })).not.toContain(KEY);
  });

  test("in headers, error bodies and URLs of every log line", async () => {
    let calls = 0;
    server = await startLocalServer((req, res) => {
      calls++;
      if (req.url === "/assets/") {
        // A presigned URL that carries the key, on a storage host that fails once.
        const asset = specBody("POST", "/assets/", {
          presignedPostFields: { url: `${server?.url}/storage/?echo=${KEY}`, fields: {} },
        });
        return sendJson(res, 201, asset, { "x-request-id": KEY });
      }
      if (calls === 2)
        return sendJson(res, 503, { detail: KEY }, { "retry-after-ms": "1", "x-request-id": KEY });
      res.writeHead(204).end();
    });
    const lines: string[] = [];
    const sink = (...args: unknown[]) => lines.push(args.map((arg) => inspect(arg, { depth: 5 })).join(" "));
    const logger = { debug: sink, info: sink, warn: sink, error: sink };
    await client({ logLevel: "debug", logger, maxRetries: 2 }).uploadAsset(
      new Uint8Array([1, 2, 3]),
      "a.png",
    );
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.some((line) => line.includes("***"))).toBe(true);
    for (const line of lines) expect(line).not.toContain(KEY);
  });

  test("a key too short to tell apart from words (under 8 characters) is left alone", async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 404, { detail: "Not found." }));
    const short = new SegmentsClient({ apiKey: "o", baseUrl: server.url, logLevel: "off" });
    await expect(short.getUser()).rejects.toThrow("404 GET /user: Not found.");
  });
});
