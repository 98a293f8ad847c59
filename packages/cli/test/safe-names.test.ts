/** The pure pieces behind the hostile-input tests: names made safe, terminal text cleaned. */
import { describe, expect, test } from "vitest";
import { OutputDir, safeRelativePath, safeSegment } from "../src/safe-paths.ts";
import { cell, safeJson, stripControls } from "../src/terminal.ts";

describe("safe names", () => {
  test("separators, dot segments, drive letters, NUL and reserved names", () => {
    expect(safeRelativePath("../../etc/passwd")).toBe("etc/passwd");
    expect(safeRelativePath("/abs/path.png")).toBe("abs/path.png");
    expect(safeRelativePath("C:\\temp\\a.png")).toBe("temp/a.png");
    expect(safeRelativePath("a\u0000b.png")).toBe("a_b.png");
    expect(safeRelativePath("..")).toBe("_");
    expect(safeRelativePath("night/rose.png")).toBe("night/rose.png");
    expect(safeSegment("CON.txt")).toBe("_CON.txt");
    expect(safeSegment("trailing. ")).toBe("trailing");
    expect(safeSegment("a/b")).toBe("a_b");
  });

  test("long names are shortened by bytes, keep their extension and stay distinct", () => {
    const a = safeSegment(`${"é".repeat(200)}a.png`);
    const b = safeSegment(`${"é".repeat(200)}b.png`);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(160);
    expect(a.endsWith(".png")).toBe(true);
    expect(a).not.toBe(b);
  });

  test("OutputDir: names colliding by case or extension get suffixes; reserved names are kept free", () => {
    const out = new OutputDir("/tmp/out");
    out.reserve("classes.txt");
    expect(["Rose.png", "rose.jpg", "../rose.png", "classes.jpg"].map((n) => out.name(n))).toEqual([
      "Rose.png",
      "rose-2.jpg",
      "rose-3.png",
      "classes-2.jpg",
    ]);
    expect(out.path("x/../../y.txt")).toBe("/tmp/out/x/y.txt");
    expect(() => out.resolve("../z")).toThrow(/refusing to write/);
  });
});

describe("terminal text", () => {
  test("escape sequences, C0 and C1 controls are removed; tabs and newlines kept, except in cells", () => {
    expect(stripControls("a\x1b]0;title\x07b\x1b[31mc\u009b2Jd\x1bPdcs\x1b\\e\tf\ng")).toBe("abc2Jde\tf\ng");
    expect(stripControls("unterminated\x1b]0;title")).toBe("unterminated");
    expect(cell("a\tb\nc\r")).toBe("a b c ");
  });

  test("JSON keeps the value but escapes DEL and C1", () => {
    const text = safeJson({ name: "\u009b31m\x7f\x1b" });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(text).not.toMatch(/[\x7f-\x9f\x1b]/);
    expect(JSON.parse(text)).toEqual({ name: "\u009b31m\x7f\x1b" });
  });
});
