// The VitePress site: guides, the HTTP API reference (Redoc, client side) and the TypeScript reference (TypeDoc
// Markdown). `src/build.ts` generates the API spec with code samples, the CLI session and the TypeDoc pages first;
// this file only reads what it wrote (see docs/README.md).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DefaultTheme, defineConfig } from "vitepress";
import { cliReferencePlugin } from "../src/cli-reference.ts";
import { cliSessionPlugin } from "../src/cli-session-markdown.ts";
import { GUIDE_SLUGS, guideTitle } from "../src/guides.ts";
import { includePlugin } from "../src/includes.ts";
import { DEFAULT_SITE_DIR, GUIDES_DIR, REFERENCE_DIR } from "../src/paths.ts";
import { editLinkFor } from "../src/repository.ts";

const guides: DefaultTheme.SidebarItem[] = GUIDE_SLUGS.map((slug) => ({
  text: guideTitle(readFileSync(join(GUIDES_DIR, `${slug}.md`), "utf8"), `docs/guides/${slug}.md`),
  link: `/guides/${slug}`,
}));

/** TypeDoc's sidebar (written by typedoc-vitepress-theme next to the pages); absent until the build generated it. */
function typedocSidebar(): DefaultTheme.SidebarItem[] {
  const file = join(REFERENCE_DIR, "typedoc-sidebar.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as DefaultTheme.SidebarItem[]) : [];
}

const referenceLinks: DefaultTheme.SidebarItem[] = [
  { text: "HTTP API", link: "/api/" },
  { text: "Operations: SDK, CLI, curl", link: "/api/operations" },
  { text: "TypeScript packages", link: "/reference/" },
];

/**
 * A sidebar per package: every package is listed, only the current one with its classes and interfaces (with all
 * of them expanded, every reference page carried the whole tree).
 */
function referenceSidebars(): DefaultTheme.SidebarMulti {
  const packages = typedocSidebar();
  const sidebarFor = (current: DefaultTheme.SidebarItem | undefined): DefaultTheme.SidebarItem[] => [
    { text: "Reference", items: referenceLinks },
    {
      text: "Packages",
      items: packages.map((pkg) =>
        pkg === current ? { ...pkg, collapsed: false } : { text: pkg.text, link: pkg.link },
      ),
    },
  ];
  const sidebars: DefaultTheme.SidebarMulti = { "/reference/": sidebarFor(undefined) };
  for (const pkg of packages) if (pkg.link) sidebars[pkg.link] = sidebarFor(pkg);
  return sidebars;
}

export default defineConfig({
  title: "segments-ts",
  description: "The typed TypeScript SDK, CLI and local emulator for the Segments.ai data-labeling API",
  lang: "en-US",
  // Where the site is served: "/" unless it lives under a path, e.g. DOCS_BASE=/segments-ts/ for a project page.
  base: process.env.DOCS_BASE ?? "/",
  outDir: DEFAULT_SITE_DIR,
  cacheDir: ".vitepress/cache",
  srcExclude: ["README.md", "src/**", "test/**", "tmp/**"],
  // A missing page, guide or reference link fails the build.
  ignoreDeadLinks: false,
  head: [["link", { rel: "icon", type: "image/svg+xml", href: `${process.env.DOCS_BASE ?? "/"}logo.svg` }]],
  vite: {
    // The local search index is one chunk of about 1 MB, loaded when the reader opens the search box.
    build: { chunkSizeWarningLimit: 1600 },
  },
  markdown: {
    theme: { light: "github-light", dark: "github-dark" },
    config(md) {
      md.use(includePlugin);
      md.use(cliSessionPlugin);
      md.use(cliReferencePlugin);
    },
  },
  transformPageData(pageData) {
    // The TypeDoc pages are generated from the packages' TSDoc: there is no Markdown file to edit.
    if (pageData.relativePath.startsWith("reference/")) pageData.frontmatter.editLink = false;
  },
  themeConfig: {
    logo: "/logo.svg",
    nav: [
      { text: "Guides", link: "/guides/quick-start", activeMatch: "^/guides/" },
      { text: "HTTP API", link: "/api/", activeMatch: "^/api/" },
      { text: "TypeScript", link: "/reference/", activeMatch: "^/reference/" },
    ],
    sidebar: {
      ...referenceSidebars(),
      "/": [
        { text: "Guides", items: guides },
        { text: "Reference", items: referenceLinks },
      ],
    },
    outline: { level: [2, 3] },
    editLink: editLinkFor(),
    search: {
      provider: "local",
    },
    docFooter: { prev: "Previous", next: "Next" },
  },
});
