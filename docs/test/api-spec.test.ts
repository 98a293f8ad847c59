// The HTTP API reference's samples: every operation of the bundled spec gets a SegmentsClient sample (from the
// method's @example), the CLI commands that make it and a curl line built from the spec's examples.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  curlFor,
  type OpenApiDocument,
  operationCalls,
  operationsPage,
  redocAnchor,
  shellQuote,
  withCodeSamples,
} from "../src/api-spec.ts";
import { type CliExample, sdkMethodFor, sdkMethodsByOperationId } from "../src/operations.ts";
import { OPENAPI_BUNDLE } from "../src/paths.ts";
import { offlineRedocBundle, REDOC_LOGO_URL } from "../src/redoc-bundle.ts";
import { editLinkFor, repositoryPath, repositoryWebUrl } from "../src/repository.ts";

const spec = JSON.parse(readFileSync(OPENAPI_BUNDLE, "utf8")) as OpenApiDocument;
const specOperationIds = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((operation) =>
    typeof operation === "object" && operation !== null && "operationId" in operation
      ? [String(operation.operationId)]
      : [],
  ),
);
/** Stand-ins for the @example code TypeDoc extracts in the build. */
const examples = new Map(
  specOperationIds.flatMap((id) => {
    const method = sdkMethodFor(id);
    return method ? [[method, `await client.${method}(/* ${id} */);`] as const] : [];
  }),
);

describe("the SDK's operation table", () => {
  it("names only operations the spec has, the most direct method first", () => {
    const table = sdkMethodsByOperationId();
    expect([...table.keys()].filter((id) => !specOperationIds.includes(id))).toEqual([]);
    expect(table.get("getDataset")).toEqual(["getDataset"]);
    expect(table.get("listSamples")).toEqual(["getSamples", "iterSamples"]);
    expect(table.get("getRelease")?.[0]).toBe("getRelease");
    expect(table.get("getSample")?.[0]).toBe("getSample");
    expect(table.get("putLabel")).toEqual(["addLabel"]);
  });
});

/** Stand-ins for the commands the CLI guide's session made each operation with. */
const cliExamples = new Map<string, CliExample[]>([
  ["getDataset", [{ command: "segments datasets get jane/flowers" }]],
]);

describe("operationCalls", () => {
  const calls = operationCalls(spec, examples, cliExamples);

  it("lists every operation once, with its SDK example and a curl line", () => {
    expect(calls.map((call) => call.operationId).sort()).toEqual([...specOperationIds].sort());
    const getDataset = calls.find((call) => call.operationId === "getDataset");
    expect(getDataset).toMatchObject({
      method: "get",
      path: "/datasets/{owner}/{dataset}/",
      tag: "Datasets",
      sdkMethod: "getDataset",
      sdkExample: "await client.getDataset(/* getDataset */);",
    });
    expect(getDataset?.curl).toBe(
      'curl "https://api.segments.ai/datasets/jane/flowers/" \\\n  -H "Authorization: APIKey $SEGMENTS_API_KEY"',
    );
  });

  it("sends the spec's first request body example, quoted for the shell", () => {
    const createDataset = calls.find((call) => call.operationId === "createDataset");
    const body = /-d '(.*)'$/s.exec(createDataset?.curl ?? "")?.[1];
    expect(createDataset?.curl).toMatch(/^curl -X POST "https:\/\/api\.segments\.ai\/user\/datasets\/"/);
    expect(createDataset?.curl).toContain('-H "Content-Type: application/json"');
    const requestBody = spec.paths["/user/datasets/"]?.post?.requestBody?.content?.["application/json"];
    const firstExample = Object.values(requestBody?.examples ?? {})[0]?.value;
    expect(JSON.parse(body ?? "null")).toEqual(firstExample);
  });

  it("fails when a method the table names has no example", () => {
    expect(() => operationCalls(spec, new Map(), cliExamples)).toThrow("has no @example");
  });
});

describe("shellQuote", () => {
  it("survives single quotes in the body", () => {
    expect(shellQuote(`{"name":"it's"}`)).toBe(`'{"name":"it'\\''s"}'`);
  });
});

describe("curlFor", () => {
  it("refuses a path parameter without an example", () => {
    const operation = { operationId: "x" };
    expect(() => curlFor(spec, "get", "/things/{id}/", operation, [{ name: "id", in: "path" }])).toThrow(
      'path parameter "id" has no example',
    );
  });
});

describe("withCodeSamples", () => {
  const calls = operationCalls(spec, examples, cliExamples);
  const enriched = withCodeSamples(spec, calls);

  it("adds SegmentsClient, CLI and curl samples and names the calls in the description", () => {
    const operation = enriched.paths["/datasets/{owner}/{dataset}/"]?.get;
    const samples = operation?.["x-codeSamples"] as { label: string; source: string }[];
    expect(samples.map((sample) => sample.label)).toEqual(["SegmentsClient", "CLI", "curl"]);
    expect(samples[0]?.source).toContain('import { SegmentsClient } from "@segments-ts/sdk";');
    expect(samples[1]?.source).toBe("segments datasets get jane/flowers");
    expect(operation?.description).toMatch(
      /^\*\*SDK\*\* \[`client\.getDataset\(\)`\]\(\.\.\/reference\/@segments-ts\/sdk\/classes\/SegmentsClient\.html#getdataset\) · \*\*CLI\*\* `segments datasets get jane\/flowers` · \*\*Python SDK\*\* `get_dataset\(id\)`\n/,
    );
  });

  it("names the Python SDK's call from the spec's x-python-sdk, and none where it has no method", () => {
    const collaborator = enriched.paths["/datasets/{owner}/{dataset}/collaborators/{username}"]?.get;
    expect(collaborator?.description).toContain("**Python SDK** `get_dataset_collaborator(id, username)`");
    expect(enriched.paths["/api_status/"]?.get?.description).not.toContain("**Python SDK**");
  });

  it("leaves out the CLI tab where no command makes the call, and the SDK tab where no method does", () => {
    const deleteIssue = enriched.paths["/issues/{issue_uuid}/"]?.delete?.["x-codeSamples"] as {
      label: string;
    }[];
    expect(deleteIssue.map((sample) => sample.label)).toEqual(["SegmentsClient", "curl"]);
    const status = enriched.paths["/api_status/"]?.get?.["x-codeSamples"] as { label: string }[];
    expect(status.map((sample) => sample.label)).toEqual(["curl"]);
  });

  it("does not change the spec it was given", () => {
    expect(spec.paths["/datasets/{owner}/{dataset}/"]?.get?.["x-codeSamples"]).toBeUndefined();
  });
});

describe("operationsPage", () => {
  it("has a table row per operation linking to Redoc and the TypeScript reference", () => {
    const calls = operationCalls(spec, examples, cliExamples);
    const page = operationsPage(calls);
    const rows = page
      .split("\n")
      .filter((line) => line.startsWith("| ") && !/^\| (operation|---) /.test(line));
    expect(rows).toHaveLength(calls.length);
    expect(page).toContain(
      "[`GET /datasets/{owner}/{dataset}/`](./index.md#tag/Datasets/operation/getDataset) | [`client.getDataset()`](../reference/@segments-ts/sdk/classes/SegmentsClient.md#getdataset) | `segments datasets get jane/flowers` | `get_dataset(id)` |",
    );
    expect(redocAnchor({ tag: "Datasets", operationId: "getDataset" })).toBe(
      "tag/Datasets/operation/getDataset",
    );
  });
});

describe("offlineRedocBundle", () => {
  it("replaces the CDN logo and fails when Redoc no longer loads it", () => {
    const bundle = `a(){return{src:"${REDOC_LOGO_URL}"}}`;
    expect(offlineRedocBundle(bundle)).not.toContain("https://");
    expect(() => offlineRedocBundle("a(){}")).toThrow("found it 0 times");
  });
});

describe("the edit link", () => {
  it("reads the repository's web address from the usual package.json forms", () => {
    expect(repositoryWebUrl("github:acme/segments-ts")).toBe("https://github.com/acme/segments-ts");
    expect(repositoryWebUrl("acme/segments-ts")).toBe("https://github.com/acme/segments-ts");
    expect(repositoryWebUrl({ type: "git", url: "git+https://gitlab.com/acme/segments-ts.git" })).toBe(
      "https://gitlab.com/acme/segments-ts",
    );
    expect(repositoryWebUrl("git@github.com:acme/segments-ts.git")).toBe(
      "https://github.com/acme/segments-ts",
    );
    expect(repositoryWebUrl("file:../elsewhere")).toBeUndefined();
    expect(repositoryWebUrl(undefined)).toBeUndefined();
  });

  it("points at the page's file relative to the repository root", () => {
    expect(repositoryPath("guides/quick-start.md")).toBe("docs/guides/quick-start.md");
    const link = editLinkFor({ DOCS_REPOSITORY_URL: "https://github.com/acme/segments-ts" });
    const pattern = link?.pattern as (page: { filePath: string }) => string;
    expect(pattern({ filePath: "guides/cli.md" })).toBe(
      "https://github.com/acme/segments-ts/edit/main/docs/guides/cli.md",
    );
  });
});
