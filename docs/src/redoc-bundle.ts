// Redoc's standalone bundle, as the API page loads it. Redoc's menu always shows an "API docs by Redocly" logo
// fetched from Redocly's CDN; the site must load nothing from another host, so the copy served with the site points
// that image at an inline SVG instead.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DOCS_DIR } from "./paths.ts";

export const REDOC_LOGO_URL = "https://cdn.redoc.ly/redoc/logo-mini.svg";

const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#8b0000"/><text x="4" y="12" font-family="sans-serif" font-size="11" fill="#fff">R</text></svg>',
)}`;

/** The bundle with its CDN logo replaced; fails when Redoc changed and the URL is not there exactly once. */
export function offlineRedocBundle(source: string): string {
  const count = source.split(REDOC_LOGO_URL).length - 1;
  if (count !== 1)
    throw new Error(`expected Redoc's bundle to load ${REDOC_LOGO_URL} once, found it ${count} times`);
  return source.replace(REDOC_LOGO_URL, LOCAL_LOGO);
}

export function writeOfflineRedocBundle(file: string): void {
  const bundle = createRequire(join(DOCS_DIR, "package.json")).resolve("redoc/bundles/redoc.standalone.js");
  writeFileSync(file, offlineRedocBundle(readFileSync(bundle, "utf8")));
}
