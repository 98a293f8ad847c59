import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { FORM_LIMITS } from "../src/storage/upload.js";
import { client, type Request, start } from "./helpers.js";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");

interface Asset {
  url: string;
  presignedPostFields: { url: string; fields: Record<string, string> };
}

/** A multipart body with exactly the given parts, in order (FormData would not let a test repeat or reorder). */
function multipart(parts: ([name: string, value: string] | "file")[], file = PNG) {
  const boundary = "----emulator-test-boundary";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part === "file") {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.png"\r\n` +
            "Content-Type: text/html\r\n\r\n",
        ),
        file,
        Buffer.from("\r\n"),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part[0]}"\r\n\r\n${part[1]}\r\n`,
        ),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

async function post(url: string, form: { body: Buffer; type: string }) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": form.type },
    body: new Uint8Array(form.body),
  });
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1], text };
}

describe("storage endpoint: what it trusts", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({ maxUploadBytes: 1024 });
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  const newAsset = async (filename: string): Promise<Asset> => {
    const response = await jane("POST", "/assets/", { filename });
    expect(response.status).toBe(201);
    return response.body;
  };
  const fieldsOf = (asset: Asset) => Object.entries(asset.presignedPostFields.fields);

  it("caps the number of form fields before any policy is checked (no policy at all: still 400, not 403)", async () => {
    const many = Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i): [string, string] => [
      `x-ignore-${i}`,
      "v",
    ]);
    const answer = await post(`${emulator.url}/_storage/upload`, multipart([...many, "file"]));
    expect(answer).toMatchObject({ status: 400, code: "MaxPostPreDataLengthExceeded" });
  });

  it("caps the size of one field and of all fields together, before any policy is checked", async () => {
    const url = `${emulator.url}/_storage/upload`;
    const oneHuge = await post(
      url,
      multipart([["x-ignore-a", "v".repeat(FORM_LIMITS.fieldValueBytes + 1)], "file"]),
    );
    expect(oneHuge).toMatchObject({ status: 400, code: "MaxPostPreDataLengthExceeded" });
    const share = Math.floor(FORM_LIMITS.fieldValueBytes * 0.9);
    const count = Math.ceil(FORM_LIMITS.totalFieldBytes / share) + 1;
    const many = Array.from({ length: count }, (_, i): [string, string] => [
      `x-ignore-${i}`,
      "v".repeat(share),
    ]);
    expect(await post(url, multipart([...many, "file"]))).toMatchObject({
      status: 400,
      code: "MaxPostPreDataLengthExceeded",
    });
  });

  it("stores under the signed key and type, ignoring fields after the file (as S3 does)", async () => {
    const mine = await newAsset("mine.png");
    const other = await newAsset("other.png");
    const otherKey = other.presignedPostFields.fields.key as string;
    const answer = await post(
      mine.presignedPostFields.url,
      multipart([...fieldsOf(mine), "file", ["key", otherKey], ["Content-Type", "text/html"]]),
    );
    expect(answer.status).toBe(204);
    const served = await fetch(mine.url);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect((await fetch(other.url)).status).toBe(404);
  });

  it("refuses a field given twice, in any letter case", async () => {
    const asset = await newAsset("twice.png");
    const fields = fieldsOf(asset);
    const url = asset.presignedPostFields.url;
    expect(await post(url, multipart([...fields, ["key", "assets/x/y.png"], "file"]))).toMatchObject({
      status: 400,
      code: "InvalidArgument",
    });
    expect(await post(url, multipart([...fields, ["CONTENT-TYPE", "text/html"], "file"]))).toMatchObject({
      status: 400,
      code: "InvalidArgument",
    });
    expect((await fetch(asset.url)).status).toBe(404);
  });

  it("refuses a field the policy does not cover", async () => {
    const asset = await newAsset("extra.png");
    const answer = await post(
      asset.presignedPostFields.url,
      multipart([...fieldsOf(asset), ["success_action_redirect", "https://evil.example"], "file"]),
    );
    expect(answer).toMatchObject({ status: 403, code: "AccessDenied" });
    expect(answer.text).toContain("Extra input fields");
  });

  it("answers a malformed % escape in a storage path with 400 InvalidURI", async () => {
    for (const path of ["/_storage/%E0%A4%A", "/_storage/assets/%zz.png", "/_storage/%"]) {
      const response = await fetch(`${emulator.url}${path}`);
      expect(response.status, path).toBe(400);
      expect(await response.text()).toContain("<Code>InvalidURI</Code>");
    }
  });

  it("gives an asset URL that fetches back whatever the filename holds (?, #, %, spaces)", async () => {
    for (const filename of ["x.png?y=1#z", "a#b.png", "100%.png", "my photo.png", "what?.png"]) {
      const asset = await newAsset(filename);
      const { status } = await post(asset.presignedPostFields.url, multipart([...fieldsOf(asset), "file"]));
      expect(status, filename).toBe(204);
      const served = await fetch(asset.url);
      expect(served.status, `${filename} -> ${asset.url}`).toBe(200);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    }
  });

  it("serves files with nosniff, and HTML or SVG only as octet-stream attachments", async () => {
    const png = await newAsset("p.png");
    await post(png.presignedPostFields.url, multipart([...fieldsOf(png), "file"]));
    const pngServed = await fetch(png.url);
    expect(pngServed.headers.get("content-type")).toBe("image/png");
    expect(pngServed.headers.get("x-content-type-options")).toBe("nosniff");
    expect(pngServed.headers.get("content-disposition")).toBeNull();

    for (const filename of ["evil.svg", "evil.html", "evil.HTM"]) {
      const asset = await newAsset(filename);
      const script = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
      expect(
        (await post(asset.presignedPostFields.url, multipart([...fieldsOf(asset), "file"], script))).status,
      ).toBe(204);
      const served = await fetch(asset.url);
      expect(served.headers.get("content-type"), filename).toBe("application/octet-stream");
      expect(served.headers.get("content-disposition"), filename).toBe("attachment");
      expect(served.headers.get("x-content-type-options"), filename).toBe("nosniff");
    }
  });
});
