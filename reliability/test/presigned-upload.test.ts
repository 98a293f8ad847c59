/**
 * Presigned uploads: the emulator's S3-like storage endpoint must refuse an expired policy, a tampered key or
 * policy, an oversized file and a wrong content type, and store nothing when it refuses. A valid upload is the
 * control. The SDK surfaces a refusal as a typed error.
 */
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { APIError, SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bump, recordFigures } from "../src/report.ts";

const KEY = "upload-key-5d1f";
const MAX_BYTES = 1024;
const TTL_SECONDS = 2;

interface Presigned {
  url: string;
  presignedPostFields: { url: string; fields: Record<string, string> };
}

describe("presigned uploads reject tampering", () => {
  let emulator: Emulator;
  const refusals: Record<string, number> = {};
  let cases = 0;

  beforeAll(async () => {
    emulator = await startEmulator({
      users: [
        { username: "uploader", apiKey: KEY },
        { username: "victim", apiKey: "victim-key" },
      ],
      maxUploadBytes: MAX_BYTES,
      uploadTtlSeconds: TTL_SECONDS,
    });
  });

  afterAll(async () => {
    recordFigures("Security: presigned uploads", {
      "cases checked": cases,
      "refusals by S3 code": refusals,
      "max upload bytes": MAX_BYTES,
    });
    await emulator?.close();
  });

  async function presign(filename: string): Promise<Presigned> {
    const response = await fetch(`${emulator.url}/assets/`, {
      method: "POST",
      headers: { Authorization: `APIKey ${KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ filename }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Presigned;
  }

  async function upload(
    target: string,
    fields: Record<string, string>,
    bytes: Uint8Array,
    type = "image/png",
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("file", new Blob([bytes as BlobPart], { type }), "file.png");
    const response = await fetch(target, { method: "POST", body: form });
    const text = await response.text();
    cases++;
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    if (code) bump(refusals, code);
    return { status: response.status, code, text };
  }

  const stored = async (url: string) => (await fetch(url)).status;
  const png = (size: number) => new Uint8Array(size).fill(7);

  test("a valid upload is stored (control)", async () => {
    const asset = await presign("ok.png");
    const answer = await upload(asset.presignedPostFields.url, asset.presignedPostFields.fields, png(100));
    expect(answer.status).toBe(204);
    const served = await fetch(asset.url);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png(100));
  });

  test("an expired policy is refused", async () => {
    const asset = await presign("late.png");
    await new Promise((resolve) => setTimeout(resolve, TTL_SECONDS * 1000 + 300));
    const answer = await upload(asset.presignedPostFields.url, asset.presignedPostFields.fields, png(10));
    expect(answer).toMatchObject({ status: 403, code: "AccessDenied" });
    expect(answer.text).toMatch(/expired/i);
    expect(await stored(asset.url)).toBe(404);
  });

  test("a tampered key is refused, whether it points at another user's prefix or anywhere else", async () => {
    const asset = await presign("mine.png");
    const { fields } = asset.presignedPostFields;
    for (const key of [
      fields.key?.replace("assets/uploader/", "assets/victim/") ?? "",
      "assets/uploader/other.png",
      "../../etc/passwd",
      `${fields.key}/../../victim.png`,
    ]) {
      const answer = await upload(asset.presignedPostFields.url, { ...fields, key }, png(10));
      expect(answer, key).toMatchObject({ status: 403, code: "AccessDenied" });
      expect(await stored(`${emulator.url}/_storage/${key}`)).toBe(404);
    }
    expect(await stored(asset.url)).toBe(404);
  });

  test("a tampered policy (longer expiry, bigger size) or a missing signature is refused", async () => {
    const asset = await presign("policy.png");
    const { fields } = asset.presignedPostFields;
    const policy = JSON.parse(Buffer.from(fields.policy ?? "", "base64").toString("utf8")) as {
      expiration: string;
      conditions: unknown[];
    };
    policy.expiration = "2999-01-01T00:00:00.000Z";
    policy.conditions = policy.conditions.map((condition) =>
      Array.isArray(condition) && condition[0] === "content-length-range"
        ? [condition[0], 0, 10 ** 9]
        : condition,
    );
    const forged = Buffer.from(JSON.stringify(policy)).toString("base64");
    const answer = await upload(asset.presignedPostFields.url, { ...fields, policy: forged }, png(10));
    expect(answer).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });

    const { "x-amz-signature": _, ...unsigned } = fields;
    const withoutSignature = await upload(asset.presignedPostFields.url, unsigned, png(10));
    expect(withoutSignature).toMatchObject({ status: 403, code: "AccessDenied" });
    expect(await stored(asset.url)).toBe(404);
  });

  test("a file over the policy's size limit is refused", async () => {
    const asset = await presign("big.png");
    const answer = await upload(
      asset.presignedPostFields.url,
      asset.presignedPostFields.fields,
      png(MAX_BYTES + 1),
    );
    expect(answer).toMatchObject({ status: 400, code: "EntityTooLarge" });
    expect(await stored(asset.url)).toBe(404);
    // Exactly at the limit is fine.
    const exact = await upload(
      asset.presignedPostFields.url,
      asset.presignedPostFields.fields,
      png(MAX_BYTES),
    );
    expect(exact.status).toBe(204);
  });

  test("a content type other than the signed one is refused", async () => {
    const asset = await presign("typed.png");
    const { fields } = asset.presignedPostFields;
    for (const type of ["text/html", "image/svg+xml", "application/octet-stream", ""]) {
      const answer = await upload(
        asset.presignedPostFields.url,
        { ...fields, "Content-Type": type },
        png(10),
        type,
      );
      expect(answer, type).toMatchObject({ status: 403, code: "AccessDenied" });
    }
    expect(await stored(asset.url)).toBe(404);
  });

  test("the SDK reports a refused upload as a typed error", async () => {
    const client = new SegmentsClient({ apiKey: KEY, baseUrl: emulator.url, maxRetries: 0, logLevel: "off" });
    const error = await client.uploadAsset(png(MAX_BYTES * 4), "too-big.png").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).message).toMatch(/EntityTooLarge/);
    expect((error as APIError).message).not.toContain(KEY);
  });
});
