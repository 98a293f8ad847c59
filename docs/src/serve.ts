// A minimal static file server for the built site, bound to 127.0.0.1 (used by the tests and `pnpm run serve`).
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_SITE_DIR } from "./paths.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The file a URL path maps to inside `root` (directories map to their index.html), or undefined. */
export function resolveSitePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? "/");
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  if (!existsSync(candidate)) return undefined;
  if (statSync(candidate).isDirectory()) {
    const index = join(candidate, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return candidate;
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(siteDir: string, port = 0): Promise<SiteServer> {
  const root = resolve(siteDir);
  const server: Server = createServer((request, response) => {
    const file = resolveSitePath(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    };
    // VitePress names every file under assets/ by its content hash: a browser may keep it, as behind any static
    // host, instead of fetching the framework's chunks again on every page.
    if (file.startsWith(join(root, "assets") + sep))
      headers["cache-control"] = "public, max-age=31536000, immutable";
    response.writeHead(200, headers);
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", done));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4173" } } });
  const site = await serveSite(DEFAULT_SITE_DIR, Number(values.port));
  console.log(`docs: serving ${DEFAULT_SITE_DIR} at ${site.url}`);
}
