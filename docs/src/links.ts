// Crawls the served site from its home page and reports internal links (href/src) that do not resolve, including
// `#fragment`s that name no element of the target page.

export interface BrokenLink {
  /** The page containing the link, relative to the site root. */
  page: string;
  href: string;
  reason: string;
}

export interface LinkReport {
  /** HTML pages crawled. */
  pages: string[];
  broken: BrokenLink[];
}

export interface CrawlOptions {
  /** Pages (site-relative paths) whose links are not followed, e.g. single-page apps that route on the client. */
  opaquePages?: readonly string[];
  /** Pages whose anchors are created by scripts: `#fragment` links to them are not checked. */
  scriptedAnchorPages?: readonly string[];
  concurrency?: number;
}

const ATTRIBUTE = /\s(?:href|src)\s*=\s*"([^"]*)"/gi;
const ID = /\s(?:id|name)\s*=\s*"([^"]*)"/gi;

function decodeEntities(text: string): string {
  return text.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'");
}

export function extractLinks(html: string): string[] {
  return [...html.matchAll(ATTRIBUTE)].map((match) => decodeEntities(match[1] ?? ""));
}

export function extractIds(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((match) => decodeEntities(match[1] ?? "")));
}

const IGNORED = /^(?:mailto:|javascript:|data:|blob:|tel:)/i;

export async function crawlSite(baseUrl: string, options: CrawlOptions = {}): Promise<LinkReport> {
  const base = new URL(baseUrl);
  const opaque = new Set(options.opaquePages ?? []);
  const scriptedAnchors = new Set([...opaque, ...(options.scriptedAnchorPages ?? [])]);
  // A directory (`api/`, as VitePress links an index page) is its index.html.
  const relativePath = (url: URL) => {
    const path = decodeURIComponent(url.pathname.slice(base.pathname.length));
    return path === "" || path.endsWith("/") ? `${path}index.html` : path;
  };
  const status = new Map<string, Promise<{ ok: boolean; reason: string; html?: string }>>();
  const links: { page: string; href: string; target: string; fragment: string }[] = [];
  const crawled: string[] = [];

  const load = (target: string) => {
    let pending = status.get(target);
    if (!pending) {
      pending = fetch(target).then(async (response) => {
        if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
        const isHtml = response.headers.get("content-type")?.startsWith("text/html") ?? false;
        return { ok: true, reason: "", ...(isHtml ? { html: await response.text() } : {}) };
      });
      status.set(target, pending);
    }
    return pending;
  };

  const broken: BrokenLink[] = [];
  const queue = [new URL("index.html", base).href];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const batch = queue.splice(0, options.concurrency ?? 8);
    const pages = await Promise.all(batch.map(async (pageUrl) => ({ pageUrl, page: await load(pageUrl) })));
    for (const { pageUrl, page } of pages) {
      const pagePath = relativePath(new URL(pageUrl));
      if (page.html === undefined || opaque.has(pagePath)) continue;
      crawled.push(pagePath);
      for (const href of extractLinks(page.html)) {
        if (href === "" || IGNORED.test(href)) continue;
        const url = new URL(href, pageUrl);
        if (url.origin !== base.origin) continue;
        if (!url.pathname.startsWith(base.pathname)) {
          broken.push({ page: pagePath, href, reason: "points outside the site" });
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        url.hash = "";
        url.search = "";
        links.push({ page: pagePath, href, target: url.href, fragment });
        if (!seen.has(url.href)) {
          seen.add(url.href);
          queue.push(url.href);
        }
      }
    }
  }

  const idsOf = new Map<string, Set<string>>();
  for (const link of links) {
    const target = await load(link.target);
    if (!target.ok) {
      broken.push({ page: link.page, href: link.href, reason: target.reason });
    } else if (
      link.fragment &&
      target.html !== undefined &&
      !scriptedAnchors.has(relativePath(new URL(link.target)))
    ) {
      let ids = idsOf.get(link.target);
      if (!ids) {
        ids = extractIds(target.html);
        idsOf.set(link.target, ids);
      }
      if (!ids.has(link.fragment)) {
        broken.push({ page: link.page, href: link.href, reason: `no element with id "${link.fragment}"` });
      }
    }
  }
  return { pages: crawled.sort(), broken };
}
