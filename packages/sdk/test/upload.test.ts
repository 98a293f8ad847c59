import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ValidationError } from "../src/core/errors.js";
import { presignedPostRequest, toBlob } from "../src/core/upload.js";

const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);

async function blobBytes(blob: Blob) {
  return new Uint8Array(await blob.arrayBuffer());
}

describe("toBlob", () => {
  test.each([
    ["Uint8Array", () => bytes],
    ["Buffer", () => Buffer.from(bytes)],
    ["ArrayBuffer", () => bytes.slice().buffer],
    ["Blob", () => new Blob([bytes])],
    ["ReadableStream", () => new Blob([bytes]).stream()],
  ])("accepts a %s", async (_name, make) => {
    const blob = await toBlob(make(), "label.png");
    expect(await blobBytes(blob)).toEqual(bytes);
    expect(blob.type).toBe("image/png");
  });

  test("reads a file path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sdk-upload-"));
    try {
      const path = join(dir, "a.bin");
      await writeFile(path, bytes);
      const blob = await toBlob(path, "a.bin");
      expect(await blobBytes(blob)).toEqual(bytes);
      expect(blob.type).toBe("application/octet-stream");
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  test("rejects other values", async () => {
    await expect(toBlob(42 as never, "x.png")).rejects.toBeInstanceOf(ValidationError);
  });
});

test("presignedPostRequest puts the policy fields first and the file last", async () => {
  const request = presignedPostRequest(
    "http://127.0.0.1:1/bucket",
    { key: "k", policy: "p" },
    new Blob([bytes]),
    "l.png",
  );
  expect(request.headers.has("authorization")).toBe(false);
  const form = await request.formData();
  expect([...form.keys()]).toEqual(["key", "policy", "file"]);
  const file = form.get("file") as File;
  expect(file.name).toBe("l.png");
  expect(await blobBytes(file)).toEqual(bytes);
});
