// Where a page's source lives in the repository, for the "Edit this page" link. The web address of the repository
// comes from `DOCS_REPOSITORY_URL` or the root package.json's `repository` field; the path after it is the page's
// path relative to the repository root (`docs/guides/quick-start.md`), so the link follows the file wherever the
// repository is hosted. Without an address the footer shows that path only (see the theme's SourcePath).
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { DefaultTheme } from "vitepress";
import { DOCS_DIR, ROOT_DIR } from "./paths.ts";

/** `docs/<page>` relative to the repository root, with forward slashes. */
export function repositoryPath(pagePath: string): string {
  return [relative(ROOT_DIR, DOCS_DIR), pagePath].join("/").replaceAll("\\", "/");
}

/** npm's `repository` shorthands (`github:owner/repo`, or bare `owner/repo` for GitHub). */
const SHORTHAND_HOSTS: Record<string, string> = {
  github: "github.com",
  gitlab: "gitlab.com",
  bitbucket: "bitbucket.org",
};

/** The repository's web address (no trailing slash, no `.git`), from a package.json `repository` value. */
export function repositoryWebUrl(repository: unknown): string | undefined {
  const raw =
    typeof repository === "string"
      ? repository
      : typeof repository === "object" && repository !== null
        ? (repository as { url?: unknown }).url
        : undefined;
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  let url = raw.trim().replace(/^git\+/, "");
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand) url = `https://${SHORTHAND_HOSTS[shorthand[1] ?? "github"]}/${shorthand[2]}`;
  url = url.replace(/^git@([^:]+):/, "https://$1/").replace(/^(?:git|ssh):\/\/(?:git@)?/, "https://");
  if (!/^https?:\/\/[^/]+\/.+/.test(url)) return undefined;
  return url.replace(/\.git$/, "").replace(/\/+$/, "");
}

/** The edit link of the default theme, or undefined when the repository has no known web address. */
export function editLinkFor(
  env: NodeJS.ProcessEnv = process.env,
  rootManifest: string = join(ROOT_DIR, "package.json"),
): DefaultTheme.EditLink | undefined {
  const manifest = JSON.parse(readFileSync(rootManifest, "utf8")) as { repository?: unknown };
  const base = repositoryWebUrl(env.DOCS_REPOSITORY_URL) ?? repositoryWebUrl(manifest.repository);
  if (!base) return undefined;
  const branch = env.DOCS_REPOSITORY_BRANCH ?? "main";
  return {
    pattern: ({ filePath }) => `${base}/edit/${branch}/${repositoryPath(filePath)}`,
    text: "Edit this page",
  };
}
