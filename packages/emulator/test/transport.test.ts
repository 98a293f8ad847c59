import { gzipSync } from "node:zlib";
import spec from "@segments-ts/openapi/openapi.json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { parseRateLimit } from "../src/index.js";
import { SpecValidator } from "../src/validation/spec.js";
import { client, createDataset, imageAttributes, start } from "./helpers.js";

describe("transport: gzip bodies, malformed input, response validation", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start();
    await createDataset(client(emulator), "zipped");
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("accepts a gzip-compressed JSON body (Content-Encoding: gzip)", async () => {
    const body = gzipSync(JSON.stringify({ name: "z.jpg", attributes: imageAttributes("z.jpg") }));
    const response = await fetch(`${emulator.url}/datasets/jane/zipped/samples/`, {
      method: "POST",
      headers: {
        Authorization: "APIKey jane-key",
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
      },
      body,
    });
    expect(response.status).toBe(201);
    expect((await response.json()).name).toBe("z.jpg");
  });

  it("answers 400 for broken gzip and for malformed JSON, without a stack trace", async () => {
    const broken = await fetch(`${emulator.url}/datasets/jane/zipped/samples/`, {
      method: "POST",
      headers: {
        Authorization: "APIKey jane-key",
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
      },
      body: "not gzip",
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).detail).toContain("gzip");
    const malformed = await fetch(`${emulator.url}/datasets/jane/zipped/samples/`, {
      method: "POST",
      headers: { Authorization: "APIKey jane-key", "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    const detail = (await malformed.json()).detail as string;
    expect(detail).toMatch(/^JSON parse error/);
    expect(detail).not.toContain("    at ");
  });

  it("rejects a missing required body with 400", async () => {
    const response = await client(emulator)("POST", "/datasets/jane/zipped/samples/");
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("body");
  });

  it("flags a response that does not conform to the spec", () => {
    const validator = new SpecValidator(spec as unknown as Record<string, unknown>);
    const getSample = validator.operations.find((operation) => operation.operationId === "getSample");
    if (!getSample) throw new Error("getSample missing from the spec");
    expect(validator.responseViolation(getSample, 200, { uuid: 5 })).toMatch(/getSample 200 response/);
    expect(validator.responseViolation(getSample, 418, { detail: "teapot" })).toMatch(/not declared/);
    expect(validator.responseViolation(getSample, 404, { detail: "Not found." })).toBeUndefined();
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After and the real API's message past the budget", async () => {
    const emulator = await start({ rateLimit: "3/s" });
    try {
      const request = client(emulator);
      const statuses: number[] = [];
      let throttled: Awaited<ReturnType<typeof request>> | undefined;
      for (let i = 0; i < 5; i++) {
        const response = await request("GET", "/user");
        statuses.push(response.status);
        if (response.status === 429) throttled ??= response;
      }
      expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
      expect(statuses.slice(3)).toEqual([429, 429]);
      expect(throttled?.headers.get("retry-after")).toBe("1");
      expect(throttled?.body.detail).toBe("Request was throttled. Expected available in 1 seconds.");
      // Another user has their own budget.
      expect((await client(emulator, "viewer-key")("GET", "/user")).status).toBe(200);
      expect(emulator.violations).toEqual([]);
    } finally {
      await emulator.close();
    }
  });

  it("parses N/s, N/m and N/h and rejects anything else", () => {
    expect(parseRateLimit("10/s")).toEqual({ requests: 10, windowSeconds: 1 });
    expect(parseRateLimit("5/m")).toEqual({ requests: 5, windowSeconds: 60 });
    expect(parseRateLimit("7")).toEqual({ requests: 7, windowSeconds: 1 });
    expect(() => parseRateLimit("fast")).toThrow(/rateLimit/);
    expect(() => parseRateLimit("0/s")).toThrow(/rateLimit/);
  });
});
