// Imports a COCO file with `importCocoFile`, one image at a time; run by bench/index.ts in a Node process whose heap is
// capped (--max-old-space-size), to show the import needs no more memory than that.
import { importCocoFile } from "../src/node/index.js";

const file = process.argv[2] as string;
const start = performance.now();
let images = 0;
let annotations = 0;
for await (const { image } of importCocoFile(file)) {
  images++;
  annotations += image.vector?.annotations.length ?? 0;
}
console.log(
  `${images} images / ${annotations} annotations in ${((performance.now() - start) / 1000).toFixed(2)} s`,
);
