/**
 * The release reader's downloads: only http(s) URLs are fetched (images may also be data:image URLs), whatever the
 * release or a server says; nothing is read from disk; bodies stop at `maxDownloadBytes`; an image's size is read
 * from its first bytes, not from the whole file.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { encodePng } from "@segments-ts/bitmap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConversionError } from "../src/errors.js";
import { loadReleaseFile } from "../src/node/index.js";
import { SegmentsDataset } from "../src/release/index.js";
import type { ReleaseFile } from "../src/types.js";

const MiB = 2 ** 20;
const png = encodePng({ width: 40, height: 30, data: new Uint8Array(40 * 30 * 3), colorType: "rgb" });

/** What the server saw of each request, by path. */
const seen = new Map<string, { range: string | undefined; sent: number }>();
let server: Server;
let base = "";
let dir = "";

/** Sends `png` then zeros up to `total` bytes, in 64 KiB writes that wait for the socket: `sent` is what went out. */
async function stream(req: IncomingMessage, res: ServerResponse, total: number, honorRange: boolean) {
  const record = { range: req.headers.range, sent: 0 };
  seen.set(req.url ?? "", record);
  const range = honorRange ? /^bytes=0-(\d+)$/.exec(req.headers.range ?? "") : null;
  const length = range ? Math.min(total, Number(range[1]) + 1) : total;
  res.writeHead(range ? 206 : 200, {
    "content-type": "image/png",
    ...(range ? { "content-range": `bytes 0-${length - 1}/${total}` } : {}),
  });
  const closed = new Promise<void>((resolve) => res.once("close", resolve));
  res.write(png);
  record.sent = png.length;
  const zeros = Buffer.alloc(64 * 1024);
  while (record.sent < length && !res.destroyed) {
    const chunk = zeros.subarray(0, Math.min(zeros.length, length - record.sent));
    record.sent += chunk.length;
    if (!res.write(chunk)) await Promise.race([new Promise((r) => res.once("drain", r)), closed]);
  }
  res.end();
}

function release(samples: ReleaseFile["dataset"]["samples"], taskType = "vector"): ReleaseFile {
  return {
    name: "v1",
    dataset: {
      name: "d",
      owner: "o",
      task_type: taskType as ReleaseFile["dataset"]["task_type"],
      task_attributes: { categories: [{ id: 1, name: "a" }] },
      labelsets: [{ name: "ground-truth" }],
      samples,
    },
  };
}

const sample = (url: string, name = "a.png"): ReleaseFile["dataset"]["samples"][number] => ({
  uuid: name,
  name,
  attributes: { image: { url } },
  labels: {
    "ground-truth": { label_status: "LABELED", attributes: { format_version: "0.1", annotations: [] } },
  },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "conv-downloads-"));
  server = createServer((req, res) => {
    const url = req.url ?? "";
    if (url === "/release.json") res.end(JSON.stringify(release([sample(`${base}/image.png`)])));
    else if (url.startsWith("/big-range")) void stream(req, res, 64 * MiB, true);
    else if (url.startsWith("/big")) void stream(req, res, 64 * MiB, false);
    else if (url === "/three-mib-declared") {
      res.setHeader("content-length", 3 * MiB);
      res.end(Buffer.alloc(3 * MiB));
    } else if (url === "/huge-chunked") void stream(req, res, 64 * MiB, false);
    else if (url === "/image.png") res.end(png);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

/** A fetch that records every URL it is asked for. */
function spyFetch(): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (async (input: string, init?: RequestInit) => {
      urls.push(String(input));
      return fetch(input, init);
    }) as typeof fetch,
  };
}

describe("SegmentsDataset.load fetches http(s) only, never reads a local file", () => {
  it("refuses paths, file: URLs and other schemes, also from a Release's attributes.url", async () => {
    const file = join(dir, "release.json");
    await writeFile(file, JSON.stringify(release([sample(`${base}/image.png`)])));
    const spy = spyFetch();
    for (const source of [
      file,
      pathToFileURL(file).href,
      pathToFileURL(file),
      "release.json",
      "data:application/json,{}",
      "ftp://127.0.0.1/release.json",
      { attributes: { url: file } },
      { attributes: { signed_url: pathToFileURL(file).href } },
    ]) {
      const error = await SegmentsDataset.load(source, { fetch: spy.fetch }).catch((e: unknown) => e);
      expect(error, String(source)).toBeInstanceOf(ConversionError);
      expect(String(error)).toMatch(/only fetches http\(s\) URLs.*loadReleaseFile/);
    }
    expect(spy.urls).toEqual([]);
    // what a user asks for from disk, they get through the Node entry
    expect((await loadReleaseFile(file)).length).toBe(1);
    expect((await loadReleaseFile(pathToFileURL(file))).length).toBe(1);
    expect((await SegmentsDataset.load(`${base}/release.json`)).length).toBe(1);
  });

  it("refuses sample URLs that are not http(s) or data:image before any fetch", async () => {
    const spy = spyFetch();
    const bad = [
      "file:///etc/passwd",
      "/etc/passwd",
      "../secret.png",
      "ftp://127.0.0.1/a.png",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "blob:http://127.0.0.1/x",
    ];
    const dataset = new SegmentsDataset(release(bad.map((url, i) => sample(url, `s${i}.png`))), {
      fetch: spy.fetch,
    });
    for (const s of dataset.samples) {
      await expect(s.loadImage(), s.imageUrl).rejects.toThrow(/only http\(s\) URLs are fetched/);
      await expect(s.toLabeledImage(), s.imageUrl).rejects.toThrow(/only http\(s\) URLs are fetched/);
    }
    expect(spy.urls).toEqual([]);
  });

  it("reads data:image URLs without a fetch", async () => {
    const spy = spyFetch();
    const url = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
    const dataset = new SegmentsDataset(release([sample(url)]), { fetch: spy.fetch });
    const image = await dataset.samples[0]?.toLabeledImage();
    expect([image?.width, image?.height]).toEqual([40, 30]);
    expect(await dataset.samples[0]?.loadImage()).toEqual(png);
    expect(spy.urls).toEqual([]);
  });
});

describe("downloads stop at maxDownloadBytes", () => {
  it("refuses a declared Content-Length over the limit, and stops a body without one at it", async () => {
    const dataset = new SegmentsDataset(
      release([sample(`${base}/three-mib-declared`, "a.png"), sample(`${base}/huge-chunked`, "b.png")]),
      { maxDownloadBytes: MiB },
    );
    for (const s of dataset.samples)
      await expect(s.loadImage()).rejects.toThrow(
        /larger than the limit of 1048576 bytes: pass a larger maxDownloadBytes/,
      );
    // 64 MiB without a Content-Length: the download was cancelled at the limit (socket buffers hold a few MiB)
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.get("/huge-chunked")?.sent).toBeLessThan(16 * MiB);
    await expect(
      SegmentsDataset.load(`${base}/three-mib-declared`, { maxDownloadBytes: MiB }),
    ).rejects.toThrow(/limit of 1048576 bytes/);
  });
});

describe("image sizes come from the first bytes", () => {
  it("asks for a range, and stops reading once the header is in, even when the range is ignored", async () => {
    const dataset = new SegmentsDataset(
      release([sample(`${base}/big-range.png`, "a.png"), sample(`${base}/big.png`, "b.png")]),
    );
    for (const s of dataset.samples) {
      const image = await s.toLabeledImage();
      expect([image.width, image.height]).toEqual([40, 30]);
    }
    const ranged = seen.get("/big-range.png");
    expect(ranged?.range).toBe(`bytes=0-${MiB - 1}`);
    expect(ranged?.sent).toBeLessThanOrEqual(MiB);
    // the whole file is 64 MiB: the download was cancelled after the first chunks (socket buffers hold a few MiB)
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.get("/big.png")?.sent).toBeLessThan(16 * MiB);
  });
});
