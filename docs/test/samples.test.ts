// Every ```ts sample of the guides compiles against the workspace packages (their sources, via the `source` export
// condition). A failure names the guide and the line.
import { beforeAll, describe, expect, it } from "vitest";
import { GUIDE_SLUGS, loadGuides } from "../src/guides.ts";
import { checkSamples, extractSamples, formatSampleError, type SampleError } from "../src/samples.ts";

describe("extractSamples", () => {
  it("finds ts and typescript blocks with the line of their first code line, and skips other languages", () => {
    const markdown = [
      "# Title", // 1
      "", // 2
      "```sh", // 3
      "pnpm demo", // 4
      "```", // 5
      "```ts", // 6
      "const a = 1;", // 7
      "```", // 8
      "~~~typescript", // 9
      "const b: string = `x`;", // 10
      "~~~", // 11
    ].join("\n");
    expect(extractSamples(markdown, "guide.md")).toEqual([
      { file: "guide.md", line: 7, code: "const a = 1;" },
      { file: "guide.md", line: 10, code: "const b: string = `x`;" },
    ]);
  });

  it("rejects an unterminated block", () => {
    expect(() => extractSamples("```ts\nconst a = 1;\n", "broken.md")).toThrow("broken.md:1: unterminated");
  });
});

describe("checkSamples", () => {
  it("reports the guide and line of a sample that does not compile", () => {
    const markdown = [
      "# Broken", // 1
      "```ts", // 2
      'import { SegmentsClient } from "@segments-ts/sdk";', // 3
      "const client = new SegmentsClient();", // 4
      "const count: number = client.baseUrl;", // 5
      "```", // 6
    ].join("\n");
    const errors = checkSamples(extractSamples(markdown, "docs/guides/broken.md"));
    expect(errors).toHaveLength(1);
    expect(formatSampleError(errors[0] as SampleError)).toMatch(
      /^docs\/guides\/broken\.md:5: TS2322: Type 'string' is not assignable to type 'number'/,
    );
  });
});

describe("the guides' samples", () => {
  const guides = loadGuides();
  const samples = guides.flatMap((guide) => extractSamples(guide.markdown, guide.file));
  let errors: SampleError[] = [];

  beforeAll(() => {
    errors = checkSamples(samples);
  });

  it.each(GUIDE_SLUGS)("%s: every ts sample compiles", (slug) => {
    const file = `docs/guides/${slug}.md`;
    expect(errors.filter((error) => error.file === file).map(formatSampleError)).toEqual([]);
  });

  it("include the SDK quick start", () => {
    expect(samples.some((sample) => sample.file.endsWith("quick-start.md"))).toBe(true);
  });
});
