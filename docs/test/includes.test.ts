import { readFileSync } from "node:fs";
import { EXPORT_FORMATS } from "@segments-ts/converter";
import { describe, expect, it } from "vitest";
import { expandIncludes, extractSection } from "../src/includes.ts";

describe("extractSection", () => {
  const readme = [
    "# pkg",
    "## Usage",
    "```sh",
    "# a shell comment, not a heading",
    "```",
    "### Details",
    "detail text",
    "## Next",
    "other",
  ].join("\n");

  it("returns the body under the heading, including deeper headings and fenced '#' lines", () => {
    expect(extractSection(readme, "Usage")).toBe(
      ["```sh", "# a shell comment, not a heading", "```", "### Details", "detail text"].join("\n"),
    );
  });

  it("returns undefined when no heading contains the text", () => {
    expect(extractSection(readme, "Missing")).toBeUndefined();
  });
});

describe("expandIncludes", () => {
  it("fails with the guide's name when the included section does not exist", () => {
    expect(() => expandIncludes("<!-- include: README.md#No such heading -->", "docs/guides/x.md")).toThrow(
      'docs/guides/x.md: README.md has no heading containing "No such heading"',
    );
  });

  it("fails when the included file does not exist", () => {
    expect(() => expandIncludes("<!-- include: nope/README.md#Usage -->", "docs/guides/x.md")).toThrow(
      "docs/guides/x.md: included file nope/README.md does not exist",
    );
  });

  it("inlines a section of a repository file", () => {
    const expanded = expandIncludes("<!-- include: README.md#Quick start -->", "docs/guides/x.md");
    expect(expanded).toContain("pnpm@10.34.8 demo");
    expect(expanded).not.toContain("<!-- include");
  });
});

describe("the releases guide's list of export formats", () => {
  it("is the converter's registry, through the README table it includes", () => {
    const guide = readFileSync(new URL("../guides/releases-and-exports.md", import.meta.url), "utf8");
    const expanded = expandIncludes(guide, "docs/guides/releases-and-exports.md");
    for (const format of EXPORT_FORMATS) expect(expanded).toContain(`| \`${format}\` |`);
  });
});
