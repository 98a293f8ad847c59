// The browser entry (fflate backend, no Node imports) bundled with esbuild and run in headless Chromium, compared
// with Node's results. Needs /usr/bin/chromium (Debian `chromium`; CHROMIUM_PATH overrides): skipped with a note
// when missing, except under CI where that is a failure.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bitmap2file, decodeImage, decodeLabelBitmap, encodePng } from "../src/index.js";
import { realisticBitmap } from "./fixtures.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI)
    throw new Error(
      `headless Chromium test: ${CHROMIUM} is missing. Install the Debian package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  console.warn(
    `[bitmap] skipping the headless Chromium test: ${CHROMIUM} not found (apt-get install -y chromium).`,
  );
}

function checksum(a: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ (a[i] as number), 16777619);
  return h >>> 0;
}

type PageApi = {
  backend: string;
  encode(w: number, h: number, seed: number): { png: string; checksum: number };
  decode(b64: string): {
    width: number;
    height: number;
    checksum: number;
    colorType: string;
    bitDepth: number;
  };
  gray16(): number[];
  image(b64: string): { width: number; height: number; rgba: string } | { error: string };
  errorCode(): string;
};

describe.skipIf(!available)("browser entry in headless Chromium", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let bundleSize = 0;

  beforeAll(async () => {
    const out = await build({
      entryPoints: [fileURLToPath(new URL("./browser-page.ts", import.meta.url))],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser", // a `node:` import anywhere in the browser path fails this build
      conditions: ["browser", "source"],
      target: "es2022",
      logLevel: "silent",
    });
    const js = out.outputFiles[0]?.text ?? "";
    bundleSize = js.length;
    const html = `<!doctype html><meta charset="utf-8"><title>bitmap</title><script src="/bundle.js"></script>`;
    server = createServer((req, res) => {
      if (req.url === "/bundle.js") res.writeHead(200, { "content-type": "text/javascript" }).end(js);
      else res.writeHead(200, { "content-type": "text/html" }).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => "bitmapTest" in globalThis);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const call = <K extends keyof PageApi>(name: K, ...args: unknown[]) =>
    page.evaluate(
      ([n, a]) => {
        const api = (globalThis as unknown as { bitmapTest: Record<string, unknown> }).bitmapTest;
        const v = api[n as string];
        return typeof v === "function" ? (v as (...x: unknown[]) => unknown)(...(a as unknown[])) : v;
      },
      [name, args] as const,
    ) as Promise<PageApi[K] extends (...a: never[]) => infer R ? R : PageApi[K]>;

  it("bundles without Node modules and uses fflate", async () => {
    expect(bundleSize).toBeGreaterThan(1000);
    expect(await call("backend")).toBe("fflate");
  });

  it.each([
    [1, 1],
    [31, 7],
    [640, 480],
    [1920, 1080],
  ])("PNG encoded in the page (%ix%i) decodes in Node to the same ids, and vice versa", async (w, h) => {
    const seed = w + h;
    const { png, checksum: pageSum } = await call("encode", w, h, seed);
    const ids = realisticBitmap(w, h, 30, seed);
    ids[0] = 0xffffff;
    expect(pageSum).toBe(checksum(ids));
    const fromPage = decodeLabelBitmap(Buffer.from(png, "base64"));
    expect(checksum(fromPage.data)).toBe(checksum(ids));

    const nodePng = Buffer.from(bitmap2file(ids, { width: w, height: h })).toString("base64");
    const back = await call("decode", nodePng);
    expect(back).toEqual({ width: w, height: h, checksum: checksum(ids), colorType: "rgba", bitDepth: 8 });
  });

  it("decodeImage: PNG exactly as in Node; JPEG upright by the browser's decoder, close to jpeg-js in Node; WebP too", async () => {
    const w = 40;
    const h = 24;
    const raw = Buffer.alloc(w * h * 3);
    for (let i = 0; i < w * h; i++) raw.set([(i % w) * 6, Math.floor(i / w) * 10, 90], 3 * i);
    const picture = () => sharp(raw, { raw: { width: w, height: h, channels: 3 } });
    const inPage = async (file: Uint8Array) => {
      const r = await call("image", Buffer.from(file).toString("base64"));
      if ("error" in r) throw new Error(r.error);
      return { width: r.width, height: r.height, data: new Uint8Array(Buffer.from(r.rgba, "base64")) };
    };
    const meanDifference = (a: Uint8Array, b: Uint8Array) => {
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
      return sum / a.length;
    };

    const png = await picture().png().toBuffer();
    expect(await inPage(png)).toEqual(await decodeImage(png));

    const jpeg = await picture().jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    const page = await inPage(jpeg);
    const node = await decodeImage(jpeg);
    expect([page.width, page.height]).toEqual([h, w]);
    expect([node.width, node.height]).toEqual([h, w]);
    // Chromium decodes with libjpeg-turbo, as sharp does (identical here); jpeg-js upsamples chroma more simply,
    // ~2 levels apart on average on these steep gradients. Sideways or mirrored, either would be off by tens.
    const turbo = await sharp(jpeg).rotate().ensureAlpha().raw().toBuffer();
    expect(meanDifference(page.data, turbo)).toBeLessThan(0.5);
    expect(meanDifference(page.data, node.data)).toBeLessThan(3);
    const stored = await sharp(jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([stored.info.width, stored.info.height]).toEqual([w, h]);

    const webp = await picture().webp({ lossless: true }).toBuffer();
    const lossless = await sharp(webp).ensureAlpha().raw().toBuffer();
    expect(await inPage(webp)).toEqual({ width: w, height: h, data: new Uint8Array(lossless) });

    expect(await call("image", Buffer.from("<html>").toString("base64"))).toEqual({
      error: "ImageDecodeError:UNSUPPORTED_FORMAT:unknown",
    });
  });

  it("other formats and errors behave the same in the page", async () => {
    const rgb = encodePng({ width: 2, height: 1, data: Uint8Array.of(1, 2, 3, 4, 5, 6), colorType: "rgb" });
    const r = await call("decode", Buffer.from(rgb).toString("base64"));
    expect(r.colorType).toBe("rgb");
    expect(r.checksum).toBe(checksum(decodeLabelBitmap(rgb).data));
    expect(await call("gray16")).toEqual([1, 2, 65535]);
    expect(await call("errorCode")).toBe("PngError:BAD_SIGNATURE");
  });
});
