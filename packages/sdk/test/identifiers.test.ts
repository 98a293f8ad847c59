import { describe, expect, test } from "vitest";
import { ValidationError } from "../src/core/errors.js";
import { parseDatasetIdentifier, pathSegment } from "../src/core/identifiers.js";

describe("parseDatasetIdentifier", () => {
  test("splits owner/name", () => {
    expect(parseDatasetIdentifier("jane/flowers")).toEqual({ owner: "jane", dataset: "flowers" });
  });

  test.each(["flowers", "jane/", "/flowers", "a/b/c", "", "jane/..", "../x"])(
    "rejects %j naming the form",
    (id) => {
      const error = (() => {
        try {
          parseDatasetIdentifier(id);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).argument).toMatch(/^dataset/);
      if (id.split("/").length !== 2) expect((error as Error).message).toContain("jane/flowers");
    },
  );

  test("rejects non-strings", () => {
    expect(() => parseDatasetIdentifier(42)).toThrow(ValidationError);
    expect(() => parseDatasetIdentifier(undefined)).toThrow(/owner\/name/);
  });
});

describe("pathSegment", () => {
  test("accepts names that will be percent-encoded", () => {
    expect(pathSegment("a/b", "labelset")).toBe("a/b");
    expect(pathSegment("ground truth?", "labelset")).toBe("ground truth?");
  });

  test.each([".", "..", "%2e%2E", ".%2e", "", "a\nb"])("rejects %j", (value) => {
    expect(() => pathSegment(value, "labelset")).toThrow(ValidationError);
  });
});
