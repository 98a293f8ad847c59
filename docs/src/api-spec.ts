// The HTTP API reference's data: for every operation of the bundled spec, the SegmentsClient call (the method's own
// TSDoc `@example`, from TypeDoc), the `segments` commands that make it, and a curl line built from the spec (path
// parameter and request body examples). They go into a copy of the spec as Redoc `x-codeSamples` (Redoc shows them
// next to the operation) and into the Operations page, a Markdown table VitePress renders and its search indexes.
import { Comment, type DeclarationReflection, type ProjectReflection, ReflectionKind } from "typedoc";
import { type CliExample, sdkMethodFor, sdkUnmappedReason } from "./operations.ts";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown };
  $ref?: string;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: {
    content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }>;
  };
  [extension: `x-${string}`]: unknown;
}

type PathItem = Partial<Record<(typeof HTTP_METHODS)[number], Operation>> & { parameters?: Parameter[] };

export interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, PathItem>;
  components?: { parameters?: Record<string, Parameter> };
  [key: string]: unknown;
}

/** One operation with the ways to call it. */
export interface OperationCalls {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  tag: string;
  sdkMethod: string | undefined;
  /** The method's `@example` code, or a bare call when it has none. */
  sdkExample: string | undefined;
  cli: readonly CliExample[];
  curl: string;
  /** The official Python SDK's call, from the spec's `x-python-sdk`; undefined when it has no method. */
  python: string | undefined;
}

/** Where TypeDoc (typedoc-plugin-markdown, one page per member) puts SegmentsClient, relative to the site root. */
export const SEGMENTS_CLIENT_PAGE = "reference/@segments-ts/sdk/classes/SegmentsClient";

/** The `@example` code of each SegmentsClient method, keyed by method name. */
export function sdkExamples(project: ProjectReflection): Map<string, string> {
  const examples = new Map<string, string>();
  const client = project.getChildByName(["@segments-ts/sdk", "SegmentsClient"]) as
    | DeclarationReflection
    | undefined;
  if (!client?.kindOf(ReflectionKind.Class))
    throw new Error("TypeDoc found no SegmentsClient class in @segments-ts/sdk");
  for (const member of client.children ?? []) {
    if (!member.kindOf(ReflectionKind.Method)) continue;
    const tag = member.signatures?.map((signature) => signature.comment?.getTag("@example")).find(Boolean);
    if (!tag) continue;
    const code = Comment.combineDisplayParts(tag.content)
      .trim()
      .replace(/^```\w*\n/, "")
      .replace(/\n```$/, "");
    examples.set(member.name, code.trim());
  }
  return examples;
}

function resolveParameter(spec: OpenApiDocument, parameter: Parameter): Parameter {
  if (!parameter.$ref) return parameter;
  const name = parameter.$ref.replace("#/components/parameters/", "");
  const resolved = spec.components?.parameters?.[name];
  if (!resolved) throw new Error(`unresolved parameter ${parameter.$ref}`);
  return resolved;
}

function exampleOf(parameter: Parameter): string {
  const example = parameter.example ?? parameter.schema?.example;
  if (example === undefined) throw new Error(`path parameter "${parameter.name}" has no example`);
  return String(example);
}

/** The first example of the JSON request body, if the operation has one. */
function bodyExample(operation: Operation): unknown {
  const json = operation.requestBody?.content?.["application/json"];
  if (!json) return undefined;
  if (json.example !== undefined) return json.example;
  const first = Object.values(json.examples ?? {})[0];
  return first?.value;
}

/** Single-quotes `text` for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A curl line for the operation: example path parameters, the API key from the environment, the example body. */
export function curlFor(
  spec: OpenApiDocument,
  method: string,
  path: string,
  operation: Operation,
  parameters: readonly Parameter[],
): string {
  const server = spec.servers?.[0]?.url ?? "https://api.segments.ai";
  const url = path.replace(/\{([^}]+)\}/g, (_placeholder, name: string) => {
    const parameter = parameters.find((candidate) => candidate.in === "path" && candidate.name === name);
    if (!parameter) throw new Error(`${method.toUpperCase()} ${path}: no parameter for {${name}}`);
    return encodeURIComponent(exampleOf(parameter));
  });
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${server}${url}"`];
  lines.push(`-H "Authorization: APIKey $SEGMENTS_API_KEY"`);
  const body = bodyExample(operation);
  if (body !== undefined) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d ${shellQuote(JSON.stringify(body))}`);
  }
  return lines.join(" \\\n  ");
}

/**
 * Every operation of the spec with its SDK, CLI and curl calls, in spec order. `examples`: each SegmentsClient
 * method's `@example`; `cliExamples`: the commands that made each operation (src/operations.ts).
 */
export function operationCalls(
  spec: OpenApiDocument,
  examples: ReadonlyMap<string, string>,
  cliExamples: ReadonlyMap<string, readonly CliExample[]>,
): OperationCalls[] {
  const calls: OperationCalls[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) =>
        resolveParameter(spec, parameter),
      );
      const sdkMethod = sdkMethodFor(operation.operationId);
      if (sdkMethod !== undefined && !examples.has(sdkMethod)) {
        throw new Error(
          `${operation.operationId}: SegmentsClient.${sdkMethod} has no @example (or does not exist)`,
        );
      }
      calls.push({
        operationId: operation.operationId,
        method,
        path,
        summary: operation.summary ?? operation.operationId,
        tag: operation.tags?.[0] ?? "Other",
        sdkMethod,
        sdkExample: sdkMethod === undefined ? undefined : examples.get(sdkMethod),
        cli: cliExamples.get(operation.operationId) ?? [],
        curl: curlFor(spec, method, path, operation, parameters),
        python: pythonCall(operation),
      });
    }
  }
  return calls;
}

/** The `call` of the operation's `x-python-sdk` (openapi/test/python-sdk.test.ts checks every operation has one). */
function pythonCall(operation: Operation): string | undefined {
  const python = operation["x-python-sdk"] as { call?: unknown } | undefined;
  return typeof python?.call === "string" ? python.call : undefined;
}

/** ` (why SegmentsClient has no method for it)`, when the SDK says. */
function unmappedNote(call: Pick<OperationCalls, "operationId">): string {
  const reason = sdkUnmappedReason(call.operationId);
  return reason === undefined ? "" : ` (${reason})`;
}

const CLIENT_SETUP = `import { SegmentsClient } from "@segments-ts/sdk";

const client = new SegmentsClient(); // reads SEGMENTS_API_KEY`;

/** Markdown link from the API page (`api/`) to a SegmentsClient method in the TypeScript reference. */
function sdkLink(method: string, fromDir: string): string {
  return `[\`client.${method}()\`](${fromDir}${SEGMENTS_CLIENT_PAGE}.html#${method.toLowerCase()})`;
}

/** A copy of the spec with the three kinds of samples on each operation, and the SDK/CLI names in its description. */
export function withCodeSamples(spec: OpenApiDocument, calls: readonly OperationCalls[]): OpenApiDocument {
  const copy = structuredClone(spec);
  for (const call of calls) {
    const operation = copy.paths[call.path]?.[call.method as (typeof HTTP_METHODS)[number]];
    if (!operation) continue;
    const samples: { lang: string; label: string; source: string }[] = [];
    if (call.sdkMethod) {
      const body = call.sdkExample ?? `await client.${call.sdkMethod}();`;
      samples.push({ lang: "JavaScript", label: "SegmentsClient", source: `${CLIENT_SETUP}\n\n${body}\n` });
    }
    if (call.cli.length > 0) {
      const source = call.cli
        .map((example) => (example.note ? `# ${example.note}\n${example.command}` : example.command))
        .join("\n");
      samples.push({ lang: "Shell", label: "CLI", source });
    }
    samples.push({ lang: "Shell", label: "curl", source: call.curl });
    operation["x-codeSamples"] = samples;
    const calledBy = [
      call.sdkMethod ? `**SDK** ${sdkLink(call.sdkMethod, "../")}` : `**SDK** none${unmappedNote(call)}`,
      call.cli.length > 0
        ? `**CLI** ${[...new Set(call.cli.map((example) => `\`${example.command}\``))].join(", ")}`
        : undefined,
      call.python ? `**Python SDK** \`${call.python}\`` : undefined,
    ].filter(Boolean);
    operation.description = `${calledBy.join(" · ")}\n\n${operation.description ?? ""}`.trim();
  }
  return copy;
}

function tableCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** Redoc's address of an operation (`#tag/<tag>/operation/<operationId>`). */
export function redocAnchor(call: Pick<OperationCalls, "tag" | "operationId">): string {
  return `tag/${encodeURIComponent(call.tag)}/operation/${encodeURIComponent(call.operationId)}`;
}

/** The Operations page: one table per tag, every operation with its SDK method, CLI command and a link to Redoc. */
export function operationsPage(calls: readonly OperationCalls[]): string {
  const tags = [...new Set(calls.map((call) => call.tag))];
  const sections = tags.map((tag) => {
    const rows = calls
      .filter((call) => call.tag === tag)
      .map((call) => {
        const endpoint = `[\`${call.method.toUpperCase()} ${call.path}\`](./index.md#${redocAnchor(call)})`;
        const sdk = call.sdkMethod
          ? `[\`client.${call.sdkMethod}()\`](../${SEGMENTS_CLIENT_PAGE}.md#${call.sdkMethod.toLowerCase()})`
          : `none${unmappedNote(call)}`;
        const cli =
          call.cli.length > 0
            ? [...new Set(call.cli.map((example) => `\`${example.command}\``))].join("<br>")
            : "";
        const python = call.python ? `\`${call.python}\`` : "";
        return `| ${tableCell(call.summary)} | ${endpoint} | ${sdk} | ${tableCell(cli)} | ${tableCell(python)} |`;
      });
    const header =
      "| operation | endpoint | SegmentsClient | CLI | Python SDK |\n| --- | --- | --- | --- | --- |";
    return `## ${tag}\n\n${header}\n${rows.join("\n")}`;
  });
  return `---
editLink: false
---

# Operations: SDK, CLI and curl

Every operation of the Segments.ai HTTP API, with the \`SegmentsClient\` method and the \`segments\` command that call
it, and the official Python SDK's method for code you are porting. The [HTTP API reference](./index.md) shows each one's parameters and responses, with a SegmentsClient, CLI and
curl sample. This page is generated by \`docs/src/api-spec.ts\` from the spec, the requests each SegmentsClient method
makes (read from the SDK's source) and the requests each command of the [CLI guide](../guides/cli.md) made when the
site was built.

${sections.join("\n\n")}
`;
}
