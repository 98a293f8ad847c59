/**
 * A small incremental reader for JSON documents shaped like COCO files: a top-level object some of whose members are
 * large arrays. It yields the elements of the chosen arrays one by one, each parsed with `JSON.parse`, while reading
 * the text chunk by chunk, so neither the whole text nor the whole parsed document is ever held.
 *
 * Why not a streaming JSON parser from npm: a token-level parser (e.g. `stream-json`) builds every value from
 * individual tokens in JavaScript and was several times slower in our benchmark (see the README), while here the
 * only per-character work is finding where an element ends; the element itself is parsed by the engine's native
 * `JSON.parse`. Structure outside the elements (braces, keys, commas) is checked here; each element's syntax is
 * checked by `JSON.parse`.
 */
import { ConversionError } from "../errors.js";

/** One item produced by {@link readTopLevelArrays}. */
export type TopLevelItem =
  /** An element of a selected top-level array (`index` is its position in that array). */
  | { kind: "element"; key: string; index: number; value: unknown }
  /** A selected array has ended. */
  | { kind: "end"; key: string }
  /** A selected member whose value is not an array (parsed whole). */
  | { kind: "value"; key: string; value: unknown };

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * Reads a JSON object from text chunks and yields the elements of the members named in `keys` (other members are
 * scanned and dropped). Throws a {@link ConversionError} with the character offset for malformed JSON and when the
 * document is not an object.
 *
 * @example
 * ```ts
 * for await (const item of readTopLevelArrays(chunks, new Set(["images"]))) {
 *   if (item.kind === "element") console.log(item.value);
 * }
 * ```
 */
export async function* readTopLevelArrays(
  chunks: AsyncIterable<string> | Iterable<string>,
  keys: ReadonlySet<string>,
  file?: string,
): AsyncGenerator<TopLevelItem> {
  const source = (
    Symbol.asyncIterator in chunks
      ? (chunks as AsyncIterable<string>)[Symbol.asyncIterator]()
      : (chunks as Iterable<string>)[Symbol.iterator]()
  ) as AsyncIterator<string> | Iterator<string>;
  let buf = "";
  let pos = 0;
  /** Start of the value being read; text before it may be dropped. */
  let mark = 0;
  /** Document offset of `buf[0]`. */
  let base = 0;
  let eof = false;

  const fail = (message: string, at = pos): never => {
    throw new ConversionError(`invalid JSON: ${message} at character ${base + at}`, { file });
  };
  /** Appends the next chunk, dropping what lies before `mark`. Returns false at the end of the input. */
  const more = async (): Promise<boolean> => {
    while (!eof) {
      const next = await source.next();
      if (next.done) {
        eof = true;
        break;
      }
      if (next.value.length === 0) continue;
      buf = buf.slice(mark) + next.value;
      base += mark;
      pos -= mark;
      mark = 0;
      return true;
    }
    return false;
  };
  /** The next non-space character code (not consumed), or -1 at the end of the input. */
  const peek = async (): Promise<number> => {
    for (;;) {
      while (pos < buf.length) {
        const c = buf.charCodeAt(pos);
        if (!isSpace(c)) return c;
        pos++;
      }
      mark = pos;
      if (!(await more())) return -1;
    }
  };
  const expect = async (code: number, what: string): Promise<void> => {
    if ((await peek()) !== code) fail(`expected ${what}`);
    pos++;
  };
  /** Scans one value starting at `pos` (after {@link peek}) and returns its text, or "" when `keep` is false. */
  const scanValue = async (keep: boolean): Promise<string> => {
    mark = pos;
    let depth = 0;
    let inString = false;
    let escaped = false;
    const first = buf.charCodeAt(pos);
    const scalar = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    for (;;) {
      if (pos >= buf.length) {
        if (!keep) mark = pos;
        if (!(await more())) {
          if (scalar && !inString) break;
          fail("unexpected end of input");
        }
        continue;
      }
      const c = buf.charCodeAt(pos);
      if (inString) {
        pos++;
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) break;
        }
        continue;
      }
      if (scalar) {
        if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || isSpace(c)) break;
        pos++;
        continue;
      }
      pos++;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) break;
      }
    }
    return keep ? buf.slice(mark, pos) : "";
  };
  const parse = (text: string, at: number): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConversionError(
        `invalid JSON in the value at character ${base + at}: ${(error as Error).message}`,
        {
          file,
        },
      );
    }
  };

  try {
    if ((await peek()) !== OPEN_BRACE) throw new ConversionError("COCO file must be a JSON object", { file });
    pos++;
    if ((await peek()) === CLOSE_BRACE) pos++;
    else {
      for (;;) {
        if ((await peek()) !== QUOTE) fail("expected a member name");
        const keyAt = pos;
        const key = parse(await scanValue(true), keyAt) as string;
        await expect(COLON, '":"');
        const c = await peek();
        if (c === -1) fail("unexpected end of input");
        if (keys.has(key) && c === OPEN_BRACKET) {
          pos++;
          let index = 0;
          if ((await peek()) === CLOSE_BRACKET) pos++;
          else {
            for (;;) {
              if ((await peek()) === -1) fail("unexpected end of input");
              const at = pos;
              const value = parse(await scanValue(true), at);
              yield { kind: "element", key, index: index++, value };
              const next = await peek();
              pos++;
              if (next === CLOSE_BRACKET) break;
              if (next !== COMMA) fail('expected "," or "]"', pos - 1);
            }
          }
          yield { kind: "end", key };
        } else if (keys.has(key)) {
          const at = pos;
          yield { kind: "value", key, value: parse(await scanValue(true), at) };
        } else {
          const at = pos;
          const text = await scanValue(c !== OPEN_BRACE && c !== OPEN_BRACKET);
          // Scalars are validated by JSON.parse; objects and arrays that are skipped only have their nesting checked.
          if (text !== "") parse(text, at);
        }
        const next = await peek();
        pos++;
        if (next === CLOSE_BRACE) break;
        if (next !== COMMA) fail('expected "," or "}"', pos - 1);
      }
    }
    if ((await peek()) !== -1) fail("unexpected data after the top-level object");
  } finally {
    // close the source (e.g. a file stream) when stopped early or on an error
    await source.return?.();
  }
}
