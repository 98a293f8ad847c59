/**
 * loadImageFromUrl / loadLabelBitmapFromUrl open URLs that usually come from a server: only web URLs are fetched,
 * and the body stops at `maxBytes`, also when the server sends no Content-Length.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_DOWNLOAD_BYTES, loadImageFromUrl, loadLabelBitmapFromUrl } from "../src/index.js";

const MiB = 2 ** 20;
let server: Server;
let base = "";
/** Bytes the server got out for the last /endless request. */
let sent = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/declared") {
      res.setHeader("content-length", 2 * MiB);
      res.end(Buffer.alloc(2 * MiB));
      return;
    }
    // 64 MiB without a Content-Length, written as the socket takes it
    sent = 0;
    const zeros = Buffer.alloc(64 * 1024);
    const pump = () => {
      while (sent < 64 * MiB && !res.destroyed) {
        sent += zeros.length;
        if (!res.write(zeros)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("downloads", () => {
  it("open only http(s), data: and blob: URLs, without calling fetch for others", async () => {
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return new Response("x");
    };
    for (const url of ["file:///etc/passwd", "/etc/passwd", "ftp://127.0.0.1/a.png", "s3://bucket/a.png"]) {
      for (const load of [loadImageFromUrl, loadLabelBitmapFromUrl])
        await expect(load(url, { fetch }), url).rejects.toThrow(
          /only http\(s\), data: and blob: URLs are opened/,
        );
    }
    expect(asked).toEqual([]);
    expect((await loadImageFromUrl("data:image/png;base64,AAAA")).bytes).toEqual(new Uint8Array(3));
  });

  it("stop at maxBytes, declared or streamed", async () => {
    expect(DEFAULT_MAX_DOWNLOAD_BYTES).toBe(256 * MiB);
    await expect(loadImageFromUrl(`${base}/declared`, { maxBytes: MiB })).rejects.toThrow(
      /is 2097152 bytes, more than the limit of 1048576 bytes \(maxBytes\)/,
    );
    await expect(loadLabelBitmapFromUrl(`${base}/endless`, { maxBytes: MiB })).rejects.toThrow(RangeError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toBeLessThan(16 * MiB);
    expect((await loadImageFromUrl(`${base}/declared`, { maxBytes: 2 * MiB })).bytes.length).toBe(2 * MiB);
  });
});
