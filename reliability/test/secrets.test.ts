/**
 * The API key never appears in an error message, a log line, or the `toString`/`inspect`/JSON of a client or an
 * error. The fault and fuzz runs scan all their output for their keys (see `fault-workload.test.ts` and
 * `server-fuzz.test.ts`); this file provokes every error class the SDK has, with debug logging on, and scans every
 * rendering of each.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { type FetchLike, SegmentsClient, SegmentsError } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recordFigures } from "../src/report.ts";
import { OutputCapture, renderEverything } from "../src/secrets.ts";

const KEY = "secret-key-for-scan-4c2d9a";

describe("the API key never leaks", () => {
  test("the scanner itself finds a key hidden in an error's cause", () => {
    const scanner = new OutputCapture();
    scanner.addError(
      new Error("outer", { cause: { config: { headers: { authorization: `APIKey ${KEY}` } } } }),
    );
    expect(scanner.findings(KEY)).toHaveLength(1);
  });

  let emulator: Emulator;
  let stalling: Server;
  let stallingUrl: string;
  const capture = new OutputCapture();
  const errorNames = new Set<string>();

  beforeAll(async () => {
    emulator = await startEmulator({
      users: [
        { username: "owner", apiKey: KEY },
        { username: "other", apiKey: "other-key" },
      ],
      rateLimit: "6/s",
      log: (message, error) => capture.add(`emulator: ${message} ${inspect(error)}`),
    });
    // Answers 500, 503 or never, depending on the path.
    stalling = createServer((req, res) => {
      if (req.url?.includes("slow")) return;
      res.writeHead(req.url?.includes("unavailable") ? 503 : 500, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: `echo of ${req.headers["user-agent"] ?? ""}` }));
    });
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
    stallingUrl = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    stalling.closeAllConnections();
    await new Promise((resolve) => stalling.close(resolve));
    await emulator?.close();
  });

  const client = (baseUrl: string, extra: { fetch?: FetchLike; timeout?: number } = {}) =>
    new SegmentsClient({
      apiKey: KEY,
      baseUrl,
      maxRetries: 0,
      logLevel: "debug",
      logger: capture.logger(),
      ...extra,
    });

  async function provoke(what: string, run: () => PromiseLike<unknown>): Promise<void> {
    const error = await Promise.resolve()
      .then(run)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error, what).toBeInstanceOf(SegmentsError);
    errorNames.add((error as Error).name);
    capture.addError(error);
  }

  test("every error class, every rendering, every log line", async () => {
    const api = client(emulator.url);
    const dataset = (await api.addDataset("secrets", { task_type: "bboxes" })).full_name;
    await api.addDatasetCollaborator(dataset, "other", "labeler");
    capture.add(renderEverything(api));
    capture.add(String(api));
    capture.add(JSON.stringify(api));
    capture.add(inspect(api, { showHidden: true, depth: 10 }));
    capture.add(JSON.stringify(Object.getOwnPropertyDescriptors(api)));

    await provoke("validation", () => api.getDataset("not-an-identifier"));
    await provoke("not found", () => api.getDataset("owner/missing"));
    await provoke("bad request", () => api.addDataset("secrets", { task_type: "bboxes" }));
    await provoke("permission", () =>
      new SegmentsClient({
        apiKey: "other-key",
        baseUrl: emulator.url,
        maxRetries: 0,
        logLevel: "off",
      }).deleteDataset(dataset),
    );
    await provoke("authentication", () =>
      new SegmentsClient({
        apiKey: `${KEY}-revoked`,
        baseUrl: emulator.url,
        maxRetries: 0,
        logLevel: "off",
      }).getUser(),
    );
    // 20 at once: over the 6/s budget however slow the machine is.
    await provoke("rate limit", () => Promise.all(Array.from({ length: 20 }, () => api.getUser())));
    await provoke("server error", () => client(stallingUrl).getDataset("owner/x"));
    await provoke("unavailable", () => client(`${stallingUrl}/unavailable`).getDataset("owner/x"));
    await provoke("timeout", () => client(`${stallingUrl}/slow`, { timeout: 200 }).getDataset("owner/x"));
    await provoke("connection refused", () => client("http://127.0.0.1:9").getDataset("owner/x"));
    await provoke("abort", () => api.getDataset(dataset, { signal: AbortSignal.abort() }));
    await provoke("missing key", async () => new SegmentsClient({ apiKey: "", logLevel: "off" }));

    const findings = capture.findings(KEY);
    recordFigures("Security: API key secrecy", {
      "error classes provoked": [...errorNames].sort().join(", "),
      "output scanned (chars)": capture.size,
      "debug log lines scanned": capture.entries.filter((entry) => entry.startsWith("debug")).length,
      "key found": findings.length,
    });
    expect(errorNames.size).toBeGreaterThanOrEqual(10);
    expect(errorNames).toContain("PermissionDeniedError");
    // The debug log shows requests with the credential redacted, so there was something to leak.
    expect(capture.entries.some((entry) => entry.includes("authorization") && entry.includes("***"))).toBe(
      true,
    );
    expect(findings).toEqual([]);
  });
});
