// The receiving end of label-inflate.ts: takes the inflated bytes of RGBA8 rows (literals and runs of one byte) and
// writes ids pixel by pixel as they arrive, with no row buffer in between. A run of zero bytes covering whole pixels
// means "these pixels equal their predictor": one `fill` of the left id on a Sub row, nothing at all on an Up row
// (whose row above was copied in one call when the row began).
import { addBytes, average, paeth } from "./label-rows.js";

/** Thrown to give up on the fast path; label-inflate.ts turns it into `undefined`, it never escapes. */
export class NotForUs extends Error {}
export const giveUp = (): never => {
  throw new NotForUs();
};

/**
 * Write a zero into every 4 kB page of a fresh output (whose every id is written later anyway), so that the
 * operating system maps its pages here, in one tight loop, rather than one at a time in the middle of the decode.
 * Large allocations usually are fresh pages, and each first touch is a page fault; a fault in the decode's loop
 * also leaves it running on cold caches and branch predictors afterwards. Measured at 1080p when the output's
 * pages fault (2025 of them): the decode took 4.5 ms instead of 5.5 ms, and the same when they do not.
 */
function touchPages(ids: Uint32Array): void {
  for (let i = 0; i < ids.length; i += 1024) ids[i] = 0;
}

/** Filter types, as the predictor a pixel is added to (row 0 has no row above: Up is None there, and so on). */
const NONE = 0;
const SUB = 1;
const UP = 2;
const AVERAGE = 3;
const PAETH = 4;

/**
 * Receives the inflated bytes in order: `byte` for one byte, `zeros` / `repeatByte` for runs. The Huffman loop of
 * label-inflate.ts inlines the common case of `byte` (an R, G or B byte inside a pixel): keep the two in step.
 */
export class PixelRows {
  readonly rowLen: number;
  /** Bytes of the current row received so far, its filter byte included: 0 means a filter byte comes next. */
  col = 0;
  y = 0;
  /** The current row's predictor (one of the constants above). */
  filter = NONE;
  /** The R, G, B bytes of the current pixel's difference received so far, and how many of its 4 bytes came. */
  d = 0;
  bi = 0;
  /** Index of the current pixel in `ids`, and the id of the pixel to its left (0 at a row's start). */
  i = 0;
  left = 0;
  /**
   * Where ids are written: a one-row scratch for row 0, then the output, allocated when row 0 is complete (other
   * encoders' streams are usually given up before) with row 0 copied in. Both are indexed by `i`.
   */
  ids: Uint32Array;
  /** Whether `ids` started zero-filled (then Sub runs of id 0, most of a label map, need no write at all). */
  zeroed = true;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly allocUnsafe: ((bytes: number) => Uint8Array) | undefined,
  ) {
    this.rowLen = width * 4 + 1;
    this.ids = new Uint32Array(width);
  }

  /** Every row received, nothing more. */
  get done(): boolean {
    return this.y === this.height && this.col === 0;
  }

  /** One byte. */
  byte(v: number): void {
    if (this.col === 0) {
      this.startRow(v);
      return;
    }
    if (this.bi < 3) this.d |= v << (this.bi << 3);
    this.bi++;
    this.col++;
    if (this.bi === 4) this.pixel();
    if (this.col === this.rowLen) this.endRow();
  }

  /** `n` zero bytes. */
  zeros(n: number): void {
    while (n > 0) {
      if (this.col === 0) {
        this.startRow(0);
        n--;
      } else if (this.bi > 0) {
        // The rest of a started pixel.
        const take = Math.min(4 - this.bi, n);
        this.bi += take;
        this.col += take;
        n -= take;
        if (this.bi === 4) this.pixel();
        if (this.col === this.rowLen) this.endRow();
      } else if (n >= 4) {
        const k = Math.min(n >> 2, (this.rowLen - this.col) >> 2);
        this.samePixels(k);
        this.col += 4 * k;
        n -= 4 * k;
        if (this.col === this.rowLen) this.endRow();
      } else {
        // The first bytes of a pixel (there are at least 4 bytes left in the row: bi === 0 and col < rowLen).
        this.bi = n;
        this.col += n;
        n = 0;
      }
    }
  }

  /** `n` copies of a non-zero byte: rare in label maps, taken byte by byte. */
  repeatByte(v: number, n: number): void {
    for (let k = 0; k < n; k++) this.byte(v);
  }

  private startRow(f: number): void {
    if (this.y === this.height || f > 4) giveUp(); // more data than IHDR implies; the general path reports a bad filter
    this.col = 1;
    this.left = 0;
    this.d = 0;
    this.bi = 0;
    const { i, width } = this;
    if (this.y === 0) this.filter = f === UP ? NONE : f === PAETH ? SUB : f;
    else {
      this.filter = f;
      // Up: the row starts as a copy of the row above, so pixels equal to it need no work.
      if (f === UP) this.ids.copyWithin(i, i - width, i);
    }
  }

  /** The current pixel is complete: add its difference to its predictor. */
  private pixel(): void {
    const { d, ids, i, width } = this;
    let v: number;
    switch (this.filter) {
      case NONE:
        v = d;
        break;
      case SUB:
        v = addBytes(d, this.left);
        break;
      case UP:
        v = addBytes(d, ids[i] as number); // the copied pixel above
        break;
      case AVERAGE:
        v = addBytes(d, average(this.left, this.y === 0 ? 0 : (ids[i - width] as number)));
        break;
      default:
        v = addBytes(
          d,
          paeth(
            this.left,
            ids[i - width] as number,
            this.i % width === 0 ? 0 : (ids[i - width - 1] as number),
          ),
        );
    }
    ids[i] = v;
    this.i = i + 1;
    this.left = v;
    this.d = 0;
    this.bi = 0;
  }

  /** `k` whole pixels with a zero difference. */
  private samePixels(k: number): void {
    const { i, filter } = this;
    if (filter === SUB || filter === NONE) {
      if (filter === NONE) this.left = 0;
      if (this.left !== 0 || !this.zeroed) this.ids.fill(this.left, i, i + k);
      this.i = i + k;
    } else if (filter === UP) {
      this.i = i + k;
      this.left = this.ids[i + k - 1] as number;
    } else for (let j = 0; j < k; j++) this.pixel();
  }

  private endRow(): void {
    this.col = 0;
    this.y++;
    if (this.y === 1) {
      const n = this.width * this.height;
      const mem = this.allocUnsafe?.(4 * n);
      const out = mem ? new Uint32Array(mem.buffer, mem.byteOffset, n) : new Uint32Array(n);
      touchPages(out);
      out.set(this.ids);
      this.ids = out;
      this.zeroed = !mem;
    }
  }

  /** The ids, once {@link done}. */
  get out(): Uint32Array {
    return this.ids;
  }
}
