import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, type Request, sleep, start } from "./helpers.js";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");

/** Posts the presigned fields first and the file last, as the SDK does. */
async function upload(url: string, fields: Record<string, string>, file: Buffer) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([new Uint8Array(file)]), "label.png");
  const response = await fetch(url, { method: "POST", body: form });
  return { status: response.status, text: await response.text() };
}

describe("assets: presigned S3-style uploads", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({ maxUploadBytes: 64 });
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  async function newAsset(filename = "label.png") {
    const response = await jane("POST", "/assets/", { filename });
    expect(response.status).toBe(201);
    return response.body;
  }

  it("returns a File whose presigned POST stores the file (204) and serves it at url", async () => {
    const asset = await newAsset();
    expect(asset).toMatchObject({
      filename: "label.png",
      presignedPostFields: { url: `${emulator.url}/_storage/upload` },
    });
    expect(Object.keys(asset.presignedPostFields.fields).sort()).toEqual(
      [
        "Content-Type",
        "acl",
        "key",
        "policy",
        "x-amz-algorithm",
        "x-amz-credential",
        "x-amz-date",
        "x-amz-signature",
      ].sort(),
    );
    expect((await fetch(asset.url)).status).toBe(404);
    const result = await upload(asset.presignedPostFields.url, asset.presignedPostFields.fields, PNG);
    expect(result).toEqual({ status: 204, text: "" });
    const served = await fetch(asset.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  it("refuses a tampered policy or key with SignatureDoesNotMatch / AccessDenied XML", async () => {
    const asset = await newAsset();
    const { fields } = asset.presignedPostFields;
    const tampered = await upload(
      asset.presignedPostFields.url,
      { ...fields, "x-amz-signature": "0".repeat(64) },
      PNG,
    );
    expect(tampered.status).toBe(403);
    expect(tampered.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    const otherKey = await upload(
      asset.presignedPostFields.url,
      { ...fields, key: "assets/jane/evil.png" },
      PNG,
    );
    expect(otherKey.status).toBe(403);
    expect(otherKey.text).toContain("Policy Condition failed");
    expect((await fetch(`${emulator.url}/_storage/assets/jane/evil.png`)).status).toBe(404);
  });

  it("refuses a wrong content type (policy condition)", async () => {
    const asset = await newAsset();
    const { fields } = asset.presignedPostFields;
    const result = await upload(
      asset.presignedPostFields.url,
      { ...fields, "Content-Type": "text/html" },
      PNG,
    );
    expect(result.status).toBe(403);
    expect(result.text).toContain("Content-Type");
  });

  it("refuses a file over the content-length-range with EntityTooLarge", async () => {
    const asset = await newAsset();
    const result = await upload(
      asset.presignedPostFields.url,
      asset.presignedPostFields.fields,
      Buffer.alloc(65, 1),
    );
    expect(result.status).toBe(400);
    expect(result.text).toContain("<Code>EntityTooLarge</Code>");
    expect((await fetch(asset.url)).status).toBe(404);
  });

  it("refuses an expired policy", async () => {
    const shortLived = await start({ uploadTtlSeconds: 1 });
    try {
      const asset = (await client(shortLived)("POST", "/assets/", { filename: "a.png" })).body;
      await sleep(1100);
      const result = await upload(asset.presignedPostFields.url, asset.presignedPostFields.fields, PNG);
      expect(result.status).toBe(403);
      expect(result.text).toContain("Policy expired");
    } finally {
      await shortLived.close();
    }
  });

  it("rejects a missing filename with a 400 naming it", async () => {
    const response = await jane("POST", "/assets/", {});
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("filename");
  });
});
