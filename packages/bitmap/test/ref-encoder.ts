// An independent, deliberately plain PNG writer for hand-crafted corner cases (PngSuite style): every colour type
// and bit depth, a chosen filter type per row (0-4), Adam7 interlacing, IDAT split into many chunks, tRNS.
// It shares no code with src/ (node:zlib for deflate and CRC-32).
import * as zlib from "node:zlib";

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;
const CT = { gray: 0, rgb: 2, palette: 3, "gray-alpha": 4, rgba: 6 } as const;
const CH = { gray: 1, rgb: 3, palette: 1, "gray-alpha": 2, rgba: 4 } as const;

export interface RefImage {
  width: number;
  height: number;
  colorType: keyof typeof CT;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** One sample per element. */
  samples: ArrayLike<number>;
  palette?: number[][];
  trns?: number[];
  interlace?: boolean;
  /** Filter type for row i (default i % 5). */
  filterFor?: (row: number) => number;
  /** zlib level (default 9) and strategy (default Z_DEFAULT_STRATEGY; Z_RLE writes distance-1 matches only). */
  level?: number;
  strategy?: number;
  /** Max bytes per IDAT chunk (default: one chunk). */
  idatChunk?: number;
}

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0, 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

function paeth(a: number, b: number, c: number) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function refEncode(img: RefImage): Buffer {
  const ch = CH[img.colorType];
  const bd = img.bitDepth;
  const bpp = Math.max(1, (ch * bd) / 8);
  const rows: number[] = [];
  let rowIndex = 0;
  const passes = img.interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  for (const [xs, ys, dx, dy] of passes) {
    const pw = Math.ceil((img.width - xs) / dx);
    const ph = Math.ceil((img.height - ys) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const rowBytes = Math.ceil((pw * ch * bd) / 8);
    let prev = new Array<number>(rowBytes).fill(0);
    for (let py = 0; py < ph; py++) {
      const y = ys + py * dy;
      // Pack the row.
      const bits: number[] = [];
      for (let px = 0; px < pw; px++) {
        const x = xs + px * dx;
        for (let c = 0; c < ch; c++) {
          const v = img.samples[(y * img.width + x) * ch + c] as number;
          for (let b = bd - 1; b >= 0; b--) bits.push((v >> b) & 1);
        }
      }
      const cur = new Array<number>(rowBytes).fill(0);
      bits.forEach((bit, i) => {
        cur[i >> 3] = (cur[i >> 3] as number) | (bit << (7 - (i & 7)));
      });
      const f = (img.filterFor ?? ((r) => r % 5))(rowIndex++);
      rows.push(f);
      for (let i = 0; i < rowBytes; i++) {
        const a = i >= bpp ? (cur[i - bpp] as number) : 0;
        const b = prev[i] as number;
        const c = i >= bpp ? (prev[i - bpp] as number) : 0;
        const x = cur[i] as number;
        const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : paeth(a, b, c);
        rows.push((x - pred + 256) & 255);
      }
      prev = cur;
    }
  }
  const z = zlib.deflateSync(Uint8Array.from(rows), { level: img.level ?? 9, strategy: img.strategy ?? 0 });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr[8] = bd;
  ihdr[9] = CT[img.colorType];
  ihdr[12] = img.interlace ? 1 : 0;
  const parts = [Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk("IHDR", ihdr)];
  parts.push(pngChunk("tEXt", Buffer.from("Comment\0hand-crafted test image", "latin1")));
  if (img.palette) parts.push(pngChunk("PLTE", Uint8Array.from(img.palette.flat())));
  if (img.trns) {
    const t =
      img.colorType === "palette"
        ? Uint8Array.from(img.trns)
        : Uint8Array.from(img.trns.flatMap((v) => [v >> 8, v & 255]));
    parts.push(pngChunk("tRNS", t));
  }
  const step = img.idatChunk ?? z.length;
  for (let i = 0; i < z.length; i += step) parts.push(pngChunk("IDAT", z.subarray(i, i + step)));
  parts.push(pngChunk("IEND", new Uint8Array(0)));
  return Buffer.concat(parts);
}

/** Recompute the CRC of the chunk starting at `pos` (after a deliberate edit). */
export function fixCrc(buf: Uint8Array, pos: number): void {
  const len = new DataView(buf.buffer, buf.byteOffset).getUint32(pos);
  const crc = zlib.crc32(buf.subarray(pos + 4, pos + 8 + len)) >>> 0;
  new DataView(buf.buffer, buf.byteOffset).setUint32(pos + 8 + len, crc);
}
