/**
 * Load generator: N SDK clients, each its own user with its own dataset, run a read/write mix as fast as they can
 * for a fixed time. A 429 (the configured rate limit) is counted and honoured (the client sleeps for Retry-After);
 * every other error is recorded as a failure.
 */
import { RateLimitError, SegmentsClient } from "@segments-ts/sdk";
import { bump } from "./report.ts";

export interface LoadOptions {
  url: string;
  /** One API key per client. */
  apiKeys: readonly string[];
  /** `owner/name` of each client's dataset, same order as `apiKeys`. */
  datasets: readonly string[];
  durationMs: number;
}

export interface LoadResult {
  /** Successful operations. */
  ops: number;
  opsByKind: Record<string, number>;
  /** Milliseconds of each successful operation. */
  latencies: number[];
  rateLimited: number;
  /** Every other error, as `name: message`. */
  errors: string[];
  /** Samples each client created (acknowledged), by dataset. */
  created: Map<string, number>;
}

const image = (name: string) => ({ image: { url: `https://example.com/${name}.jpg` } });
const box = {
  format_version: "0.1",
  annotations: [
    {
      id: 1,
      category_id: 1,
      type: "bbox" as const,
      points: [
        [1, 1],
        [9, 9],
      ],
    },
  ],
};

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {
    ops: 0,
    opsByKind: {},
    latencies: [],
    rateLimited: 0,
    errors: [],
    created: new Map(),
  };
  const deadline = performance.now() + options.durationMs;

  async function client(index: number): Promise<void> {
    const dataset = options.datasets[index] as string;
    const sdk = new SegmentsClient({
      apiKey: options.apiKeys[index],
      baseUrl: options.url,
      maxRetries: 0,
      timeout: 15_000,
      logLevel: "off",
    });
    const samples: string[] = [];
    result.created.set(dataset, 0);
    for (let i = 0; performance.now() < deadline; i++) {
      const roll = (i * 7 + index) % 10;
      const kind =
        samples.length === 0 || roll < 3
          ? "addSample"
          : roll < 6
            ? "getSample"
            : roll < 8
              ? "addLabel"
              : roll < 9
                ? "getSamples"
                : "updateSample";
      const target = samples[i % Math.max(1, samples.length)] as string;
      const started = performance.now();
      try {
        switch (kind) {
          case "addSample": {
            const name = `c${index}-s${i}`;
            const sample = await sdk.addSample(dataset, name, image(name));
            samples.push(sample.uuid);
            result.created.set(dataset, (result.created.get(dataset) ?? 0) + 1);
            break;
          }
          case "getSample":
            await sdk.getSample(target);
            break;
          case "addLabel":
            await sdk.addLabel(target, "ground-truth", box, { label_status: "LABELED" });
            break;
          case "getSamples":
            await sdk.getSamples(dataset, { per_page: 50 });
            break;
          case "updateSample":
            await sdk.updateSample(target, { priority: i });
            break;
        }
        result.latencies.push(performance.now() - started);
        result.ops++;
        bump(result.opsByKind, kind);
      } catch (error) {
        if (error instanceof RateLimitError && error.status === 429) {
          result.rateLimited++;
          const seconds = Number(error.headers.get("retry-after") ?? "1");
          await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 2) * 1000));
        } else {
          result.errors.push(`${(error as Error).name}: ${(error as Error).message}`);
        }
      }
    }
  }

  await Promise.all(options.apiKeys.map((_, index) => client(index)));
  return result;
}
