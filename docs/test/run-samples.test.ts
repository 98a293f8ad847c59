// The guide samples marked `<!-- ci: run -->` (the quick start, every tab of the labels guide) run as programs
// against the emulator and exit 0; the emulator checks every request and response against the spec. The testing
// guide's Vitest example runs as a Vitest test file and passes.
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runnableSamples, runSample } from "../src/run-samples.ts";

const samples = runnableSamples();

describe("the guide samples marked to run", () => {
  let emulator: Emulator;

  beforeAll(async () => {
    emulator = await startEmulator({ validateResponses: true, releaseDelayMs: 20 });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  it("include the quick start flow, the six label types and the Vitest example", () => {
    const files = samples.map((sample) => sample.file);
    expect(samples.filter((sample) => sample.runs === "vitest").map((sample) => sample.file)).toEqual([
      "docs/guides/testing.md",
    ]);
    expect(files.filter((file) => file === "docs/guides/quick-start.md").length).toBeGreaterThanOrEqual(1);
    expect(files.filter((file) => file === "docs/guides/labels.md")).toHaveLength(6);
    expect(samples.some((sample) => sample.code.includes("waitForRelease"))).toBe(true);
  });

  it.each(samples.map((sample) => [`${sample.file}:${sample.line}`, sample] as const))(
    "%s runs against the emulator",
    async (_location, sample) => {
      const run = await runSample(sample, emulator);
      if (sample.runs === "vitest") {
        expect({ exitCode: run.exitCode, output: run.stdout + run.stderr }).toMatchObject({ exitCode: 0 });
        expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
      } else {
        expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: "" });
      }
    },
  );

  it("made no response the spec does not allow", () => {
    expect(emulator.violations).toEqual([]);
  });
});
