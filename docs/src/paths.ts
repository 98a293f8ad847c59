// Locations shared by the site build, the guide-sample check and the tests.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DOCS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT_DIR = resolve(DOCS_DIR, "..");
export const GUIDES_DIR = join(DOCS_DIR, "guides");
export const DEFAULT_SITE_DIR = join(ROOT_DIR, "site");
export const OPENAPI_BUNDLE = join(ROOT_DIR, "openapi", "bundle", "openapi.json");
/** What the build generates before VitePress runs (gitignored): the API spec with code samples, the CLI session. */
export const GENERATED_DIR = join(DOCS_DIR, ".vitepress", "generated");
/** The CLI guide's commands with their output and the operations they made (written by src/cli-session.ts). */
export const CLI_SESSION_FILE = join(GENERATED_DIR, "cli-session.json");
/** The TypeDoc Markdown pages (gitignored), rendered by VitePress like the guides. */
export const REFERENCE_DIR = join(DOCS_DIR, "reference");

/** A publishable workspace package (`packages/<dir>/package.json` without `"private": true`). */
export interface WorkspacePackage {
  name: string;
  dir: string;
  description: string;
}

/** Publishable packages in `packages/`, sorted by directory name; packages that do not exist yet are simply absent. */
export function publishablePackages(): WorkspacePackage[] {
  const packagesDir = join(ROOT_DIR, "packages");
  const found: WorkspacePackage[] = [];
  for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
    const manifestPath = join(packagesDir, entry.name, "package.json");
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      name?: string;
      private?: boolean;
      description?: string;
    };
    if (manifest.private || !manifest.name) continue;
    found.push({
      name: manifest.name,
      dir: join(packagesDir, entry.name),
      description: manifest.description ?? "",
    });
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}
