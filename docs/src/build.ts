// Builds the static docs site: home page and guides (Markdown via marked), the HTTP API reference (Redocly
// build-docs from the bundled spec) and the TypeScript reference of every publishable package (TypeDoc).
// Usage: tsx src/build.ts [--out <dir>] (default: <repo>/site). Everything it writes works offline.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { Application, LogLevel, OptionDefaults } from "typedoc";
import { GUIDE_SLUGS, type Guide, loadGuides } from "./guides.ts";
import { escapeHtml, expandIncludes, renderMarkdown } from "./markdown.ts";
import { DEFAULT_SITE_DIR, DOCS_DIR, OPENAPI_BUNDLE, publishablePackages, ROOT_DIR } from "./paths.ts";

const SITE_TITLE = "segments-ts";

interface NavPage {
  href: string;
  title: string;
}

/** The page frame shared by the home page and the guides. `root` is the relative path back to the site root. */
function layout(options: {
  title: string;
  root: string;
  body: string;
  guides: NavPage[];
  current: string;
}): string {
  const { title, root, body, guides, current } = options;
  const link = (page: NavPage) =>
    `<li><a href="${root}${page.href}"${page.href === current ? ' aria-current="page"' : ""}>${escapeHtml(page.title)}</a></li>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${SITE_TITLE}</title>
<link rel="icon" href="${root}favicon.ico">
<link rel="stylesheet" href="${root}assets/style.css">
</head>
<body>
<nav class="sidebar" aria-label="Site">
<p class="brand"><a href="${root}index.html">${SITE_TITLE}</a></p>
<ul>${link({ href: "index.html", title: "Home" })}</ul>
<p class="section">Guides</p>
<ul>${guides.map(link).join("")}</ul>
<p class="section">Reference</p>
<ul>${link({ href: "api/index.html", title: "HTTP API (OpenAPI)" })}${link({ href: "reference/index.html", title: "TypeScript packages" })}</ul>
</nav>
<main>
${body}
</main>
</body>
</html>
`;
}

const STYLE = `:root { color-scheme: light; --accent: #2b59c3; --muted: #5b6270; --border: #dde1e8; }
* { box-sizing: border-box; }
body { margin: 0; display: flex; min-height: 100vh; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; }
.sidebar { width: 260px; flex: none; padding: 1.5rem 1.25rem; border-right: 1px solid var(--border); background: #f7f8fa; }
.sidebar ul { list-style: none; margin: 0 0 1rem; padding: 0; }
.sidebar li a { display: block; padding: 0.2rem 0.5rem; border-radius: 4px; color: #1d2330; text-decoration: none; }
.sidebar li a:hover, .sidebar li a[aria-current="page"] { background: #e6ebf5; color: var(--accent); }
.brand a { font-weight: 700; font-size: 1.2rem; color: var(--accent); text-decoration: none; }
.section { margin: 1rem 0 0.25rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
main { flex: 1; min-width: 0; max-width: 56rem; padding: 2rem 3rem; }
a { color: var(--accent); }
pre { overflow-x: auto; padding: 1rem; border-radius: 6px; background: #1e2430; color: #e8ecf3; font-size: 0.875rem; line-height: 1.5; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
:not(pre) > code { padding: 0.1rem 0.3rem; border-radius: 4px; background: #eef1f6; font-size: 0.9em; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { padding: 0.4rem 0.75rem; border: 1px solid var(--border); text-align: left; vertical-align: top; }
th { background: #f2f4f8; }
td:first-child code { white-space: nowrap; }
`;

/** A 16x16 single-colour favicon (ICO with a 32-bit BMP), so browsers asking for /favicon.ico get no 404. */
function favicon(): Buffer {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let offset = 0; offset < pixels.length; offset += 4) pixels.set([0xc3, 0x59, 0x2b, 0xff], offset); // BGRA
  const andMask = Buffer.alloc(size * 4); // 1 bit per pixel, rows padded to 4 bytes; all opaque
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const image = Buffer.concat([header, pixels, andMask]);
  const directory = Buffer.alloc(22);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(1, 4); // one image
  directory.writeUInt8(size, 6);
  directory.writeUInt8(size, 7);
  directory.writeUInt16LE(1, 10);
  directory.writeUInt16LE(32, 12);
  directory.writeUInt32LE(image.length, 14);
  directory.writeUInt32LE(22, 18);
  return Buffer.concat([directory, image]);
}

/** The TypeDoc page of a package (TypeDoc names module pages after the package, `@` and `/` replaced). */
function referencePage(packageName: string): string {
  return `reference/modules/${packageName.replace(/[@/]/g, "_")}.html`;
}

function packageLink(pkg: { name: string; dir: string }): string {
  return sourceEntryPoints(pkg.dir).length > 0
    ? `[\`${pkg.name}\`](${referencePage(pkg.name)})`
    : `\`${pkg.name}\``;
}

function buildPages(siteDir: string, guides: Guide[]): void {
  writeFileSync(join(siteDir, "favicon.ico"), favicon());
  const nav = guides.map((guide) => ({ href: `guides/${guide.slug}.html`, title: guide.title }));
  mkdirSync(join(siteDir, "assets"), { recursive: true });
  writeFileSync(join(siteDir, "assets", "style.css"), STYLE);

  mkdirSync(join(siteDir, "guides"), { recursive: true });
  for (const guide of guides) {
    const markdown = expandIncludes(guide.markdown, guide.file);
    const body = renderMarkdown(markdown, { guideSlugs: GUIDE_SLUGS });
    const html = layout({
      title: guide.title,
      root: "../",
      body,
      guides: nav,
      current: `guides/${guide.slug}.html`,
    });
    writeFileSync(join(siteDir, "guides", `${guide.slug}.html`), html);
  }

  const packages = publishablePackages();
  const home = `${readFileSync(join(DOCS_DIR, "home.md"), "utf8")}

## Guides

${guides.map((guide) => `- [${guide.title}](guides/${guide.slug}.html)`).join("\n")}

## Packages

| package | what it is |
| --- | --- |
${packages.map((pkg) => `| ${packageLink(pkg)} | ${pkg.description.replaceAll("|", "\\|")} |`).join("\n")}
`;
  const body = renderMarkdown(home, { guideSlugs: GUIDE_SLUGS });
  writeFileSync(
    join(siteDir, "index.html"),
    layout({ title: "Home", root: "", body, guides: nav, current: "index.html" }),
  );
}

/** Redoc's sidebar shows a "API docs by Redocly" logo fetched from Redocly's CDN; serve a local one instead. */
const REDOCLY_LOGO_URLS = [
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg",
  "https://cdn.redoc.ly/redoc/logo-mini.svg",
];
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#5b6270">Redocly</text></svg>',
)}`;

function buildApiReference(siteDir: string): void {
  const output = join(siteDir, "api", "index.html");
  const redocly = join(DOCS_DIR, "node_modules", ".bin", "redocly");
  const result = spawnSync(
    redocly,
    [
      "build-docs",
      OPENAPI_BUNDLE,
      "--output",
      output,
      // Embed Redoc's script instead of loading it from the Redocly CDN.
      "--inlineBundle",
      "--title",
      "Segments.ai HTTP API reference",
    ],
    {
      cwd: DOCS_DIR,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  if (result.status !== 0) {
    throw new Error(`redocly build-docs failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  let html = readFileSync(output, "utf8");
  for (const url of REDOCLY_LOGO_URLS) html = html.replaceAll(url, LOCAL_LOGO);
  const external = /<(?:script|link|img)\b[^>]*\b(?:src|href)="(?:https?:)?\/\/[^"]*"/i.exec(html);
  if (external) throw new Error(`api/index.html loads an external resource: ${external[0]}`);
  writeFileSync(output, html);
}

/** Entry points of a package: the `source` condition of each subpath of its exports map (the node variant if split). */
function sourceEntryPoints(packageDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: Record<string, unknown>;
  };
  const entries: string[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === "./package.json" || typeof target !== "object" || target === null) continue;
    const source = (target as Record<string, unknown>).source;
    const file =
      typeof source === "string"
        ? source
        : typeof source === "object" && source !== null
          ? ((source as Record<string, unknown>).node ?? (source as Record<string, unknown>).default)
          : undefined;
    if (typeof file === "string" && existsSync(join(packageDir, file))) entries.push(file);
  }
  return entries;
}

async function buildTypeScriptReference(siteDir: string): Promise<void> {
  const packages = publishablePackages().filter((pkg) => sourceEntryPoints(pkg.dir).length > 0);
  const allEntryPoints = [...new Set(packages.flatMap((pkg) => sourceEntryPoints(pkg.dir)))];
  const app = await Application.bootstrapWithPlugins({
    name: `${SITE_TITLE} TypeScript reference`,
    entryPointStrategy: "packages",
    entryPoints: packages.map((pkg) => pkg.dir),
    // Each package documents the files behind its exports map; patterns matching nothing in a package are skipped.
    packageOptions: {
      entryPoints: allEntryPoints,
      blockTags: [...OptionDefaults.blockTags, "@description"],
      excludePrivate: true,
      excludeInternal: true,
      disableSources: true,
      skipErrorChecking: true,
    },
    out: join(siteDir, "reference"),
    readme: "none",
    disableSources: true,
    skipErrorChecking: true,
    logLevel: LogLevel.Error,
    // TypeDoc writes these hrefs verbatim on every page; relativeSiteLinks() turns them into relative ones.
    navigationLinks: { "Docs home": `${SITE_ROOT}index.html`, "HTTP API": `${SITE_ROOT}api/index.html` },
    validation: { notExported: false, invalidLink: true, rewrittenLink: true, notDocumented: false },
  });
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the packages");
  await app.generateDocs(project, join(siteDir, "reference"));
  if (app.logger.hasErrors()) throw new Error("TypeDoc reported errors");
  relativeSiteLinks(siteDir, join(siteDir, "reference"));
}

const SITE_ROOT = "__SITE_ROOT__/";

/** Replaces the SITE_ROOT placeholder in every HTML file under `dir` by the relative path to the site root. */
function relativeSiteLinks(siteDir: string, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      relativeSiteLinks(siteDir, path);
    } else if (entry.name.endsWith(".html")) {
      const html = readFileSync(path, "utf8");
      if (!html.includes(SITE_ROOT)) continue;
      const root = relative(dirname(path), siteDir).split(sep).join("/");
      writeFileSync(path, html.replaceAll(SITE_ROOT, `${root}/`));
    }
  }
}

export async function buildSite(siteDir: string): Promise<void> {
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  const guides = loadGuides();
  buildPages(siteDir, guides);
  buildApiReference(siteDir);
  await buildTypeScriptReference(siteDir);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const siteDir = values.out ? resolve(values.out) : DEFAULT_SITE_DIR;
  const started = Date.now();
  await buildSite(siteDir);
  console.log(`docs: site built in ${relative(ROOT_DIR, siteDir) || siteDir} (${Date.now() - started} ms)`);
}
