// TypeDoc's Markdown links must land on VitePress's heading ids.
import { describe, expect, it } from "vitest";
import { vitePressSlug, withVitePressAnchors } from "../src/typedoc.ts";

describe("withVitePressAnchors", () => {
  it("rewrites every link anchor to VitePress's heading id, outside code blocks", () => {
    const markdown = [
      "see [x](../index.md#default_max_pixels), [y](Foo.md#bar-baz) and [z](#DEFAULT_BASE_URL)",
      "```ts",
      "const link = [q](a.md#q_r);",
      "```",
    ].join("\n");
    expect(withVitePressAnchors(markdown)).toBe(
      [
        "see [x](../index.md#default-max-pixels), [y](Foo.md#bar-baz) and [z](#default-base-url)",
        "```ts",
        "const link = [q](a.md#q_r);",
        "```",
      ].join("\n"),
    );
  });

  it("slugs like VitePress", () => {
    expect(vitePressSlug("getDataset()")).toBe("getdataset");
    expect(vitePressSlug("DEFAULT_MAX_PIXELS")).toBe("default-max-pixels");
    expect(vitePressSlug("2d points")).toBe("_2d-points");
  });
});
