import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DownloadError } from "@segments-ts/bitmap";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  detectFormat,
  loadPointcloudFromUrl,
  PointcloudFileError,
  PointcloudInputError,
  readPcd,
  samplePcd,
  writePcd,
} from "../src/index.ts";
import {
  lasToPcdFile,
  plyToPcdFile,
  readPcdFile,
  readPointcloudFile,
  samplePcdFile,
  writePcdFile,
} from "../src/node/index.ts";
import { lasFile, plyFile, randomCloud } from "./fixtures.ts";

let dir: string;
let server: Server;
let base: string;
const files = new Map<string, { body: Uint8Array; length?: boolean; status?: number }>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pointcloud-test-"));
  server = createServer((req, res) => {
    const file = files.get(req.url ?? "");
    if (!file) {
      res.writeHead(404, "Not Found").end();
      return;
    }
    const headers: Record<string, string | number> = { "content-type": "application/octet-stream" };
    if (file.length !== false) headers["content-length"] = file.body.length;
    res.writeHead(file.status ?? 200, headers);
    // Without a Content-Length the body goes out in chunks, as a streaming server would send it.
    for (let i = 0; i < file.body.length; i += 1000) res.write(file.body.subarray(i, i + 1000));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("samplePcd", () => {
  const cloud = randomCloud(1000, 7);

  test("n distinct points in their original order, the same for the same seed, others for another", () => {
    const a = samplePcd(cloud, 100, { seed: 3 });
    const b = samplePcd(cloud, 100, { seed: 3 });
    const c = samplePcd(cloud, 100, { seed: 4 });
    expect(a.positions.length).toBe(300);
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions));
    expect(Array.from(a.positions)).not.toEqual(Array.from(c.positions));
    // Every picked point is a point of the cloud, picked once, in increasing index order, with its attributes.
    const indexOf = new Map<number, number>();
    for (let i = 0; i < 1000; i++) indexOf.set(cloud.positions[3 * i] as number, i);
    const picked = Array.from({ length: 100 }, (_, j) => indexOf.get(a.positions[3 * j] as number) as number);
    expect(picked.every((i, j) => j === 0 || i > (picked[j - 1] as number))).toBe(true);
    picked.forEach((i, j) => {
      expect(a.intensity?.[j]).toBe(cloud.intensity[i]);
      expect(Array.from(a.rgb?.subarray(3 * j, 3 * j + 3) ?? [])).toEqual(
        Array.from(cloud.rgb.subarray(3 * i, 3 * i + 3)),
      );
    });
  });

  test("every point is equally likely (chi-square over many draws)", () => {
    const small = { positions: Float32Array.from({ length: 30 }, (_, i) => Math.floor(i / 3)) };
    const counts = new Array(10).fill(0);
    for (let seed = 0; seed < 2000; seed++)
      for (const v of samplePcd(small, 3, { seed }).positions.filter((_, i) => i % 3 === 0)) counts[v]++;
    const expected = (2000 * 3) / 10;
    const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(27.9); // p = 0.001 for 9 degrees of freedom
  });

  test("n >= the cloud's size returns every point; bad n is an input error", () => {
    expect(samplePcd(cloud, 5000).positions.length).toBe(3000);
    expect(() => samplePcd(cloud, -1)).toThrow(PointcloudInputError);
    expect(() => samplePcd(cloud, 1.5)).toThrow(/whole number/);
  });
});

describe("file helpers (@segments-ts/pointcloud/node)", () => {
  test("plyToPcdFile and lasToPcdFile write next to the input, as the Python SDK names the files", async () => {
    const plyDir = join(dir, "a.ply.d");
    await import("node:fs/promises").then((fs) => fs.mkdir(plyDir));
    const ply = join(plyDir, "scan.ply");
    await writeFile(ply, plyFile("binary_little_endian", [[1, 2, 3, 0.5, [9, 8, 7]]]));
    expect(await plyToPcdFile(ply)).toBe(join(plyDir, "scan.pcd"));
    expect(await plyToPcdFile(ply, { writeAscii: false, compressed: true })).toBe(
      join(plyDir, "scan_compressed.pcd"),
    );
    const ascii = await readPcdFile(join(plyDir, "scan.pcd"));
    expect([ascii.header.encoding, ...ascii.positions]).toEqual(["ascii", 1, 2, 3]);
    const las = join(dir, "tile.laz");
    await writeFile(las, lasFile([{ x: 1, y: 2, z: 3, intensity: 5 }], { laz: true }));
    const out = await lasToPcdFile(las, { writeAscii: false });
    expect(out).toBe(join(dir, "tile.pcd"));
    expect(Array.from((await readPcdFile(out)).positions)).toEqual([1, 2, 3]);
  });

  test("samplePcdFile writes name_sampled.pcd as binary_compressed; readPointcloudFile sniffs formats", async () => {
    const pcd = join(dir, "big.pcd");
    await writePcdFile(pcd, randomCloud(100));
    const out = await samplePcdFile(pcd, 10, { seed: 1 });
    expect(out).toBe(join(dir, "big_sampled.pcd"));
    const sampled = readPcd(await readFile(out));
    expect([sampled.header.encoding, sampled.positions.length]).toEqual(["binary_compressed", 30]);
    const noExtension = join(dir, "frame");
    await writeFile(noExtension, plyFile("ascii", [[1, 2, 3, 0, [0, 0, 0]]]));
    expect((await readPointcloudFile(noExtension)).format).toBe("ply");
  });

  test("files over maxBytes are refused before reading", async () => {
    const pcd = join(dir, "small.pcd");
    await writePcdFile(pcd, randomCloud(10));
    await expect(readPcdFile(pcd, { maxBytes: 100 })).rejects.toMatchObject({
      code: "TOO_LARGE",
      file: pcd,
      message: expect.stringMatching(/over maxBytes 100/),
    });
  });
});

describe("loadPointcloudFromUrl", () => {
  test("PCD, PLY and LAZ by extension or content, with and without Content-Length", async () => {
    const cloud = randomCloud(2000);
    files.set("/frame.pcd?X-Amz-Signature=abc", { body: writePcd(cloud, { encoding: "binary_compressed" }) });
    files.set("/scan", { body: plyFile("binary_big_endian", [[1, 2, 3, 4, [5, 6, 7]]]), length: false });
    files.set("/tile.laz", { body: lasFile([{ x: 1, y: 2, z: 3, intensity: 4 }], { laz: true }) });
    const pcd = await loadPointcloudFromUrl(`${base}/frame.pcd?X-Amz-Signature=abc`);
    expect(pcd.format).toBe("pcd");
    expect(Array.from(pcd.positions)).toEqual(Array.from(cloud.positions));
    const ply = await loadPointcloudFromUrl(`${base}/scan`);
    expect([ply.format, ...ply.positions, ...(ply.rgb ?? [])]).toEqual(["ply", 1, 2, 3, 5, 6, 7]);
    const laz = await loadPointcloudFromUrl(`${base}/tile.laz`);
    expect([laz.format, ...laz.positions]).toEqual(["las", 1, 2, 3]);
  });

  test("maxBytes: from Content-Length, and while streaming a body without one", async () => {
    const body = writePcd(randomCloud(5000));
    files.set("/big.pcd", { body });
    files.set("/streamed.pcd", { body, length: false });
    for (const path of ["/big.pcd", "/streamed.pcd"]) {
      const error = await loadPointcloudFromUrl(`${base}${path}`, { maxBytes: 10_000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PointcloudFileError);
      expect(error).toMatchObject({ code: "TOO_LARGE", file: `${base}${path}` });
    }
  });

  test("HTTP errors, unknown formats, an injected fetch and an aborted signal", async () => {
    await expect(loadPointcloudFromUrl(`${base}/missing.pcd`)).rejects.toBeInstanceOf(DownloadError);
    files.set("/notes.txt", { body: new TextEncoder().encode("hello") });
    await expect(loadPointcloudFromUrl(`${base}/notes.txt`)).rejects.toMatchObject({ code: "UNSUPPORTED" });
    const seen: string[] = [];
    const body = writePcd({ positions: Float32Array.of(1, 2, 3) });
    const fetch = async (url: string) => {
      seen.push(url);
      return new Response(body.slice());
    };
    const signed = "https://bucket.s3.amazonaws.com/frame.pcd";
    const viaFetch = await loadPointcloudFromUrl(signed, { fetch });
    expect([seen, Array.from(viaFetch.positions)]).toEqual([[signed], [1, 2, 3]]);
    // A URL from a server opens nothing but a web resource.
    await expect(loadPointcloudFromUrl("file:///etc/passwd", { fetch })).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(1);
    await expect(loadPointcloudFromUrl(signed, { fetch, maxBytes: 0 })).rejects.toThrow(PointcloudInputError);
    const controller = new AbortController();
    controller.abort();
    await expect(loadPointcloudFromUrl(`${base}/frame.pcd`, { signal: controller.signal })).rejects.toThrow(
      /abort/i,
    );
  });

  test("detectFormat", () => {
    const empty = new Uint8Array(0);
    expect(detectFormat("a/b.PCD", empty)).toBe("pcd");
    expect(detectFormat("x.laz#frag", empty)).toBe("las");
    expect(detectFormat("x", new TextEncoder().encode("VERSION 0.7\n"))).toBe("pcd");
    expect(detectFormat("x.bin", new TextEncoder().encode("binary"))).toBeUndefined();
  });
});
