// The publishable packages of the workspace: packages/*/package.json without `"private": true`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const RELEASE_CHECKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT_DIR = resolve(RELEASE_CHECKS_DIR, "..", "..");

export interface PublishablePackage {
  name: string;
  dir: string;
}

export function publishablePackages(): PublishablePackage[] {
  const packagesDir = join(ROOT_DIR, "packages");
  return readdirSync(packagesDir)
    .sort()
    .flatMap((entry) => {
      const manifestPath = join(packagesDir, entry, "package.json");
      if (!existsSync(manifestPath)) return [];
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { name?: string; private?: boolean };
      return manifest.private || !manifest.name
        ? []
        : [{ name: manifest.name, dir: join(packagesDir, entry) }];
    });
}
