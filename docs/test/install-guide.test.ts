// The install guide's package table is what a reader installs from tarballs: every publishable package has a row,
// and its "needs" column names exactly the workspace packages it depends on (directly or through another), since
// those are not on the registry either. Optional peers may follow after a ";".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GUIDES_DIR, publishablePackages } from "../src/paths.ts";

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const SCOPE = "@segments-ts/";
const manifests = new Map(
  publishablePackages().map((pkg) => {
    const manifest = JSON.parse(readFileSync(join(pkg.dir, "package.json"), "utf8")) as Manifest;
    return [pkg.name, manifest] as const;
  }),
);

function workspaceNames(deps: Record<string, string> | undefined): string[] {
  return Object.keys(deps ?? {}).filter((name) => name.startsWith(SCOPE));
}

/** The workspace packages `name` needs installed with it: its dependencies and theirs. */
function needs(name: string, seen = new Set<string>()): Set<string> {
  for (const dep of workspaceNames(manifests.get(name)?.dependencies)) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    needs(dep, seen);
  }
  return seen;
}

/** `| \`@segments-ts/sdk\` | what | \`client\`; \`emulator\` for ... |` -> name, required, optional. */
function tableRows(markdown: string): Map<string, { required: string[]; optional: string[] }> {
  const rows = new Map<string, { required: string[]; optional: string[] }>();
  for (const line of markdown.split("\n")) {
    const cells = /^\| `(@segments-ts\/[a-z-]+)` \|[^|]*\|([^|]*)\|$/.exec(line);
    if (!cells) continue;
    const [required = "", optional = ""] = (cells[2] ?? "").split(";");
    const names = (text: string) => [...text.matchAll(/`([a-z-]+)`/g)].map((match) => `${SCOPE}${match[1]}`);
    rows.set(cells[1] as string, { required: names(required), optional: names(optional) });
  }
  return rows;
}

describe("the install guide's package table", () => {
  const rows = tableRows(readFileSync(join(GUIDES_DIR, "install.md"), "utf8"));

  it("has a row per publishable package", () => {
    expect([...rows.keys()].sort()).toEqual([...manifests.keys()].sort());
  });

  it("names what each package needs installed with it, and its optional peers", () => {
    for (const [name, row] of rows) {
      expect({ name, needs: [...row.required].sort() }).toEqual({ name, needs: [...needs(name)].sort() });
      const peers = workspaceNames(manifests.get(name)?.peerDependencies);
      expect({ name, optional: [...row.optional].sort() }).toEqual({ name, optional: peers.sort() });
    }
  });
});
