import spec from "@segments-ts/openapi/openapi.json";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { type Operation, SpecValidator } from "../src/validation/spec.js";
import { client, createDataset, imageAttributes, type Request, start, vectorLabel } from "./helpers.js";

/**
 * Property-based contract check: for every operation of the spec, generated valid requests get a 2xx/4xx whose body
 * conforms to the spec (the emulator validates each response and records violations), generated invalid requests
 * get a 400 naming the problem, and nothing ever gets a 5xx.
 *
 * Over 400 lines because each operation with a body has its own generator of valid bodies (VALID_BODIES) and each
 * path parameter its own of existing values; a test here fails when a new operation's body has no generator.
 */

type Json = Record<string, unknown>;
const validator = new SpecValidator(spec as unknown as Json);
const operations = validator.operations;

function resolve(schema: unknown): Json {
  let current = schema as Json;
  for (let depth = 0; depth < 10 && typeof current?.$ref === "string"; depth++) {
    const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
    current = pointer.reduce<unknown>((node, key) => (node as Json)[key], spec) as Json;
  }
  return current;
}

const specOperation = (op: Operation): Json =>
  ((spec.paths as unknown as Record<string, Json>)[op.path] as Json)[op.method.toLowerCase()] as Json;

/** The JSON body schema of an operation, resolved one level (or undefined). */
function bodySchema(op: Operation): Json | undefined {
  const requestBody = resolve(specOperation(op).requestBody);
  const content = (requestBody?.content as Json | undefined)?.["application/json"] as Json | undefined;
  return content ? resolve(content.schema) : undefined;
}

function queryParameters(op: Operation): { name: string; schema: Json; ignoresUnknown: boolean }[] {
  const declared = (specOperation(op).parameters as unknown[] | undefined) ?? [];
  return declared
    .map((parameter) => resolve(parameter))
    .filter((parameter) => parameter.in === "query")
    .map((parameter) => ({
      name: parameter.name as string,
      schema: resolve(parameter.schema),
      ignoresUnknown: parameter["x-unknown-values"] === "ignored",
    }));
}

interface Pools {
  dataset: string;
  sampleUuids: string[];
  issueUuids: string[];
}

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const text = fc.string({ minLength: 1, maxLength: 20 });
const labelStatus = fc.constantFrom(
  "PRELABELED",
  "LABELED",
  "LABELING_IN_PROGRESS",
  "REVIEWED",
  "REJECTED",
  "SKIPPED",
);
const vectorAttributes = fc.record({
  format_version: fc.constant("0.1"),
  annotations: fc.array(
    fc.record({
      id: fc.integer({ min: 1, max: 50 }),
      category_id: fc.constant(1),
      type: fc.constant("bbox"),
      points: fc.constant([
        [1, 2],
        [3, 4],
      ]),
    }),
    { maxLength: 3 },
  ),
});
const sampleBody = fc.record(
  {
    name: name.map((n) => `${n}.jpg`),
    attributes: name.map((n) => imageAttributes(n)),
    metadata: fc.dictionary(fc.constantFrom("city", "weather", "robot"), fc.oneof(text, fc.integer())),
    priority: fc.double({ min: -10, max: 10, noNaN: true }),
  },
  { requiredKeys: ["name", "attributes"] },
);

/** Valid bodies per operation (hand-written: generating semantically valid bodies from schemas alone is not worth it). */
const VALID_BODIES: Record<string, fc.Arbitrary<unknown>> = {
  createDataset: fc.record(
    {
      name,
      description: text,
      public: fc.boolean(),
      task_type: fc.constantFrom("vector", "bboxes", "segmentation-bitmap"),
    },
    { requiredKeys: ["name"] },
  ),
  createOrganizationDataset: fc.record({ name, description: text }, { requiredKeys: ["name"] }),
  updateDataset: fc.record(
    { description: text, readme: text, enable_ratings: fc.boolean() },
    { requiredKeys: [] },
  ),
  cloneDataset: fc.record({ name, clone_labels: fc.boolean() }, { requiredKeys: ["name"] }),
  addDatasetCollaborator: fc.record({
    user: fc.constantFrom("labeler", "reviewer", "stranger", "ghost"),
    role: fc.constantFrom("labeler", "reviewer", "manager", "admin"),
  }),
  updateDatasetCollaborator: fc.record({ role: fc.constantFrom("labeler", "reviewer", "manager", "admin") }),
  createSample: sampleBody,
  createSamples: fc.array(sampleBody, { minLength: 1, maxLength: 4 }),
  deleteSamples: fc.record({ uuids: fc.array(fc.uuid({ version: 4 }), { minLength: 1, maxLength: 3 }) }),
  updateSample: fc.record(
    { metadata: fc.dictionary(fc.constantFrom("a", "b"), text), priority: fc.integer({ min: 0, max: 9 }) },
    { requiredKeys: [] },
  ),
  putLabel: fc.record(
    {
      attributes: vectorAttributes,
      label_status: labelStatus,
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    },
    { requiredKeys: ["attributes"] },
  ),
  updateLabel: fc.record({ attributes: vectorAttributes, label_status: labelStatus }, { requiredKeys: [] }),
  createLabelset: fc.record({ name, description: text }, { requiredKeys: ["name"] }),
  createIssue: fc.record(
    { description: text, status: fc.constantFrom("OPEN", "CLOSED") },
    { requiredKeys: ["description"] },
  ),
  updateIssue: fc.record(
    { description: text, status: fc.constantFrom("OPEN", "CLOSED") },
    { requiredKeys: [] },
  ),
  createRelease: fc.record({ name, description: text }, { requiredKeys: ["name"] }),
  createAsset: fc.record({ filename: name.map((n) => `${n}.png`) }),
};

/** Real instants, with a zone (RFC 3339) or without one (what the Python SDK sends; read as UTC). */
const isoDateTime = fc
  .tuple(
    fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
    fc.boolean(),
  )
  .map(([date, withZone]) => (withZone ? date.toISOString() : date.toISOString().slice(0, 19)));

/** A valid value for a query parameter, derived from its schema. */
function queryValue(parameter: { name: string; schema: Json }): fc.Arbitrary<string> {
  const { schema } = parameter;
  if (parameter.name === "labelset") return fc.constantFrom("ground-truth", "missing-set");
  if (parameter.name === "filters")
    return fc.constantFrom("city:London", "city:London,weather:sun", "robot:3");
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum.map(String));
  const items = resolve(schema.items);
  if (schema.type === "array" && Array.isArray(items.enum)) {
    return fc
      .uniqueArray(fc.constantFrom(...items.enum.map(String)), { minLength: 1, maxLength: 3 })
      .map((v) => v.join(","));
  }
  if (schema.type === "integer") {
    const min = typeof schema.minimum === "number" ? schema.minimum : 0;
    return fc
      .integer({ min, max: Math.min(typeof schema.maximum === "number" ? schema.maximum : 5, min + 5) })
      .map(String);
  }
  if (schema.type === "boolean") return fc.constantFrom("true", "false");
  if (schema.format === "date-time") return fc.constantFrom("2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z");
  if (parameter.name === "start" || parameter.name === "end") return isoDateTime;
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern));
  return name;
}

function pathValue(param: string, pools: Pools): fc.Arbitrary<string> {
  const [owner, dataset] = pools.dataset.split("/") as [string, string];
  switch (param) {
    case "owner":
      return fc.constantFrom(owner, owner, "nobody");
    case "dataset":
      return fc.constantFrom(dataset, dataset, "missing");
    case "sample_uuid":
      return fc.oneof(fc.constantFrom(...pools.sampleUuids), fc.uuid({ version: 4 }));
    case "issue_uuid":
      return fc.oneof(
        fc.constantFrom(
          ...(pools.issueUuids.length ? pools.issueUuids : ["00000000-0000-4000-8000-000000000000"]),
        ),
        fc.uuid({ version: 4 }),
      );
    case "labelset":
      return fc.constantFrom("ground-truth", "ground-truth", "extra", "nope");
    case "username":
      return fc.constantFrom("labeler", "reviewer", "ghost");
    case "user":
      return fc.constantFrom("jane", "viewer", "nobody");
    case "organization":
      return fc.constantFrom("acme", "nobody");
    case "release":
      return fc.constantFrom("v1", "missing");
    default:
      return name;
  }
}

interface GeneratedRequest {
  op: Operation;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

function validRequest(op: Operation, pools: Pools): fc.Arbitrary<GeneratedRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const query = queryParameters(op);
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => pathValue(p, pools))),
      query: fc.record(Object.fromEntries(query.map((q) => [q.name, queryValue(q)])), { requiredKeys: [] }),
      body: VALID_BODIES[op.operationId] ?? fc.constant(undefined),
    })
    .map(({ path, query: q, body }) => {
      const values = Object.fromEntries(pathParams.map((p, i) => [p, path[i] as string]));
      const queryValues = { ...(q as Record<string, string>) };
      if (queryValues.include_full_label === "1" && !queryValues.labelset)
        queryValues.labelset = "ground-truth";
      const wirePath = op.path.replace(/\{([^}]+)\}/g, (_, p: string) => encodeURIComponent(values[p] ?? ""));
      return { op, path: wirePath, query: queryValues, body };
    });
}

const WRONG_TYPE: Record<string, unknown> = {
  string: 12345,
  number: "NaN?",
  integer: "one",
  boolean: "yes",
  object: 7,
  array: 7,
};

function schemaType(schema: Json): string | undefined {
  const resolved = resolve(schema);
  const type = Array.isArray(resolved.type) ? resolved.type.find((t) => t !== "null") : resolved.type;
  return typeof type === "string" ? type : undefined;
}

/** A broken request, the name its 400 must mention and (for malformed path segments) the expected 404. */
interface Mutation {
  request: GeneratedRequest;
  names: string;
  status?: number;
}

/** Ways to break a valid request. */
function invalidRequest(op: Operation, pools: Pools): fc.Arbitrary<Mutation> | undefined {
  const mutations: fc.Arbitrary<Mutation>[] = [];
  const base = validRequest(op, pools);
  // Unknown values of `x-unknown-values: ignored` parameters (sort) are ignored, as by production: not invalid.
  const typedQuery = queryParameters(op).filter(
    (q) => ["integer", "boolean"].includes(String(q.schema.type)) || (q.schema.enum && !q.ignoresUnknown),
  );
  if (typedQuery.length > 0) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...typedQuery)).map(([request, q]) => ({
        request: { ...request, query: { ...request.query, [q.name]: "%%bad" } },
        names: q.name,
      })),
    );
  }
  const uuidParam = op.parameters.find((p) => p.in === "path" && p.name.endsWith("_uuid"));
  if (uuidParam) {
    mutations.push(
      base.map((request) => {
        const path = op.path.replace(/\{([^}]+)\}/g, (_, p: string) =>
          p === uuidParam.name ? "not-a-uuid" : "x",
        );
        return { request: { ...request, path }, names: "", status: 404 };
      }),
    );
  }
  const schema = bodySchema(op);
  if (schema) {
    const isArray = schema.type === "array";
    const objectSchema = isArray ? resolve(schema.items) : schema;
    const properties = Object.keys((objectSchema.properties as Json | undefined) ?? {});
    const required = (objectSchema.required as string[] | undefined) ?? [];
    const edit = (body: unknown, change: (item: Json) => Json): unknown => {
      if (isArray) return [change({ ...((body as Json[])[0] as Json) }), ...(body as Json[]).slice(1)];
      return change({ ...(body as Json) });
    };
    const bodyOrEmpty = base.map((request) => ({ ...request, body: request.body ?? (isArray ? [{}] : {}) }));
    mutations.push(
      bodyOrEmpty.map((request) => ({
        request: { ...request, body: isArray ? { not: "a list" } : ["not", "an object"] },
        names: "",
      })),
    );
    if (objectSchema.additionalProperties === false) {
      mutations.push(
        bodyOrEmpty.map((request) => ({
          request: { ...request, body: edit(request.body, (item) => ({ ...item, zz_unknown: 1 })) },
          names: "zz_unknown",
        })),
      );
    }
    if (required.length > 0) {
      mutations.push(
        fc.tuple(bodyOrEmpty, fc.constantFrom(...required)).map(([request, field]) => ({
          request: { ...request, body: edit(request.body, ({ [field]: _, ...rest }) => rest) },
          names: field,
        })),
      );
    }
    const typed = properties.filter(
      (p) => schemaType((objectSchema.properties as Json)[p] as Json) !== undefined,
    );
    if (typed.length > 0) {
      mutations.push(
        fc.tuple(bodyOrEmpty, fc.constantFrom(...typed)).map(([request, field]) => {
          const type = schemaType((objectSchema.properties as Json)[field] as Json) as string;
          return {
            request: {
              ...request,
              body: edit(request.body, (item) => ({ ...item, [field]: WRONG_TYPE[type] })),
            },
            names: field,
          };
        }),
      );
    }
  }
  return mutations.length > 0 ? fc.oneof(...mutations) : undefined;
}

/** 400s the real API gives to well-formed requests, matched by the SDK on their text (reference section 3.2). */
const SEMANTIC_400 = /already a collaborator|cannot be added as collaborator/;

async function send(request: Request, generated: GeneratedRequest) {
  const query = new URLSearchParams(generated.query).toString();
  return request(generated.op.method, `${generated.path}${query ? `?${query}` : ""}`, generated.body);
}

describe("contract: generated requests for every operation", () => {
  let emulator: Emulator;
  let jane: Request;

  /** Re-creates the fixtures a previous run may have deleted and returns the current id pools. */
  async function ensureFixtures(): Promise<Pools> {
    if ((await jane("GET", "/datasets/jane/base/")).status === 404) {
      await createDataset(jane, "base");
      await jane("POST", "/datasets/jane/base/labelsets/", { name: "extra" });
      await jane("POST", "/datasets/jane/base/collaborators/", { user: "labeler", role: "labeler" });
      await jane("POST", "/datasets/jane/base/releases/", { name: "v1" });
    }
    let samples = (await jane("GET", "/datasets/jane/base/samples/")).body as { uuid: string }[];
    if (samples.length < 2) {
      for (const n of ["s1.jpg", "s2.jpg"])
        await jane("POST", "/datasets/jane/base/samples/", { name: n, attributes: imageAttributes(n) });
      samples = (await jane("GET", "/datasets/jane/base/samples/")).body;
      await jane("PUT", `/labels/${samples[0]?.uuid}/ground-truth/`, {
        attributes: vectorLabel,
        label_status: "LABELED",
      });
      await jane("POST", `/samples/${samples[0]?.uuid}/issues/`, { description: "seed" });
    }
    const issues = (await jane("GET", "/datasets/jane/base/issues/")).body as { uuid: string }[];
    return {
      dataset: "jane/base",
      sampleUuids: samples.map((s) => s.uuid),
      issueUuids: issues.map((i) => i.uuid),
    };
  }

  beforeAll(async () => {
    emulator = await start({
      organizations: [{ name: "acme", members: [{ username: "jane", role: "admin" }] }],
    });
    jane = client(emulator);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("covers every operation of the spec with a handler", () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
    for (const op of operations)
      expect(VALID_BODIES[op.operationId] !== undefined || !bodySchema(op), op.operationId).toBe(true);
  });

  it("answers valid requests with a conforming 2xx/4xx (no 5xx, no 400 for their shape)", async () => {
    const succeeded = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operations), fc.integer(), async (op, seed) => {
        const pools = await ensureFixtures();
        const [generated] = fc.sample(validRequest(op, pools), { seed, numRuns: 1 });
        if (!generated) return;
        const response = await send(jane, generated);
        if (response.status < 300) succeeded.add(op.operationId);
        expect(
          response.status,
          `${op.operationId} ${JSON.stringify(generated)} -> ${JSON.stringify(response.body)}`,
        ).toBeLessThan(500);
        const context = `${op.operationId} ${JSON.stringify(generated)} -> ${JSON.stringify(response.body)}`;
        // A valid request may still be refused for what it asks (e.g. a user already a collaborator), never for its shape.
        if (response.status === 400) expect(response.body.detail, context).toMatch(SEMANTIC_400);
      }),
      { numRuns: 300 },
    );
    expect(emulator.violations).toEqual([]);
    // The generators must mostly hit existing resources, or the property would only ever see 404s.
    expect(succeeded.size, [...succeeded].join(", ")).toBeGreaterThanOrEqual(
      Math.floor(operations.length * 0.6),
    );
  });

  it("answers invalid requests with a 400 naming the problem", async () => {
    const breakable = operations.filter((op) =>
      invalidRequest(op, { dataset: "a/b", sampleUuids: ["x"], issueUuids: [] }),
    );
    expect(breakable.length).toBeGreaterThan(25);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...breakable), fc.integer(), async (op, seed) => {
        const pools = await ensureFixtures();
        const arbitrary = invalidRequest(op, pools);
        if (!arbitrary) return;
        const [mutation] = fc.sample(arbitrary, { seed, numRuns: 1 });
        if (!mutation) return;
        const response = await send(jane, mutation.request);
        const context = `${op.operationId} ${JSON.stringify(mutation.request)} -> ${response.status} ${JSON.stringify(response.body)}`;
        expect(response.status, context).toBe(mutation.status ?? 400);
        expect(typeof response.body.detail, context).toBe("string");
        expect(response.body.detail, context).toContain(mutation.names);
      }),
      { numRuns: 200 },
    );
    expect(emulator.violations).toEqual([]);
  });
});
