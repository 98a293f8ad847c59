/** The four ways the per-request benchmark fetches one sample (run.ts measures them, request-worker.ts runs one). */
import { CLIENT_VERSION } from "@segments-ts/client";
import { SegmentsClient } from "../src/index.js";

export const VARIANTS = [
  "raw fetch",
  "raw fetch + timeout signal",
  "fetch + timeout + the SDK's 4 headers",
  "SDK getSample",
] as const;
export type VariantName = (typeof VARIANTS)[number];
export const API_KEY = "bench-key";
const SAMPLE_UUID = "5b8e4f2a-3c1d-4e6f-8a9b-0c1d2e3f4a5b";

/** The request each variant makes, against the bench server at `url`. */
export function variantRun(name: VariantName, url: string): () => Promise<unknown> {
  const target = `${url}/samples/${SAMPLE_UUID}/`;
  // The baseline: the same URL, the same JSON body parsed, the one header the API requires.
  const headers = { Authorization: `APIKey ${API_KEY}` };
  // Not a target, an explanation: every header the SDK sends, i.e. all the SDK's fetch must do.
  const sdkHeaders = {
    authorization: `APIKey ${API_KEY}`,
    accept: "application/json",
    "x-source": "typescript-sdk",
    "segments-sdk-version": CLIENT_VERSION,
  };
  // What any per-request timeout costs: undici does extra work for every request that carries a signal.
  const fetchWithTimeout = async (init: RequestInit) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      return await (await fetch(target, { ...init, signal: controller.signal })).json();
    } finally {
      clearTimeout(timer);
    }
  };
  switch (name) {
    case "raw fetch":
      return async () => (await fetch(target, { headers })).json();
    case "raw fetch + timeout signal":
      return () => fetchWithTimeout({ headers });
    case "fetch + timeout + the SDK's 4 headers":
      return () => fetchWithTimeout({ headers: sdkHeaders });
    case "SDK getSample": {
      const client = new SegmentsClient({ apiKey: API_KEY, baseUrl: url, logLevel: "off" });
      return () => client.getSample(SAMPLE_UUID);
    }
  }
}

/** Runs `requests` sequential requests; resolves with milliseconds and client-process CPU microseconds per request. */
export async function measureRequests(run: () => Promise<unknown>, requests: number) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < requests; i++) await run();
  const ms = (performance.now() - started) / requests;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuUs: (user + system) / requests };
}
