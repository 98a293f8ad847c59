import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Emulator } from "../src/index.js";
import { Store } from "../src/store/store.js";
import { client, createDataset, imageAttributes, type Request, start, vectorLabel } from "./helpers.js";

/** Records the name of every Store method called (the emulator runs in this process), private helpers aside. */
function traceStore(): { calls: string[]; restore(): void } {
  const calls: string[] = [];
  const spies = Object.getOwnPropertyNames(Store.prototype)
    .filter((name) => name !== "constructor" && name !== "sql")
    .map((name) => {
      const prototype = Store.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
      const original = prototype[name] as (...args: unknown[]) => unknown;
      return vi.spyOn(prototype, name).mockImplementation(function (this: unknown, ...args: unknown[]) {
        calls.push(name);
        return original.apply(this, args);
      });
    });
  return {
    calls,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

describe("scale: listing is O(page), bulk adds yield, private and missing cost the same", () => {
  let emulator: Emulator;
  let jane: Request;
  const SAMPLES = 5000;
  const LABELED = 300;
  beforeAll(async () => {
    emulator = await start();
    jane = client(emulator);
    await createDataset(jane, "big");
    const items = Array.from({ length: SAMPLES }, (_, i) => ({
      name: `s-${String(i).padStart(5, "0")}.jpg`,
      attributes: imageAttributes(`${i}.jpg`),
      metadata: { index: i, parity: i % 2 ? "odd" : "even" },
      priority: i % 7,
    }));
    const created = await jane("POST", "/datasets/jane/big/samples_bulk/", items);
    expect(created.status).toBe(201);
    const uuids = (created.body as { uuid: string }[]).slice(0, LABELED).map((sample) => sample.uuid);
    for (let i = 0; i < uuids.length; i += 10) {
      await Promise.all(
        uuids.slice(i, i + 10).map((uuid) =>
          jane("PUT", `/labels/${uuid}/ground-truth/`, {
            attributes: vectorLabel,
            label_status: "LABELED",
          }),
        ),
      );
    }
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });
  afterEach(() => vi.restoreAllMocks());

  it("reads one page of rows, not the dataset, for per_page=1 (any sort, any page)", async () => {
    const parse = vi.spyOn(JSON, "parse");
    for (const query of [
      "",
      "&sort=-name",
      "&sort=priority",
      "&sort=-created_at",
      "&page=2500",
      "&name__contains=s-049",
    ]) {
      parse.mockClear();
      const page = await jane("GET", `/datasets/jane/big/samples/?per_page=1${query}`);
      expect(page.status, query).toBe(200);
      expect(page.body, query).toHaveLength(1);
      // The sample row, the response in the test client, and little else: never one parse per stored sample.
      expect(parse.mock.calls.length, query).toBeLessThan(10);
    }
    const last = await jane("GET", "/datasets/jane/big/samples/?per_page=1&sort=-name");
    expect(last.body[0].name).toBe("s-04999.jpg");
  });

  it("answers getDataset without reading every sample or label (counts are kept, not recomputed)", async () => {
    const parse = vi.spyOn(JSON, "parse");
    const dataset = await jane("GET", "/datasets/jane/big/");
    expect(dataset.body.samples_count).toBe(SAMPLES);
    expect(dataset.body.label_stats).toMatchObject({ LABELED, UNLABELED: SAMPLES - LABELED, TOTAL: SAMPLES });
    expect(parse.mock.calls.length).toBeLessThan(10);
  });

  it("serves other requests while a large bulk add is written", async () => {
    await createDataset(jane, "bulk-yield");
    const trace = traceStore();
    try {
      const items = Array.from({ length: 5000 }, (_, i) => ({
        name: `${i}.jpg`,
        attributes: imageAttributes("y"),
      }));
      let done = false;
      const bulk = jane("POST", "/datasets/jane/bulk-yield/samples_bulk/", items).finally(() => {
        done = true;
      });
      while (!done) await jane("GET", "/api_status/");
      expect((await bulk).status).toBe(201);
      const first = trace.calls.indexOf("insertSample");
      const last = trace.calls.lastIndexOf("insertSample");
      // getUserByKey authenticates each status request: some ran between the first and last sample written.
      const between = trace.calls.slice(first, last).filter((name) => name === "getUserByKey");
      expect(between.length).toBeGreaterThan(0);
    } finally {
      trace.restore();
    }
  });

  it("does the same store work for a private dataset as for a missing one (404 in indistinguishable time)", async () => {
    await createDataset(jane, "secret");
    const stranger = client(emulator, "stranger-key");
    const paths = (name: string, sample: string) => [
      `/datasets/jane/${name}/`,
      `/datasets/jane/${name}/samples/`,
      `/datasets/jane/${name}/releases/`,
      `/samples/${sample}/`,
      `/labels/${sample}/ground-truth/`,
    ];
    const secretSample = (
      await jane("POST", "/datasets/jane/secret/samples/", {
        name: "x.jpg",
        attributes: imageAttributes("x"),
      })
    ).body.uuid;
    const tracesOf = async (name: string, sample: string) => {
      const result: string[][] = [];
      for (const path of paths(name, sample)) {
        await stranger("GET", path); // warm the caches the same way for both
        const trace = traceStore();
        const answer = await stranger("GET", path);
        trace.restore();
        expect(answer.status, path).toBe(404);
        result.push(trace.calls);
      }
      return result;
    };
    const privateTraces = await tracesOf("secret", secretSample);
    const missingTraces = await tracesOf("no-such-dataset", randomUUID());
    expect(missingTraces).toEqual(privateTraces);
  });
});
