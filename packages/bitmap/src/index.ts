/**
 * `@segments-ts/bitmap`, Node entry (`node` export condition): the PNG functions run on `node:zlib`.
 * The browser entry (`browser.ts`) exports the same API on fflate.
 * @packageDocumentation
 */
import { createBitmapApi } from "./api.js";
import { decodeJpegNode } from "./image-node.js";
import { nodeZlib } from "./zlib-node.js";

export * from "./shared.js";
export { nodeZlib };

const api = /* @__PURE__ */ createBitmapApi(nodeZlib, { decodeJpeg: decodeJpegNode });

/** {@inheritDoc BitmapApi.bitmap2file} */
export const bitmap2file: typeof api.bitmap2file = api.bitmap2file;
/** {@inheritDoc BitmapApi.decodeLabelBitmap} */
export const decodeLabelBitmap: typeof api.decodeLabelBitmap = api.decodeLabelBitmap;
/** {@inheritDoc BitmapApi.file2bitmap} */
export const file2bitmap: typeof api.file2bitmap = api.file2bitmap;
/** {@inheritDoc BitmapApi.loadLabelBitmapFromUrl} */
export const loadLabelBitmapFromUrl: typeof api.loadLabelBitmapFromUrl = api.loadLabelBitmapFromUrl;
/** {@inheritDoc BitmapApi.encodePng} */
export const encodePng: typeof api.encodePng = api.encodePng;
/** {@inheritDoc BitmapApi.decodePng} */
export const decodePng: typeof api.decodePng = api.decodePng;
/** {@inheritDoc BitmapApi.decodeImage} */
export const decodeImage: typeof api.decodeImage = api.decodeImage;
/** {@inheritDoc BitmapApi.colorizePng} */
export const colorizePng: typeof api.colorizePng = api.colorizePng;
/** {@inheritDoc BitmapApi.overlayPng} */
export const overlayPng: typeof api.overlayPng = api.overlayPng;
