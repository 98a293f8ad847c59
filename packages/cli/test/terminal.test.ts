/** Terminal text cleaned of control characters (the pure part of the hostile-input tests). */
import { describe, expect, test } from "vitest";
import { cell, safeJson, stripControls } from "../src/terminal.ts";

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
