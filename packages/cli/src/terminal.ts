/**
 * Server-provided text is untrusted: a dataset, sample or error message can carry terminal control sequences that
 * retitle the window, rewrite what was printed before, or hide text (ECMA-48 escape, CSI and OSC sequences, and the
 * 8-bit C1 controls some terminals still obey). Everything the CLI prints from outside goes through these functions;
 * the CLI's own sequences (progress redraws, colours) are added afterwards, so they are the only ones that remain.
 */

// ECMA-48: CSI (ESC [ params intermediates final), OSC/DCS/SOS/PM/APC strings (ended by BEL or ESC \, or running to
// the end of the text when unterminated), and two-character escapes (ESC + one byte).
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[\s\S]?)/g;
// C0 controls but tab and newline, DEL, and the C1 controls U+0080..U+009F (U+009B is an 8-bit CSI).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const LINE_BREAKS = /[\t\n\r\v\f\u2028\u2029]/g;

/**
 * Removes escape sequences and control characters from text meant for a terminal, keeping tabs and newlines.
 *
 * @example
 * ```ts
 * stripControls("rose\x1b]0;pwned\x07.png"); // "rose.png"
 * ```
 */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/**
 * One table or TSV cell: {@link stripControls}, and tabs and line breaks become spaces so a value cannot add
 * columns or rows.
 *
 * @example
 * ```ts
 * cell("a\tb\nc"); // "a b c"
 * ```
 */
export function cell(text: string): string {
  return stripControls(text.replace(LINE_BREAKS, " "));
}

/**
 * JSON for a terminal or a pipe: `JSON.stringify` escapes C0 controls (so ESC is `\u001b`) but writes DEL and the C1
 * controls raw, so those are escaped too. The JSON value is unchanged.
 *
 * @example
 * ```ts
 * safeJson({ name: "\u009b31m" }); // '{\n  "name": "\\u009b31m"\n}'
 * ```
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
