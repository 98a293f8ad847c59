// The TypeScript reference: TypeDoc with typedoc-plugin-markdown and typedoc-vitepress-theme writes one Markdown page
// per exported symbol of every publishable package into docs/reference/, plus the sidebar VitePress shows there.
// The project is returned too: src/api-spec.ts takes each SegmentsClient method's `@example` from it.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  Application,
  Comment,
  type Context,
  Converter,
  type DeclarationReflection,
  LogLevel,
  OptionDefaults,
  type ProjectReflection,
} from "typedoc";
import { MarkdownPageEvent } from "typedoc-plugin-markdown";
import { DOCS_DIR, publishablePackages, REFERENCE_DIR } from "./paths.ts";

/** Entry points of a package: the `source` condition of each subpath of its exports map (the node variant if split). */
export function sourceEntryPoints(packageDir: string): string[] {
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

/** The packages the reference documents: publishable ones with at least one source entry point. */
export function documentedPackages() {
  return publishablePackages().filter((pkg) => sourceEntryPoints(pkg.dir).length > 0);
}

export async function buildTypeScriptReference(outDir: string = REFERENCE_DIR): Promise<ProjectReflection> {
  rmSync(outDir, { recursive: true, force: true });
  const packages = documentedPackages();
  const allEntryPoints = [...new Set(packages.flatMap((pkg) => sourceEntryPoints(pkg.dir)))];
  const app = await Application.bootstrapWithPlugins({
    plugin: ["typedoc-plugin-markdown", "typedoc-vitepress-theme"],
    name: "TypeScript reference",
    entryPointStrategy: "packages",
    entryPoints: packages.map((pkg) => pkg.dir),
    // Each package documents the files behind its exports map; patterns matching nothing in a package are skipped
    // (TypeDoc warns about them, hence the Error log level).
    packageOptions: {
      entryPoints: allEntryPoints,
      blockTags: [...OptionDefaults.blockTags, "@description"],
      excludePrivate: true,
      excludeInternal: true,
      disableSources: true,
      skipErrorChecking: true,
    },
    out: outDir,
    // typedoc-vitepress-theme: sidebar links are relative to the VitePress source directory.
    docsRoot: DOCS_DIR,
    readme: "none",
    disableSources: true,
    skipErrorChecking: true,
    logLevel: LogLevel.Error,
    // typedoc-plugin-markdown: signatures as highlighted code blocks; a page per class, interface and enum, and the
    // functions, types and constants on their module's page (a page for each of those tripled the page count).
    useCodeBlocks: true,
    membersWithOwnFile: ["Class", "Interface", "Enum"],
    validation: { notExported: false, invalidLink: true, rewrittenLink: true, notDocumented: false },
  } as Parameters<typeof Application.bootstrapWithPlugins>[0]);
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, summarizeSpecInterfaces);
  app.renderer.on(MarkdownPageEvent.END, (page) => {
    if (page.contents) page.contents = withVitePressAnchors(page.contents);
  });
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert the packages");
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error("TypeDoc reported errors");
  return project;
}

/** The interfaces openapi-typescript generates in @segments-ts/client: the whole spec as types. */
const SPEC_INTERFACES = new Set(["paths", "operations", "components"]);

/**
 * Their members are the spec's paths, operations and schemas, which the HTTP API reference renders; listed here
 * they made three pages of several megabytes each. Keep the interfaces, drop their members, and say where to look.
 */
function summarizeSpecInterfaces(context: Context): void {
  // In the "packages" strategy each package is converted as a project of its own, merged afterwards.
  if (context.project.packageName !== "@segments-ts/client") return;
  for (const name of SPEC_INTERFACES) {
    const reflection = context.project.getChildByName(name) as DeclarationReflection | undefined;
    if (!reflection) continue;
    for (const child of [...(reflection.children ?? [])]) context.project.removeReflection(child);
    reflection.comment = new Comment([
      {
        kind: "text",
        text: `The \`${name}\` of the OpenAPI spec as TypeScript types, generated by openapi-typescript. Index it by name (\`${name}["..."]\`); the [HTTP API reference](/api/) shows every member.`,
      },
    ]);
  }
}

/** VitePress's heading ids (the default slugify of @mdit-vue/shared): `DEFAULT_MAX_PIXELS` -> `default-max-pixels`. */
export function vitePressSlug(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const control = /[\u0000-\u001f]/g;
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036F]/g, "")
    .replace(control, "")
    .replace(/[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(\d)/, "_$1")
    .toLowerCase();
}

/**
 * typedoc-vitepress-theme rewrites link anchors to VitePress's heading ids, but not in links starting with `.`
 * (`../index.md#default_max_pixels`), whose anchors then name no heading. Rewrite every Markdown link's anchor
 * outside code blocks (rewriting an already rewritten one changes nothing).
 */
export function withVitePressAnchors(markdown: string): string {
  return markdown
    .split(/(```[\s\S]*?```)/g)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(/\]\(([^()\s#]*)#([^()\s]+)\)/g, (_link, path: string, anchor: string) => {
            return `](${path}#${vitePressSlug(decodeURIComponent(anchor))})`;
          }),
    )
    .join("");
}
