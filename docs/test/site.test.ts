// Builds the site into <repo>/site, serves it on 127.0.0.1 and checks it: every internal link resolves, no page
// references anything off-site, and in headless Chromium the pages render without console errors or requests
// leaving 127.0.0.1. Screenshots land in <repo>/site-screenshots/ (a CI artifact).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDE_SLUGS } from "../src/guides.ts";
import { crawlSite } from "../src/links.ts";
import { DEFAULT_SITE_DIR, DOCS_DIR, publishablePackages, ROOT_DIR } from "../src/paths.ts";
import { type SiteServer, serveSite } from "../src/serve.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SCREENSHOTS = join(ROOT_DIR, "site-screenshots");
/** Redoc routes on the client (`#/<tag>/<operation>`): its page is checked in the browser, not crawled. */
const API_PAGE = "api/index.html";
const API_OPERATION = { hash: "#/datasets/getdataset", heading: "Get a dataset" };

let site: SiteServer;

beforeAll(async () => {
  // DOCS_TEST_REUSE_SITE=1 skips the rebuild when iterating locally on the tests themselves.
  if (process.env.DOCS_TEST_REUSE_SITE !== "1" || !existsSync(join(DEFAULT_SITE_DIR, "index.html"))) {
    buildSiteForTest();
  }
  site = await serveSite(DEFAULT_SITE_DIR);
});

function buildSiteForTest(): void {
  execFileSync(join(DOCS_DIR, "node_modules", ".bin", "tsx"), ["src/build.ts", "--out", DEFAULT_SITE_DIR], {
    cwd: DOCS_DIR,
    stdio: "inherit",
  });
}

afterAll(async () => {
  await site?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

describe("the built site", () => {
  it("has the home page, every guide, the API reference and a TypeScript reference per package", () => {
    const expected = [
      "index.html",
      ...GUIDE_SLUGS.map((slug) => `guides/${slug}.html`),
      API_PAGE,
      "reference/index.html",
      ...publishablePackages().map((pkg) => `reference/modules/${pkg.name.replace(/[@/]/g, "_")}.html`),
    ];
    const missing = expected.filter((path) => !existsSync(join(DEFAULT_SITE_DIR, path)));
    expect(missing).toEqual([]);
  });

  it("has no broken internal links", async () => {
    const report = await crawlSite(site.url, {
      opaquePages: [API_PAGE],
      // TypeDoc renders the class hierarchy page with JavaScript, so its anchors are not in the HTML.
      scriptedAnchorPages: ["reference/hierarchy.html"],
    });
    expect(report.pages).toContain("index.html");
    expect(report.pages).toContain("guides/converters.html");
    expect(report.pages.some((page) => page.startsWith("reference/"))).toBe(true);
    expect(report.broken).toEqual([]);
  });

  it("loads no script, stylesheet, font or image from another host", () => {
    const external = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*"(?:https?:)?\/\/[^"]*"/gi;
    const offenders = htmlFiles(DEFAULT_SITE_DIR).flatMap((file) => {
      const html = readFileSync(file, "utf8");
      return [...html.matchAll(external)].map((match) => `${relative(DEFAULT_SITE_DIR, file)}: ${match[0]}`);
    });
    expect(offenders).toEqual([]);
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  console.warn(`site browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

describe.skipIf(!hasChromium && !process.env.CI)("the site in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `path` with every request leaving 127.0.0.1 blocked, and collects what went wrong. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    const origin = new URL(site.url).origin;
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:"))
        return route.continue();
      problems.push(`external request: ${url}`);
      return route.abort();
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => {
      if (!problems.some((problem) => problem.endsWith(request.url()))) {
        problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(new URL(path, site.url).href, { waitUntil: "load" });
    return { page, problems };
  }

  it("renders the home page, navigates to a guide, and saves a screenshot", async () => {
    const { page, problems } = await open("index.html");
    await expect(page.locator("main h1").first().textContent()).resolves.toBe("segments-ts");
    await page.screenshot({ path: join(SCREENSHOTS, "home.png"), fullPage: true });
    await page.locator("nav a", { hasText: "Quick start" }).click();
    await page.waitForURL(/guides\/quick-start\.html$/);
    await expect(page.locator("main h1").textContent()).resolves.toBe("Quick start");
    await page.close();
    expect(problems).toEqual([]);
  });

  it("renders every guide without console errors", async () => {
    const problems: string[] = [];
    for (const slug of GUIDE_SLUGS) {
      const opened = await open(`guides/${slug}.html`);
      await expect(opened.page.locator("main h1").count()).resolves.toBe(1);
      problems.push(...opened.problems.map((problem) => `${slug}: ${problem}`));
      await opened.page.close();
    }
    expect(problems).toEqual([]);
  });

  it("renders an API operation offline and saves a screenshot", async () => {
    const { page, problems } = await open(`${API_PAGE}${API_OPERATION.hash}`);
    const heading = page.locator("h1, h2", { hasText: new RegExp(`^${API_OPERATION.heading}$`) });
    await heading.waitFor({ state: "visible", timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, "api-operation.png") });
    // Client-side navigation to another operation works too.
    await page.getByText("Users", { exact: true }).first().click();
    await page.waitForURL(/#\/users/);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("renders the TypeScript reference of the SDK without console errors", async () => {
    const { page, problems } = await open("reference/modules/_segments-ts_sdk.html");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("@segments-ts/sdk");
    await page.getByRole("link", { name: "SegmentsClient", exact: true }).first().click();
    await page.waitForURL(/classes\/_segments-ts_sdk\.SegmentsClient\.html$/);
    await page.close();
    expect(problems).toEqual([]);
  });
});
