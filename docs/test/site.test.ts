// Builds the site into <repo>/site, serves it on 127.0.0.1 and checks it: every internal link resolves, and in
// headless Chromium at 1280x800 and 390x844 every page loads with no console error, no request leaving 127.0.0.1
// and (on the phone) no sideways scroll; search finds "addLabel" and "COCO"; the phone menu, dark mode and the API
// reference work. Screenshots land in <repo>/site-screenshots/ (gitignored; a CI artifact) for review.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUIDE_SLUGS } from "../src/guides.ts";
import { crawlSite } from "../src/links.ts";
import { DEFAULT_SITE_DIR, DOCS_DIR, ROOT_DIR } from "../src/paths.ts";
import { type SiteServer, serveSite } from "../src/serve.ts";
import { documentedPackages } from "../src/typedoc.ts";

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
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
/** Redoc renders the API page on the client: its links are checked in the browser, not by the crawler. */
const API_PAGE = "api/index.html";
const API_OPERATION = "api/index.html#tag/Datasets/operation/getDataset";

let site: SiteServer;

beforeAll(async () => {
  // DOCS_TEST_REUSE_SITE=1 skips the rebuild when iterating locally on the tests themselves.
  if (process.env.DOCS_TEST_REUSE_SITE !== "1" || !existsSync(join(DEFAULT_SITE_DIR, "index.html"))) {
    execFileSync(
      process.execPath,
      [join(DOCS_DIR, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=source", "src/build.ts"],
      {
        cwd: DOCS_DIR,
        stdio: "inherit",
      },
    );
  }
  site = await serveSite(DEFAULT_SITE_DIR);
});

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

/** Every page of the site, relative to its root (VitePress's 404 page is served for missing paths, not linked). */
function sitePages(): string[] {
  return htmlFiles(DEFAULT_SITE_DIR)
    .map((file) => relative(DEFAULT_SITE_DIR, file).split("\\").join("/"))
    .filter((page) => page !== "404.html")
    .sort();
}

describe("the built site", () => {
  it("has the home page, every guide, both API pages and a TypeScript reference per package", () => {
    const expected = [
      "index.html",
      ...GUIDE_SLUGS.map((slug) => `guides/${slug}.html`),
      API_PAGE,
      "api/operations.html",
      "reference/index.html",
      ...documentedPackages().map((pkg) => `reference/${pkg.name}/index.html`),
      "reference/@segments-ts/sdk/classes/SegmentsClient.html",
    ];
    expect(expected.filter((page) => !existsSync(join(DEFAULT_SITE_DIR, page)))).toEqual([]);
  });

  it("has no broken internal link or anchor", async () => {
    const report = await crawlSite(site.url, { opaquePages: [API_PAGE] });
    expect(report.pages).toEqual(
      expect.arrayContaining(["index.html", "guides/cli.html", "api/operations.html"]),
    );
    expect(report.pages.filter((page) => page.startsWith("reference/")).length).toBeGreaterThan(20);
    expect(report.broken).toEqual([]);
  });

  it("loads no script, stylesheet, font or image from another host", () => {
    const external =
      /<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*"(?:https?:)?\/\/[^"]*"/gi;
    const offenders = htmlFiles(DEFAULT_SITE_DIR).flatMap((file) => {
      const html = readFileSync(file, "utf8");
      return [...html.matchAll(external)].map((match) => `${relative(DEFAULT_SITE_DIR, file)}: ${match[0]}`);
    });
    expect(offenders).toEqual([]);
  });

  it("highlights code with copy buttons and names each guide's source file", () => {
    const html = readFileSync(join(DEFAULT_SITE_DIR, "guides", "quick-start.html"), "utf8");
    expect(html).toMatch(/<button title="Copy Code" class="copy">/);
    expect(html).toMatch(
      /<span style="--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6};">import<\/span>/i,
    );
    expect(html).toContain("docs/guides/quick-start.md");
  });

  it("prints the CLI guide's commands with their real output", () => {
    const html = readFileSync(join(DEFAULT_SITE_DIR, "guides", "cli.html"), "utf8");
    const text = html.replace(/<[^>]+>/g, "").replaceAll("&quot;", '"');
    expect(text).toContain("$ segments datasets get jane/flowers");
    expect(text).toMatch(/categories: +1:rose, 2:tulip/);
    expect(text).toContain('error: dataset "jane/tulips" not found (404)');
    // The command reference at its end, generated from the CLI's commandReference().
    expect(html).toContain('id="segments-samples-upload"');
    expect(text).toContain("segments samples upload [options]");
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI) {
  console.warn(`site browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
}

describe.skipIf(!hasChromium && !process.env.CI)("the site in headless Chromium", () => {
  let browser: Browser;
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    for (const viewport of VIEWPORTS) {
      contexts.set(
        viewport.name,
        await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } }),
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens `path` with every request leaving 127.0.0.1 blocked, and collects what went wrong. */
  async function open(viewport: string, path: string): Promise<{ page: Page; problems: string[] }> {
    const context = contexts.get(viewport);
    if (!context) throw new Error(`no context for ${viewport}`);
    const page = await context.newPage();
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
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(new URL(path, site.url).href, { waitUntil: "load" });
    return { page, problems };
  }

  /** Redoc renders after the spec loads; the page is ready when an operation heading is on it. */
  async function waitForRedoc(page: Page): Promise<void> {
    await page.locator(".redoc-wrap h2").first().waitFor({ state: "attached", timeout: 30_000 });
  }

  async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  // The two sizes load the pages side by side (a tab each): on two cores that is most of the suite's time halved.
  for (const viewport of VIEWPORTS) {
    it.concurrent(`loads every page at ${viewport.width}x${viewport.height} cleanly`, {
      timeout: 900_000,
    }, async () => {
      // One tab visits every page in turn (a tab per page costs more than the pages themselves).
      let current = "";
      const { page, problems } = await open(viewport.name, "index.html");
      const attributed = (problem: string) => `${current}: ${problem}`;
      problems.length = 0;
      const pageProblems: string[] = [];
      for (const path of sitePages()) {
        current = path;
        await page.goto(new URL(path, site.url).href, { waitUntil: "load" });
        if (path === API_PAGE) await waitForRedoc(page);
        if ((await page.locator("h1").count()) === 0) pageProblems.push(`${path}: no h1`);
        const overflow = await horizontalOverflow(page);
        if (viewport.name === "phone" && overflow > 0)
          pageProblems.push(`${path}: scrolls sideways by ${overflow} px`);
        pageProblems.push(...problems.splice(0).map(attributed));
      }
      await page.close();
      expect(pageProblems).toEqual([]);
    });
  }

  for (const viewport of VIEWPORTS) {
    it(`finds "addLabel" and "COCO" with the search at ${viewport.width}x${viewport.height}`, async () => {
      const { page, problems } = await open(viewport.name, "index.html");
      for (const query of ["addLabel", "COCO"]) {
        await page.locator("#local-search button").first().click();
        await page.locator(".VPLocalSearchBox input").fill(query);
        const firstResult = page.locator(".VPLocalSearchBox .result").first();
        // The box searches as the reader types: wait for the results of this query, not the previous one.
        await expect
          .poll(() => firstResult.textContent({ timeout: 15_000 }), { timeout: 15_000 })
          .toMatch(new RegExp(query, "i"));
        await page.keyboard.press("Escape");
      }
      await page.close();
      expect(problems).toEqual([]);
    });

    it(`renders the home page, a guide and the API reference at ${viewport.width}x${viewport.height}`, async () => {
      const problems: string[] = [];
      for (const [name, path] of [
        ["home", "index.html"],
        ["guide-labels", "guides/labels.html"],
        ["api-reference", API_OPERATION],
      ] as const) {
        const opened = await open(viewport.name, path);
        if (path.startsWith(API_PAGE)) {
          await waitForRedoc(opened.page);
          await opened.page.getByRole("heading", { name: "Get a dataset" }).first().waitFor();
        }
        await opened.page.screenshot({
          path: join(SCREENSHOTS, `${name}-${viewport.width}x${viewport.height}.png`),
        });
        problems.push(...opened.problems);
        await opened.page.close();
      }
      expect(problems).toEqual([]);
    });
  }

  it("navigates on a phone through the menu", async () => {
    const { page, problems } = await open("phone", "guides/quick-start.html");
    await page.locator(".VPLocalNav .menu").click();
    await page.locator(".VPSidebar a", { hasText: "Labels by task type" }).click();
    await page.waitForURL(/guides\/labels\.html$/);
    await expect.poll(() => page.locator("main h1").textContent()).toContain("Labels by task type");
    await page.locator(".VPNavBar .VPNavBarHamburger").click();
    await expect(page.locator(".VPNavScreen").getByText("HTTP API").isVisible()).resolves.toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("switches to dark mode, the API reference included", async () => {
    const { page, problems } = await open("desktop", API_OPERATION);
    await waitForRedoc(page);
    const menuBackground = () =>
      page.locator(".menu-content").evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = await menuBackground();
    await page.locator(".VPNavBarAppearance .VPSwitchAppearance").click();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(
      true,
    );
    await expect.poll(menuBackground, { timeout: 15_000 }).not.toBe(light);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("shows a SegmentsClient, CLI and curl sample per operation, with links that resolve", async () => {
    const { page, problems } = await open("desktop", API_OPERATION);
    await waitForRedoc(page);
    const operation = page.locator('[data-section-id="tag/Datasets/operation/getDataset"]');
    for (const tab of ["SegmentsClient", "CLI", "curl"]) {
      await expect(operation.getByRole("tab", { name: tab, exact: true }).count()).resolves.toBe(1);
    }
    await expect(operation.textContent()).resolves.toContain('client.getDataset("jane/flowers")');
    await operation.getByRole("tab", { name: "curl", exact: true }).click();
    await expect(operation.textContent()).resolves.toContain(
      'curl "https://api.segments.ai/datasets/jane/flowers/"',
    );
    // Every link Redoc rendered that stays on the site points at a page that exists.
    const hrefs = await page
      .locator(".redoc-wrap a[href]")
      .evaluateAll((links) =>
        links
          .map((link) => (link as HTMLAnchorElement).href)
          .filter((href) => href.startsWith(location.origin)),
      );
    const sdkLinks = hrefs.filter((href) => href.includes("/reference/"));
    expect(sdkLinks.length).toBeGreaterThan(30);
    const broken: string[] = [];
    for (const href of new Set(hrefs.map((href) => href.split("#")[0] as string))) {
      const response = await fetch(href);
      if (!response.ok) broken.push(`${href}: HTTP ${response.status}`);
    }
    expect(broken).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});
