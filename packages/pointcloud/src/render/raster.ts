// Drawing on an RGBA image in memory: blended pixels, rectangles, thick lines, filled polygons and circles, and text
// in a tiny built-in font. Coordinates are continuous, as in Segments labels: pixel (i, j) covers [i, i+1) x [j, j+1),
// so a shape covers the pixels whose centres it contains.
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from "./font.js";

/** An image being drawn on: 8-bit RGBA, row-major. */
export interface Canvas {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An RGB colour, components 0-255. */
export type Rgb = readonly [number, number, number];

/** Blends `color` over pixel (x, y) with opacity `alpha` (0-1); pixels outside the image are skipped. */
export function blend(canvas: Canvas, x: number, y: number, color: Rgb, alpha: number): void {
  if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return;
  const q = 4 * (y * canvas.width + x);
  const { data } = canvas;
  for (let c = 0; c < 3; c++)
    data[q + c] = Math.round((data[q + c] as number) * (1 - alpha) + (color[c] as number) * alpha);
  data[q + 3] = Math.max(data[q + 3] as number, Math.round(255 * alpha));
}

/** Fills the pixels x0..x1-1, y0..y1-1 (clipped to the image). */
export function fillRect(
  canvas: Canvas,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: Rgb,
  alpha = 1,
): void {
  const [left, right] = [Math.max(0, Math.floor(x0)), Math.min(canvas.width, Math.ceil(x1))];
  const [top, bottom] = [Math.max(0, Math.floor(y0)), Math.min(canvas.height, Math.ceil(y1))];
  for (let y = top; y < bottom; y++) for (let x = left; x < right; x++) blend(canvas, x, y, color, alpha);
}

/** A line `width` pixels thick from (x0, y0) to (x1, y1), opaque. */
export function drawLine(
  canvas: Canvas,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  color: Rgb,
  width: number,
): void {
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
  const half = width / 2;
  for (let s = 0; s <= steps; s++) {
    const x = x0 + ((x1 - x0) * s) / steps;
    const y = y0 + ((y1 - y0) * s) / steps;
    fillRect(
      canvas,
      Math.round(x - half),
      Math.round(y - half),
      Math.round(x + half),
      Math.round(y + half),
      color,
    );
  }
}

/** The outline of a polygon (closed) or polyline (open). */
export function drawPath(
  canvas: Canvas,
  points: readonly (readonly number[])[],
  closed: boolean,
  color: Rgb,
  width: number,
): void {
  const count = closed ? points.length : points.length - 1;
  for (let i = 0; i < count; i++) {
    const a = points[i] as readonly number[];
    const b = points[(i + 1) % points.length] as readonly number[];
    drawLine(canvas, a[0] as number, a[1] as number, b[0] as number, b[1] as number, color, width);
  }
}

/** Fills a polygon (even-odd rule), each covered pixel blended once. */
export function fillPolygon(
  canvas: Canvas,
  points: readonly (readonly number[])[],
  color: Rgb,
  alpha: number,
): void {
  if (points.length < 3) return;
  const ys = points.map((p) => p[1] as number);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(canvas.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = top; y <= bottom; y++) {
    const cy = y + 0.5;
    const crossings: number[] = [];
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i] as readonly number[];
      const [bx, by] = points[(i + 1) % points.length] as readonly number[];
      if (ay === undefined || by === undefined || ax === undefined || bx === undefined) continue;
      // Half-open in y so that a vertex shared by two edges counts once.
      if (ay <= cy !== by <= cy) crossings.push(ax + ((cy - ay) / (by - ay)) * (bx - ax));
    }
    crossings.sort((a, b) => a - b);
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      // Pixels whose centre x + 0.5 lies in [from, to).
      const from = Math.max(0, Math.ceil((crossings[k] as number) - 0.5));
      const to = Math.min(canvas.width, Math.ceil((crossings[k + 1] as number) - 0.5));
      for (let x = from; x < to; x++) blend(canvas, x, y, color, alpha);
    }
  }
}

/** A filled disc of radius r centred on (cx, cy). */
export function fillCircle(canvas: Canvas, cx: number, cy: number, r: number, color: Rgb, alpha = 1): void {
  for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++)
    for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++)
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) blend(canvas, x, y, color, alpha);
}

/** Size in pixels of `text` drawn at `scale`. */
export function textSize(text: string, scale: number): { width: number; height: number } {
  return { width: text.length * (GLYPH_WIDTH + 1) * scale + scale, height: (GLYPH_HEIGHT + 2) * scale };
}

/**
 * A name tag: `text` (upper-cased: the font has capitals only) on a box of `background`, its top-left corner at
 * (x, y) moved inside the image; the text is black or white, whichever reads better on the background.
 */
export function drawTag(
  canvas: Canvas,
  x: number,
  y: number,
  text: string,
  background: Rgb,
  scale: number,
): void {
  const { width, height } = textSize(text, scale);
  const left = Math.round(Math.max(0, Math.min(x, canvas.width - width)));
  const top = Math.round(Math.max(0, Math.min(y, canvas.height - height)));
  fillRect(canvas, left, top, left + width, top + height, background);
  const luminance = 0.299 * background[0] + 0.587 * background[1] + 0.114 * background[2];
  const ink: Rgb = luminance > 140 ? [0, 0, 0] : [255, 255, 255];
  [...text.toUpperCase()].forEach((char, i) => {
    const rows = glyph(char);
    const gx = left + scale + i * (GLYPH_WIDTH + 1) * scale;
    rows.forEach((row, r) => {
      for (let c = 0; c < GLYPH_WIDTH; c++)
        if (row[c] === "#")
          fillRect(
            canvas,
            gx + c * scale,
            top + (r + 1) * scale,
            gx + (c + 1) * scale,
            top + (r + 2) * scale,
            ink,
          );
    });
  });
}
