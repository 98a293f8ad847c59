// The SDK's browser build, run in headless Chromium from a page on one loopback port against the emulator on
// another (a different origin), so every call depends on the emulator's CORS answers: create a dataset, upload a
// file to the storage endpoint, add a gzipped sample, list samples, read an error's request id. An emulator that does
// not allow the page's origin must be blocked by the browser. Needs /usr/bin/chromium (Debian `chromium`;
// CHROMIUM_PATH overrides): skipped with a note when missing, except under CI where that is a failure.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SdkRunResult } from "./sdk-page.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI)
    throw new Error(
      `headless Chromium test: ${CHROMIUM} is missing. Install the Debian package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  console.warn(
    `[browser-tests] skipping the SDK-in-Chromium CORS test: ${CHROMIUM} not found (apt-get install -y chromium).`,
  );
}

const USER = { username: "jane", apiKey: "jane-key" };

/** Bundles the page script with the SDK's browser entry; a Node built-in anywhere on that path fails the build. */
async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL("./sdk-page.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    conditions: ["browser", "source"],
    target: "es2022",
    logLevel: "silent",
  });
  return out.outputFiles[0]?.text ?? "";
}

/** Serves the page and its script on a free loopback port: another origin than the emulator's. */
async function servePage(script: string): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><meta charset="utf-8"><title>sdk</title><script src="/page.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === "/page.js") res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else res.writeHead(200, { "content-type": "text/html" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe.skipIf(!available)("the SDK in headless Chromium, from a page on another origin", () => {
  let emulator: Emulator;
  let stranger: Emulator;
  let page: { server: Server; url: string };
  let browser: Browser;
  let tab: Page;

  beforeAll(async () => {
    const [script, started, other] = await Promise.all([
      bundlePage(),
      // The default CORS policy: loopback origins.
      startEmulator({ users: [USER], validateResponses: true }),
      startEmulator({ users: [USER], cors: ["https://app.example.com"] }),
    ]);
    emulator = started;
    stranger = other;
    page = await servePage(script);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    tab = await browser.newPage();
    await tab.goto(page.url);
    await tab.waitForFunction(() => "sdkPage" in globalThis);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (page ? page.server.close(() => resolve()) : resolve()));
    await Promise.all([emulator?.close(), stranger?.close()]);
  });

  type PageApi = {
    runSdk(baseUrl: string, apiKey: string): Promise<SdkRunResult>;
    blockedCall(baseUrl: string, apiKey: string): Promise<string>;
  };
  const inPage = <K extends keyof PageApi>(name: K, ...args: Parameters<PageApi[K]>) =>
    tab.evaluate(
      ([n, a]) => {
        const api = (globalThis as unknown as { sdkPage: Record<string, (...x: unknown[]) => unknown> })
          .sdkPage;
        return api[n as string]?.(...(a as unknown[]));
      },
      [name, args] as const,
    ) as ReturnType<PageApi[K]>;

  it("creates a dataset, uploads a file, adds a sample and lists it, reading ids and errors", async () => {
    expect(new URL(page.url).origin).not.toBe(new URL(emulator.url).origin);
    const result = await inPage("runSdk", emulator.url, USER.apiKey);
    expect(result).toMatchObject({
      datasetName: "jane/browser-flowers",
      uploadedText: "rose pixels",
      sampleNames: ["rose.png"],
      sampleMetadataBytes: 4096,
      notFound: { name: "NotFoundError", status: 404 },
    });
    expect(result.assetUrl.startsWith(`${emulator.url}/_storage/`)).toBe(true);
    // Request ids come from X-Request-Id, which the page can read only when it is exposed.
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.notFound.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.violations).toEqual([]);
  });

  it("is blocked by the browser when the emulator does not allow the page's origin", async () => {
    expect(await inPage("blockedCall", stranger.url, USER.apiKey)).toBe("APIConnectionError");
  });
});
