// CORS rules: which browser origins may read the emulator's answers, preflights (answered without credentials, on
// API and storage paths), exposed headers, and the `cors` option / `--cors` flag. The browser itself is exercised in
// browser-tests/ (the SDK from a page on another port in headless Chromium).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../src/cli-args.js";
import type { Emulator } from "../src/index.js";
import { start } from "./helpers.js";

const emulators: Emulator[] = [];
afterAll(() => Promise.all(emulators.map((emulator) => emulator.close())));
async function started(options: Parameters<typeof start>[0] = {}): Promise<Emulator> {
  const emulator = await start(options);
  emulators.push(emulator);
  return emulator;
}

function preflight(emulator: Emulator, path: string, origin: string, extra: Record<string, string> = {}) {
  return fetch(`${emulator.url}${path}`, {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "PATCH",
      "Access-Control-Request-Headers": "authorization,content-type,segments-sdk-version,x-source",
      ...extra,
    },
  });
}

const corsHeaders = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));

const list = (value: string | null) => (value ?? "").split(/,\s*/).map((item) => item.toLowerCase());

describe("default policy: loopback origins only", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await started();
  });

  it("answers a preflight from a loopback page without credentials, allowing the SDK's methods and headers", async () => {
    const response = await preflight(emulator, "/datasets/jane/flowers/", "http://localhost:5173");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(list(response.headers.get("access-control-allow-methods"))).toEqual(
      expect.arrayContaining(["get", "post", "put", "patch", "delete"]),
    );
    expect(list(response.headers.get("access-control-allow-headers"))).toEqual(
      expect.arrayContaining([
        "authorization",
        "content-type",
        "content-encoding",
        "segments-sdk-version",
        "x-source",
      ]),
    );
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(response.headers.get("vary")).toMatch(/origin/i);
  });

  it.each([
    "http://127.0.0.1:3000",
    "http://127.1.2.3",
    "https://localhost",
    "http://app.localhost:8080",
    "http://[::1]:4173",
  ])("allows the loopback origin %s", async (origin) => {
    const response = await preflight(emulator, "/user", origin);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
  });

  it.each([
    "https://evil.example",
    "http://localhost.evil.example",
    "http://127.0.0.1.evil.example",
    "null",
    "file://",
    "not an origin",
  ])("gives %s no CORS header at all, on the preflight and on the request", async (origin) => {
    const answer = await preflight(emulator, "/user", origin);
    expect(answer.status).toBe(204);
    expect(corsHeaders(answer)).toEqual([]);
    const response = await fetch(`${emulator.url}/user`, {
      headers: { Origin: origin, Authorization: "APIKey jane-key" },
    });
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual([]);
  });

  it("echoes an allowed origin on answers, with credentials allowed and the SDK's retry and request-id headers exposed", async () => {
    const origin = "http://localhost:5173";
    const response = await fetch(`${emulator.url}/user`, {
      headers: { Origin: origin, Authorization: "APIKey jane-key" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    // Never `*`: a wildcard would make browsers refuse `credentials: "include"` requests.
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(list(response.headers.get("access-control-expose-headers"))).toEqual(
      expect.arrayContaining(["retry-after", "x-request-id", "x-should-retry", "retry-after-ms"]),
    );
    expect(response.headers.get("vary")).toMatch(/origin/i);
  });

  it("puts CORS headers on error answers too, so a page can read the error", async () => {
    const unauthenticated = await fetch(`${emulator.url}/user`, {
      headers: { Origin: "http://localhost:1" },
    });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get("access-control-allow-origin")).toBe("http://localhost:1");
    const missing = await fetch(`${emulator.url}/nope`, { headers: { Origin: "http://localhost:1" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe("http://localhost:1");
  });

  it("answers preflights for the storage endpoint (uploads) and serves uploads and files with CORS headers", async () => {
    const origin = "http://localhost:5173";
    const answer = await preflight(emulator, "/_storage/upload", origin, {
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "",
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(origin);

    const assetResponse = await fetch(`${emulator.url}/assets/`, {
      method: "POST",
      headers: { Authorization: "APIKey jane-key", "Content-Type": "application/json" },
      body: JSON.stringify({ filename: "a.txt" }),
    });
    const asset = (await assetResponse.json()) as {
      url: string;
      presignedPostFields: { url: string; fields: Record<string, string> };
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(asset.presignedPostFields.fields)) form.append(name, value);
    form.append("file", new Blob(["hello"], { type: asset.presignedPostFields.fields["Content-Type"] }));
    const upload = await fetch(asset.presignedPostFields.url, {
      method: "POST",
      body: form,
      headers: { Origin: origin },
    });
    expect(upload.status).toBe(204);
    expect(upload.headers.get("access-control-allow-origin")).toBe(origin);

    const file = await fetch(asset.url, { headers: { Origin: origin } });
    expect(await file.text()).toBe("hello");
    expect(file.headers.get("access-control-allow-origin")).toBe(origin);
  });

  it("allows a public page to reach the loopback emulator when Chromium asks (Private Network Access)", async () => {
    const response = await preflight(emulator, "/user", "http://localhost:5173", {
      "Access-Control-Request-Private-Network": "true",
    });
    expect(response.headers.get("access-control-allow-private-network")).toBe("true");
    const denied = await preflight(emulator, "/user", "https://evil.example", {
      "Access-Control-Request-Private-Network": "true",
    });
    expect(denied.headers.get("access-control-allow-private-network")).toBeNull();
  });

  it("leaves an OPTIONS request that is no preflight to the API (405, like before)", async () => {
    const response = await fetch(`${emulator.url}/user`, { method: "OPTIONS" });
    expect(response.status).toBe(405);
  });
});

describe("configured policies", () => {
  it("allows exactly the configured origins (and loopback only when listed)", async () => {
    const emulator = await started({ cors: ["https://app.example.com", "http://localhost:5173/"] });
    const allowed = await preflight(emulator, "/user", "https://app.example.com");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(
      (await preflight(emulator, "/user", "http://localhost:5173")).headers.get(
        "access-control-allow-origin",
      ),
    ).toBe("http://localhost:5173");
    for (const origin of ["https://app.example.com:444", "http://app.example.com", "http://localhost:5174"]) {
      expect(corsHeaders(await preflight(emulator, "/user", origin))).toEqual([]);
    }
  });

  it('"*" allows every origin, still echoing it rather than sending a wildcard', async () => {
    const emulator = await started({ cors: ["*"] });
    for (const origin of ["https://anything.example", "null"]) {
      const response = await preflight(emulator, "/user", origin);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    }
  });

  it("an empty list allows no cross-origin page", async () => {
    const emulator = await started({ cors: [] });
    expect(corsHeaders(await preflight(emulator, "/user", "http://localhost:5173"))).toEqual([]);
  });

  it.each(["localhost:5173", "ftp://example.com", "http://example.com/path", "http://user:pw@example.com"])(
    "refuses to start with the entry %s, naming it",
    async (entry) => {
      await expect(started({ cors: [entry] })).rejects.toThrow(
        new TypeError(
          `cors: expected an origin such as http://localhost:5173, "localhost" or "*", got "${entry}"`,
        ),
      );
    },
  );

  it("--cors is repeatable, takes keywords and none, and names a bad value", () => {
    expect(parseCli([])).toMatchObject({ cors: undefined });
    expect(parseCli(["--cors", "http://localhost:5173", "--cors", "localhost"])).toMatchObject({
      cors: ["http://localhost:5173", "localhost"],
    });
    expect(parseCli(["--cors", "none"])).toMatchObject({ cors: [] });
    expect(() => parseCli(["--cors", "none", "--cors", "*"])).toThrow("--cors: none cannot be combined");
    expect(() => parseCli(["--cors", "example.com"])).toThrow("--cors: expected an origin such as");
  });
});
