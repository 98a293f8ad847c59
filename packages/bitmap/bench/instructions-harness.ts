// The processes of `bench/instructions.mjs` (bundled by it). Two modes:
//   prepare <dir> <width> <height>: writes the bench's realistic label map to <dir> (ids, the PNG, the filtered rows),
//     so that the processes run under valgrind do not spend minutes building it;
//   run <dir> <width> <height> <encode|decode> <ours|floor> <count>: runs one contender `count` times on it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { bitmap2file, decodeLabelBitmap } from "../src/index.js";
import { idatOf, realisticBitmap } from "../test/fixtures.js";

const [mode, dir = ".", width, height, op, who, count] = process.argv.slice(2);
const w = Number(width);
const h = Number(height);
const file = (name: string) => join(dir, `${w}x${h}-${name}`);

if (mode === "prepare") {
  const ids = realisticBitmap(w, h, 50, 1);
  const png = bitmap2file(ids, { width: w, height: h });
  writeFileSync(file("ids.bin"), ids);
  writeFileSync(file("label.png"), png);
  writeFileSync(file("filtered.bin"), zlib.inflateSync(idatOf(png)));
} else {
  const bytes = readFileSync(file("ids.bin"));
  const ids = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const png = new Uint8Array(readFileSync(file("label.png")));
  const idat = idatOf(png);
  const filtered = readFileSync(file("filtered.bin"));
  const expected = h * (w * 4 + 1);
  // The same calls as the floor and "ours" rows of bench.ts.
  const contenders: Record<string, () => unknown> = {
    "encode ours": () => bitmap2file(ids, { width: w, height: h }),
    "encode floor": () => zlib.deflateSync(filtered, { level: 6, strategy: zlib.constants.Z_RLE }),
    "decode ours": () => decodeLabelBitmap(png),
    "decode floor": () => zlib.inflateSync(idat, { maxOutputLength: expected, chunkSize: expected + 1 }),
  };
  const run = contenders[`${op} ${who}`];
  if (!run) throw new Error(`unknown contender "${op} ${who}"`);
  for (let i = 0; i < Number(count); i++) run();
}
