// Issue 23: every status the emulator can answer is declared in the spec for that operation, so the response
// validation that our suites run (strict mode: an undeclared status is a violation, and close() rejects) holds.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, createDataset, createSample, type Request, start } from "./helpers.js";

/** A request URL for an operation, with every path parameter filled in (uuids where the spec wants them). */
function pathOf(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => (name.endsWith("uuid") ? randomUUID() : "x"));
}

describe("statuses every operation can answer are declared", () => {
  let emulator: Emulator;
  let throttled: Emulator;
  let operations: { operationId: string; method: string; path: string; takesBody: boolean }[];
  beforeAll(async () => {
    emulator = await start({ strict: true, maxBodyBytes: 1024, log: () => {} });
    throttled = await start({ strict: true, rateLimit: { requests: 1, windowSeconds: 3600 }, log: () => {} });
    const spec = (await import("@segments-ts/openapi/openapi.json")).default as unknown as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
    };
    operations = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ["get", "put", "post", "patch", "delete"].includes(method))
        .map(([method, operation]) => ({
          operationId: operation.operationId,
          method: method.toUpperCase(),
          path,
          takesBody: operation.requestBody !== undefined,
        })),
    );
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    expect(throttled.violations).toEqual([]);
    await Promise.all([emulator.close(), throttled.close()]);
  });

  it("401 without credentials, 400 for more than 1,000 query parameters, 413 for a body over the limit", async () => {
    const tooMany = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join("&");
    const seen: Record<string, number[]> = {};
    for (const operation of operations) {
      const url = `${emulator.url}${pathOf(operation.path)}`;
      const statuses = [(await fetch(url, { method: operation.method })).status];
      const headers = { Authorization: `APIKey ${emulator.apiKey}` };
      statuses.push((await fetch(`${url}?${tooMany}`, { method: operation.method, headers })).status);
      if (operation.takesBody) {
        const body = JSON.stringify({ padding: "x".repeat(2048) });
        const json = { ...headers, "Content-Type": "application/json" };
        statuses.push((await fetch(url, { method: operation.method, headers: json, body })).status);
      }
      seen[operation.operationId] = statuses;
    }
    for (const [operationId, statuses] of Object.entries(seen)) {
      expect(statuses.slice(0, 2), operationId).toEqual([401, 400]);
      if (statuses.length > 2) expect(statuses[2], operationId).toBe(413);
    }
    expect(Object.keys(seen)).toHaveLength(operations.length);
  });

  it("429 once the rate limit is spent", async () => {
    const headers = { Authorization: `APIKey ${throttled.apiKey}` };
    await fetch(`${throttled.url}/api_status/`, { headers });
    for (const operation of operations) {
      const answer = await fetch(`${throttled.url}${pathOf(operation.path)}`, {
        method: operation.method,
        headers,
      });
      expect(answer.status, operation.operationId).toBe(429);
    }
  });
});

describe("statuses of particular operations", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({ strict: true });
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("updateSample: 409 when the new name is taken", async () => {
    await createDataset(jane, "names");
    await createSample(jane, "jane/names", "a.jpg");
    const b = await createSample(jane, "jane/names", "b.jpg");
    const answer = await jane("PATCH", `/samples/${b.uuid}/`, { name: "a.jpg" });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toMatch(/already exists/);
  });
});
