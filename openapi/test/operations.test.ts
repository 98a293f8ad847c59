// The bundled spec must describe exactly the endpoints of the reference (segments-api-v1.md §1.13), with the
// operationIds other packages code against, and every operation must be fully documented. Over 400 lines because
// EXPECTED spells out every endpoint of the reference, one row each: it is the list the spec is checked against.
import { describe, expect, it } from "vitest";
import { isObject, type Json, type JsonObject, loadSpec, operations, resolveRef } from "./spec";

interface Expected {
  method: string;
  path: string;
  operationId: string;
  tag: string;
  /** Success status codes. */
  success: string[];
  /** Whether the operation creates something whose name can collide (409 declared). */
  conflict?: boolean;
}

const DS = "/datasets/{owner}/{dataset}";

const EXPECTED: Expected[] = [
  { method: "get", path: "/api_status/", operationId: "getApiStatus", tag: "Status", success: ["200"] },
  { method: "get", path: "/user", operationId: "getAuthenticatedUser", tag: "Users", success: ["200"] },
  { method: "get", path: "/users/{user}", operationId: "getUser", tag: "Users", success: ["200"] },
  {
    method: "get",
    path: "/user/datasets/",
    operationId: "listAuthenticatedUserDatasets",
    tag: "Datasets",
    success: ["200"],
  },
  {
    method: "post",
    path: "/user/datasets/",
    operationId: "createDataset",
    tag: "Datasets",
    success: ["201"],
    conflict: true,
  },
  {
    method: "get",
    path: "/users/{user}/datasets/",
    operationId: "listUserDatasets",
    tag: "Datasets",
    success: ["200"],
  },
  {
    method: "post",
    path: "/organizations/{organization}/datasets/",
    operationId: "createOrganizationDataset",
    tag: "Datasets",
    success: ["201"],
    conflict: true,
  },
  { method: "get", path: `${DS}/`, operationId: "getDataset", tag: "Datasets", success: ["200"] },
  { method: "patch", path: `${DS}/`, operationId: "updateDataset", tag: "Datasets", success: ["200"] },
  { method: "delete", path: `${DS}/`, operationId: "deleteDataset", tag: "Datasets", success: ["204"] },
  {
    method: "post",
    path: `${DS}/clone/`,
    operationId: "cloneDataset",
    tag: "Datasets",
    success: ["201"],
    conflict: true,
  },
  {
    method: "post",
    path: `${DS}/collaborators/`,
    operationId: "addDatasetCollaborator",
    tag: "Collaborators",
    success: ["201"],
    conflict: true,
  },
  {
    method: "get",
    path: `${DS}/collaborators/{username}`,
    operationId: "getDatasetCollaborator",
    tag: "Collaborators",
    success: ["200"],
  },
  {
    method: "patch",
    path: `${DS}/collaborators/{username}`,
    operationId: "updateDatasetCollaborator",
    tag: "Collaborators",
    success: ["200"],
  },
  {
    method: "delete",
    path: `${DS}/collaborators/{username}`,
    operationId: "deleteDatasetCollaborator",
    tag: "Collaborators",
    success: ["204"],
  },
  { method: "get", path: `${DS}/samples/`, operationId: "listSamples", tag: "Samples", success: ["200"] },
  {
    method: "post",
    path: `${DS}/samples/`,
    operationId: "createSample",
    tag: "Samples",
    success: ["201"],
    conflict: true,
  },
  {
    method: "post",
    path: `${DS}/samples_bulk/`,
    operationId: "createSamples",
    tag: "Samples",
    success: ["201"],
  },
  {
    method: "delete",
    path: `${DS}/samples_bulk/`,
    operationId: "deleteSamples",
    tag: "Samples",
    success: ["200"],
  },
  {
    method: "get",
    path: "/samples/{sample_uuid}/",
    operationId: "getSample",
    tag: "Samples",
    success: ["200"],
  },
  {
    method: "patch",
    path: "/samples/{sample_uuid}/",
    operationId: "updateSample",
    tag: "Samples",
    success: ["200"],
    conflict: true,
  },
  {
    method: "delete",
    path: "/samples/{sample_uuid}/",
    operationId: "deleteSample",
    tag: "Samples",
    success: ["204"],
  },
  {
    method: "get",
    path: "/labels/{sample_uuid}/{labelset}/",
    operationId: "getLabel",
    tag: "Labels",
    success: ["200"],
  },
  {
    method: "put",
    path: "/labels/{sample_uuid}/{labelset}/",
    operationId: "putLabel",
    tag: "Labels",
    success: ["200", "201"],
  },
  {
    method: "patch",
    path: "/labels/{sample_uuid}/{labelset}/",
    operationId: "updateLabel",
    tag: "Labels",
    success: ["200"],
  },
  {
    method: "delete",
    path: "/labels/{sample_uuid}/{labelset}/",
    operationId: "deleteLabel",
    tag: "Labels",
    success: ["204"],
  },
  {
    method: "get",
    path: `${DS}/labelsets/`,
    operationId: "listLabelsets",
    tag: "Labelsets",
    success: ["200"],
  },
  {
    method: "post",
    path: `${DS}/labelsets/`,
    operationId: "createLabelset",
    tag: "Labelsets",
    success: ["201"],
    conflict: true,
  },
  {
    method: "get",
    path: `${DS}/labelsets/{labelset}/`,
    operationId: "getLabelset",
    tag: "Labelsets",
    success: ["200"],
  },
  {
    method: "delete",
    path: `${DS}/labelsets/{labelset}/`,
    operationId: "deleteLabelset",
    tag: "Labelsets",
    success: ["204"],
  },
  { method: "get", path: `${DS}/issues/`, operationId: "listIssues", tag: "Issues", success: ["200"] },
  {
    method: "post",
    path: "/samples/{sample_uuid}/issues/",
    operationId: "createIssue",
    tag: "Issues",
    success: ["201"],
  },
  {
    method: "patch",
    path: "/issues/{issue_uuid}/",
    operationId: "updateIssue",
    tag: "Issues",
    success: ["200"],
  },
  {
    method: "delete",
    path: "/issues/{issue_uuid}/",
    operationId: "deleteIssue",
    tag: "Issues",
    success: ["204"],
  },
  { method: "get", path: `${DS}/releases/`, operationId: "listReleases", tag: "Releases", success: ["200"] },
  {
    method: "post",
    path: `${DS}/releases/`,
    operationId: "createRelease",
    tag: "Releases",
    success: ["201"],
    conflict: true,
  },
  {
    method: "get",
    path: `${DS}/releases/{release}/`,
    operationId: "getRelease",
    tag: "Releases",
    success: ["200"],
  },
  {
    method: "delete",
    path: `${DS}/releases/{release}/`,
    operationId: "deleteRelease",
    tag: "Releases",
    success: ["204"],
  },
  {
    method: "get",
    path: `${DS}/workunits/`,
    operationId: "listWorkunits",
    tag: "Workunits",
    success: ["200"],
  },
  { method: "post", path: "/assets/", operationId: "createAsset", tag: "Assets", success: ["201"] },
];

const TAGS = [
  "Status",
  "Users",
  "Datasets",
  "Collaborators",
  "Samples",
  "Labels",
  "Labelsets",
  "Issues",
  "Releases",
  "Workunits",
  "Assets",
];

const ERROR_COMPONENTS: Record<string, string> = {
  "400": "BadRequest",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "NotFound",
  "409": "Conflict",
  "413": "PayloadTooLarge",
  "426": "UpgradeRequired",
  "429": "TooManyRequests",
  "5XX": "ServerError",
};

const spec = loadSpec();
const actual = operations(spec);
const byId = new Map(actual.map((op) => [op.operation.operationId, op]));

function hasExample(node: Json): boolean {
  if (Array.isArray(node)) return node.some(hasExample);
  if (!isObject(node)) return false;
  if ("example" in node) return true;
  if (isObject(node.examples) && Object.keys(node.examples).length > 0) return true;
  return Object.values(node).some(hasExample);
}

describe("operations", () => {
  it("are exactly the reference endpoints, with the agreed operationIds", () => {
    const seen = actual
      .map((op) => `${op.method.toUpperCase()} ${op.path} ${op.operation.operationId}`)
      .sort();
    const wanted = EXPECTED.map((e) => `${e.method.toUpperCase()} ${e.path} ${e.operationId}`).sort();
    expect(seen).toEqual(wanted);
  });

  it("have unique operationIds", () => {
    expect(byId.size).toBe(actual.length);
  });

  it("only omit the trailing slash on /user, /users/{user} and collaborators/{username}", () => {
    const noSlash = Object.keys(spec.paths as JsonObject).filter((path) => !path.endsWith("/"));
    expect(noSlash.sort()).toEqual([
      "/datasets/{owner}/{dataset}/collaborators/{username}",
      "/user",
      "/users/{user}",
    ]);
  });

  it("declares the APIKey header scheme globally", () => {
    expect(spec.security).toEqual([{ APIKey: [] }]);
    const schemes = (spec.components as JsonObject).securitySchemes as JsonObject;
    expect(schemes.APIKey).toMatchObject({ type: "apiKey", in: "header", name: "Authorization" });
  });

  for (const expected of EXPECTED) {
    describe(`${expected.operationId} (${expected.method.toUpperCase()} ${expected.path})`, () => {
      const found = byId.get(expected.operationId);
      const operation = found?.operation ?? {};
      const responses = (operation.responses ?? {}) as JsonObject;

      it("is documented", () => {
        expect(found?.method).toBe(expected.method);
        expect(found?.path).toBe(expected.path);
        expect(typeof operation.summary).toBe("string");
        expect((operation.summary as string).length).toBeGreaterThan(5);
        expect(typeof operation.description).toBe("string");
        expect((operation.description as string).length).toBeGreaterThan(10);
        expect(operation.tags).toEqual([expected.tag]);
        expect(TAGS).toContain(expected.tag);
        expect(operation.security).toEqual([{ APIKey: [] }]);
      });

      it("has an example", () => {
        const local = [operation.requestBody ?? null, found?.parameters ?? []] as Json[];
        const success = expected.success.map((code) => resolveRef(spec, responses[code] ?? null));
        expect(hasExample([...local, ...success])).toBe(true);
      });

      it("declares its success responses", () => {
        const codes = Object.keys(responses).filter((code) => code.startsWith("2"));
        expect(codes.sort()).toEqual([...expected.success].sort());
        for (const code of codes) {
          const response = resolveRef(spec, responses[code] ?? null) as JsonObject;
          if (code === "204") expect(response.content).toBeUndefined();
          else expect(isObject(response.content) && "application/json" in response.content).toBe(true);
        }
      });

      it("declares the shared error responses", () => {
        const codes = Object.keys(responses).filter((code) => !code.startsWith("2"));
        for (const code of codes) {
          const component = ERROR_COMPONENTS[code];
          expect(component, `unexpected response ${code}`).toBeDefined();
          expect(responses[code]).toEqual({ $ref: `#/components/responses/${component}` });
        }
        // 400 on every operation: more than 1,000 query parameters is a 400 anywhere (Django's cap).
        const required = ["400", "401", "429", "5XX"];
        if (expected.path.includes("{")) required.push("403", "404");
        if (expected.conflict) required.push("409");
        // Any operation that takes a body can be sent one over the server's size limit.
        if (operation.requestBody !== undefined) required.push("413");
        expect(codes).toEqual(expect.arrayContaining(required));
        expect(codes.includes("409")).toBe(expected.conflict === true);
        expect(codes.includes("413")).toBe(operation.requestBody !== undefined);
        expect(codes.some((code) => code.startsWith("4"))).toBe(true);
      });

      it("declares its path parameters", () => {
        const names = [...expected.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        const declared = (found?.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort()).toEqual(names.sort());
      });
    });
  }
});

describe("shared responses", () => {
  const responses = (spec.components as JsonObject).responses as JsonObject;

  it("all use the Error schema", () => {
    for (const name of Object.values(ERROR_COMPONENTS)) {
      const response = responses[name] as JsonObject;
      const content = (response.content as JsonObject)["application/json"] as JsonObject;
      expect(content.schema, name).toEqual({ $ref: "#/components/schemas/Error" });
    }
  });

  it("429 carries Retry-After", () => {
    const headers = (responses.TooManyRequests as JsonObject).headers as JsonObject;
    expect(headers["Retry-After"]).toBeDefined();
  });
});

describe("list endpoints", () => {
  it("answer plain arrays", () => {
    for (const id of [
      "listAuthenticatedUserDatasets",
      "listUserDatasets",
      "listSamples",
      "listLabelsets",
      "listIssues",
      "listReleases",
      "listWorkunits",
    ]) {
      const responses = byId.get(id)?.operation.responses as JsonObject;
      const ok = responses["200"] as JsonObject;
      const schema = ((ok.content as JsonObject)["application/json"] as JsonObject).schema as JsonObject;
      expect(schema.type, id).toBe("array");
    }
  });

  it("listSamples serialises its array parameters comma-joined", () => {
    const params = byId.get("listSamples")?.parameters ?? [];
    for (const name of ["filters", "label_status"]) {
      const param = params.find((p) => p.name === name);
      expect(param).toMatchObject({ in: "query", style: "form", explode: false });
    }
    const perPage = params.find((p) => p.name === "per_page");
    expect(perPage?.schema).toMatchObject({ minimum: 1, maximum: 1000, default: 1000 });
  });
});
