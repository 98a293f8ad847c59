// The receiving end of label-inflate.ts: takes the inflated bytes of RGBA8 label rows (literals and runs) and
// unfilters each row into the ids as soon as it is complete, without materialising long zero runs.
import { addBytes, unfilterAlignedRow } from "./label-rows.js";

/** Zero runs shorter than this are written out as bytes rather than recorded as a span. */
const MIN_SPAN = 12;

/** Thrown to give up on the fast path; label-inflate.ts turns it into `undefined`, it never escapes. */
export class NotForUs extends Error {}
export const giveUp = (): never => {
  throw new NotForUs();
};

/**
 * Receives the inflated bytes and unfilters each row as soon as it is complete. The current row's bytes are kept
 * in `row`, except inside long zero runs, which are only recorded as spans.
 */
export class LabelRowSink {
  readonly row: Uint8Array;
  readonly rowLen: number;
  /** [start, end) pairs of zero runs in the current row, in order, adjacent ones merged. */
  spans: Int32Array;
  spanCount = 0;
  col = 0;
  y = 0;
  /** The ids, allocated when the first row is complete: other encoders' streams are usually given up before. */
  out: Uint32Array = new Uint32Array(0);
  out8: Uint8Array = new Uint8Array(0);
  /**
   * Whether `out` starts zero-filled (then Sub runs of id 0, most of a label map, need no write at all); without,
   * its contents are unspecified and every pixel is written (saves clearing the memory first).
   */
  zeroed = true;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly allocUnsafe: ((bytes: number) => Uint8Array) | undefined,
  ) {
    this.rowLen = width * 4 + 1;
    this.row = new Uint8Array(this.rowLen);
    this.spans = new Int32Array(64);
  }

  private allocate(): void {
    const n = this.width * this.height;
    const mem = this.allocUnsafe?.(4 * n);
    this.out = mem ? new Uint32Array(mem.buffer, mem.byteOffset, n) : new Uint32Array(n);
    this.out8 = new Uint8Array(this.out.buffer, this.out.byteOffset, 4 * n);
    this.zeroed = !mem;
  }

  /** Every row received, nothing more. */
  get done(): boolean {
    return this.y === this.height && this.col === 0;
  }

  /** One byte. (The Huffman loop inlines this: keep the two in step.) */
  literal(v: number): void {
    this.row[this.col++] = v;
    if (this.col === this.rowLen) this.endRow();
  }

  /** `n` copies of byte `v` (distance-1 matches). */
  repeat(v: number, n: number): void {
    const c = this.spanCount;
    const end = this.col + n;
    // Most calls: zero bytes extending the row's last span.
    if (v === 0 && c > 0 && this.spans[2 * c - 1] === this.col && end < this.rowLen) {
      this.spans[2 * c - 1] = end;
      this.col = end;
      return;
    }
    while (n > 0) {
      if (this.y === this.height) giveUp();
      const start = this.col;
      const stop = Math.min(start + n, this.rowLen);
      if (v !== 0 || stop - start < MIN_SPAN) this.row.fill(v, start, stop);
      else this.addSpan(start, stop);
      this.col = stop;
      n -= stop - start;
      if (stop === this.rowLen) this.endRow();
    }
  }

  private addSpan(start: number, end: number): void {
    const c = this.spanCount;
    if (c > 0 && this.spans[2 * c - 1] === start) {
      this.spans[2 * c - 1] = end;
      return;
    }
    if (2 * c + 2 > this.spans.length) {
      const bigger = new Int32Array(this.spans.length * 2);
      bigger.set(this.spans);
      this.spans = bigger;
    }
    this.spans[2 * c] = start;
    this.spans[2 * c + 1] = end;
    this.spanCount = c + 1;
  }

  endRow(): void {
    if (this.y === this.height) giveUp(); // more data than IHDR implies
    if (this.y === 0) this.allocate();
    const { row, spans } = this;
    const f = row[0] as number;
    if (f === 1 || (f === 2 && this.y > 0)) {
      // A pixel straddling a span's edge reads up to three of its bytes: write those.
      for (let s = 0; s < this.spanCount; s++) {
        const a = spans[2 * s] as number;
        const e = spans[2 * s + 1] as number;
        row[a] = row[a + 1] = row[a + 2] = 0;
        row[e - 1] = row[e - 2] = row[e - 3] = 0;
      }
      this.subOrUp(f === 2);
    } else {
      if (f > 4) giveUp(); // the general path reports the bad filter type
      for (let s = 0; s < this.spanCount; s++)
        row.fill(0, spans[2 * s] as number, spans[2 * s + 1] as number);
      this.out8.set(row.subarray(1), this.y * (this.rowLen - 1));
      unfilterAlignedRow(this.out, this.out8, f, this.y, this.width, 0);
    }
    this.spanCount = 0;
    this.col = 0;
    this.y++;
  }

  /** Sub or Up row: zero-difference spans become one fill / copy of whole pixels, other pixels are added up. */
  private subOrUp(up: boolean): void {
    const { row, out, spans, width } = this;
    const spanCount = this.spanCount;
    const r = this.y * width;
    // An Up row copies the whole row above in one call, then only the pixels outside the spans are computed: one
    // call per row instead of one per span (each call costs ~30 ns to enter).
    if (up && spanCount > 0) out.copyWithin(r, r - width, r);
    let si = 0;
    let left = 0;
    let x = 0;
    while (x < width) {
      const b = 1 + 4 * x; // the pixel's first byte in `row`
      while (si < spanCount && (spans[2 * si + 1] as number) <= b) si++;
      if (si < spanCount && (spans[2 * si] as number) <= b && (spans[2 * si + 1] as number) >= b + 4) {
        // Pixels x .. xEnd - 1 lie wholly inside the span.
        const xEnd = Math.min(width, ((spans[2 * si + 1] as number) - 1) >> 2);
        if (up) {
          // copied above
        } else if (left !== 0 || !this.zeroed) out.fill(left, r + x, r + xEnd);
        x = xEnd;
        continue;
      }
      const d = (row[b] as number) | ((row[b + 1] as number) << 8) | ((row[b + 2] as number) << 16);
      left = addBytes(d, up ? (out[r + x - width] as number) : left);
      out[r + x] = left;
      x++;
    }
  }
}
