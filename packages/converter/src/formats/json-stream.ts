/**
 * A small incremental reader for JSON documents shaped like COCO files: a top-level object some of whose members are
 * large arrays. It yields the elements of the chosen arrays one by one, each parsed with `JSON.parse`, while reading
 * the text chunk by chunk, so neither the whole text nor the whole parsed document is ever held.
 *
 * Why not a streaming JSON parser from npm: a token-level parser (e.g. `stream-json`) builds every value from
 * individual tokens in JavaScript and was several times slower on the bench's file (see bench/RESULTS.md), while here the
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
 * The reader's state over the text: a window `buf` of the input (what lies before `mark` may be dropped when the
 * next chunk comes), the read position in it, and the document offset of its start (for error messages).
 */
class ChunkScanner {
  buf = "";
  pos = 0;
  /** Start of the value being read; text before it may be dropped. */
  mark = 0;
  /** Document offset of `buf[0]`. */
  base = 0;
  private eof = false;

  constructor(
    private readonly source: AsyncIterator<string> | Iterator<string>,
    readonly file: string | undefined,
  ) {}

  fail(message: string, at = this.pos): never {
    throw new ConversionError(`invalid JSON: ${message} at character ${this.base + at}`, { file: this.file });
  }

  /** Appends the next chunk, dropping what lies before `mark`. Returns false at the end of the input. */
  async more(): Promise<boolean> {
    while (!this.eof) {
      const next = await this.source.next();
      if (next.done) {
        this.eof = true;
        break;
      }
      if (next.value.length === 0) continue;
      this.buf = this.buf.slice(this.mark) + next.value;
      this.base += this.mark;
      this.pos -= this.mark;
      this.mark = 0;
      return true;
    }
    return false;
  }

  /** The next non-space character code (not consumed), or -1 at the end of the input. */
  async peek(): Promise<number> {
    for (;;) {
      while (this.pos < this.buf.length) {
        const c = this.buf.charCodeAt(this.pos);
        if (!isSpace(c)) return c;
        this.pos++;
      }
      this.mark = this.pos;
      if (!(await this.more())) return -1;
    }
  }

  async expect(code: number, what: string): Promise<void> {
    if ((await this.peek()) !== code) this.fail(`expected ${what}`);
    this.pos++;
  }

  /** Scans one value starting at `pos` (after {@link peek}) and returns its text, or "" when `keep` is false. */
  async scanValue(keep: boolean): Promise<string> {
    this.mark = this.pos;
    let depth = 0;
    let inString = false;
    let escaped = false;
    const first = this.buf.charCodeAt(this.pos);
    const scalar = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    for (;;) {
      if (this.pos >= this.buf.length) {
        if (!keep) this.mark = this.pos;
        if (!(await this.more())) {
          if (scalar && !inString) break;
          this.fail("unexpected end of input");
        }
        continue;
      }
      const c = this.buf.charCodeAt(this.pos);
      if (inString) {
        this.pos++;
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
        this.pos++;
        continue;
      }
      this.pos++;
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) break;
      }
    }
    return keep ? this.buf.slice(this.mark, this.pos) : "";
  }

  /** `JSON.parse` of a value's text, located at document offset `base + at` in errors. */
  parse(text: string, at: number): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConversionError(
        `invalid JSON in the value at character ${this.base + at}: ${(error as Error).message}`,
        { file: this.file },
      );
    }
  }

  /** After a value in an array or object: consumes `,` (returns false) or the closing `close` (returns true). */
  async endOrComma(close: number, what: string): Promise<boolean> {
    const next = await this.peek();
    this.pos++;
    if (next === close) return true;
    if (next !== COMMA) this.fail(`expected "," or "${what}"`, this.pos - 1);
    return false;
  }
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
  const s = new ChunkScanner(source, file);
  try {
    if ((await s.peek()) !== OPEN_BRACE)
      throw new ConversionError("COCO file must be a JSON object", { file });
    s.pos++;
    if ((await s.peek()) === CLOSE_BRACE) s.pos++;
    else {
      do {
        if ((await s.peek()) !== QUOTE) s.fail("expected a member name");
        const keyAt = s.pos;
        const key = s.parse(await s.scanValue(true), keyAt) as string;
        await s.expect(COLON, '":"');
        const c = await s.peek();
        if (c === -1) s.fail("unexpected end of input");
        if (keys.has(key) && c === OPEN_BRACKET) yield* readArray(s, key);
        else if (keys.has(key)) {
          const at = s.pos;
          yield { kind: "value", key, value: s.parse(await s.scanValue(true), at) };
        } else {
          const at = s.pos;
          const text = await s.scanValue(c !== OPEN_BRACE && c !== OPEN_BRACKET);
          // Scalars are validated by JSON.parse; objects and arrays that are skipped only have their nesting checked.
          if (text !== "") s.parse(text, at);
        }
      } while (!(await s.endOrComma(CLOSE_BRACE, "}")));
    }
    if ((await s.peek()) !== -1) s.fail("unexpected data after the top-level object");
  } finally {
    // close the source (e.g. a file stream) when stopped early or on an error
    await source.return?.();
  }
}

/** The elements of the array at `s.pos` (its `[`), each parsed, then its end. */
async function* readArray(s: ChunkScanner, key: string): AsyncGenerator<TopLevelItem> {
  s.pos++;
  let index = 0;
  if ((await s.peek()) === CLOSE_BRACKET) s.pos++;
  else {
    do {
      if ((await s.peek()) === -1) s.fail("unexpected end of input");
      const at = s.pos;
      const value = s.parse(await s.scanValue(true), at);
      yield { kind: "element", key, index: index++, value };
    } while (!(await s.endOrComma(CLOSE_BRACKET, "]")));
  }
  yield { kind: "end", key };
}
