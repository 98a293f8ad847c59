/**
 * What SegmentsClient puts on the wire (URLs, query strings, bodies, headers) and what it never reveals (the key),
 * checked against a local recording server.
 */
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { AuthenticationError, SegmentsClient, ValidationError } from "../src/index.js";
import { type LocalServer, sendJson, startLocalServer } from "./helpers/local-server.js";
import { specBody } from "./helpers/spec-bodies.js";

const KEY = "sk-test-very-secret-123";
let server: LocalServer;

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    if (req.url?.startsWith("/user") && req.headers.authorization !== `APIKey ${KEY}`) {
      return sendJson(res, 401, { detail: "Invalid token." });
    }
    // The smallest answer the spec allows for the operation (the SDK checks the shape of every response).
    const body = specBody(req.method ?? "GET", req.url ?? "/");
    if (body === undefined) {
      res.writeHead(204).end();
      return;
    }
    sendJson(res, 200, body, { "x-request-id": "req-42" });
  });
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
  vi.unstubAllEnvs();
});

const client = (options: ConstructorParameters<typeof SegmentsClient>[0] = {}) =>
  new SegmentsClient({ apiKey: KEY, baseUrl: server.url, logLevel: "off", ...options });
const last = () => {
  const request = server.requests.at(-1);
  if (!request) throw new Error("no request recorded");
  return { ...request, json: () => JSON.parse(request.body.toString()) };
};

describe("construction and secrets", () => {
  test("a missing key is an AuthenticationError at construction", () => {
    vi.stubEnv("SEGMENTS_API_KEY", "");
    expect(() => new SegmentsClient({ baseUrl: server.url })).toThrow(AuthenticationError);
    expect(() => new SegmentsClient({ baseUrl: server.url })).toThrow(/SEGMENTS_API_KEY/);
  });

  test("the key falls back to SEGMENTS_API_KEY and the URL to SEGMENTS_API_URL", async () => {
    vi.stubEnv("SEGMENTS_API_KEY", KEY);
    vi.stubEnv("SEGMENTS_API_URL", server.url);
    await new SegmentsClient({ logLevel: "off" }).getUser();
    expect(last().headers.authorization).toBe(`APIKey ${KEY}`);
    expect(last().headers["x-source"]).toBe("typescript-sdk");
  });

  test("the key never shows in inspect, JSON, keys or errors", async () => {
    const c = client();
    expect(inspect(c, { showHidden: true, depth: 5 })).not.toContain(KEY);
    expect(JSON.stringify(c)).not.toContain(KEY);
    expect(Object.keys(c).join()).not.toContain("apiKey");
    const error = await client({ apiKey: "sk-wrong-key-456" })
      .getUser()
      .then(
        () => expect.unreachable("a wrong key must be rejected"),
        (e: AuthenticationError) => e,
      );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain("sk-wrong-key-456");
  });

  test("SEGMENTS_LOG=debug logs requests with the key redacted", async () => {
    vi.stubEnv("SEGMENTS_LOG", "debug");
    const lines: string[] = [];
    const sink = (...args: unknown[]) => lines.push(JSON.stringify(args));
    const c = new SegmentsClient({
      apiKey: KEY,
      baseUrl: server.url,
      logger: { debug: sink, info: sink, warn: sink, error: sink },
    });
    await c.getUser();
    expect(lines.join("\n")).toContain("GET");
    expect(lines.join("\n")).not.toContain(KEY);
  });
});

describe("URLs and query strings", () => {
  test("getUser without and with a user", async () => {
    await client().getUser();
    expect(last().url).toBe("/user");
    await client().getUser("bob");
    expect(last().url).toBe("/users/bob");
  });

  test("getSamples encodes every filter and comma-joins lists", async () => {
    await client().getSamples("jane/flowers", {
      labelset: "ground truth",
      include_full_label: true,
      name: "a b&c",
      metadata: ["k:v", "city:New York"],
      label_status: ["LABELED", "REVIEWED"],
      sort: "priority",
      direction: "desc",
      per_page: 50,
      page: 2,
    });
    const url = new URL(last().url, server.url);
    expect(url.pathname).toBe("/datasets/jane/flowers/samples/");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      per_page: "50",
      page: "2",
      labelset: "ground truth",
      include_full_label: "1",
      name__contains: "a b&c",
      filters: "k:v,city:New York",
      label_status: "LABELED,REVIEWED",
      sort: "-priority",
    });
  });

  test("getSample joins labelset and include_signed_urls with & (not a second ?)", async () => {
    await client().getSample("u-1", { labelset: "gt", include_signed_url: true });
    expect(last().url).toBe("/samples/u-1/?labelset=gt&include_signed_urls=1");
  });

  test("path parameters are percent-encoded into one segment", async () => {
    await client().getLabel("u-1", "a/b?c");
    expect(last().url).toBe("/labels/u-1/a%2Fb%3Fc/");
    await client().deleteDatasetCollaborator("jane/flowers", "john#1");
    expect(last().url).toBe("/datasets/jane/flowers/collaborators/john%231");
  });

  test("getWorkunits sends the Python SDK's parameters", async () => {
    await client().getWorkunits("jane/flowers", {
      start: new Date("2024-05-01T00:00:00Z"),
      include_session_time_metrics: true,
    });
    const url = new URL(last().url, server.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      per_page: "1000",
      page: "1",
      sort: "-created_at",
      start: "2024-05-01T00:00:00.000Z",
      include_session_time_metrics: "true",
    });
  });
});

describe("bodies", () => {
  test("addDataset sends the Python SDK's defaults; organization picks the URL", async () => {
    await client().addDataset("flowers");
    expect(last().url).toBe("/user/datasets/");
    expect(last().json()).toEqual({
      name: "flowers",
      description: "",
      task_type: "segmentation-bitmap",
      task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "object" }] },
      category: "other",
      public: false,
      readme: "",
      labeling_inactivity_timeout_seconds: 300,
      enable_skip_labeling: true,
      enable_skip_reviewing: false,
      enable_ratings: false,
      enable_interpolation: true,
      enable_same_dimensions_track_constraint: false,
      enable_save_button: false,
      enable_label_status_verified: false,
      enable_3d_cuboid_rotation: false,
      enable_confirm_on_submit: false,
      archived: false,
      enable_3d_region_of_interest: false,
      data_type: "IMAGE",
    });
    await client().addDataset("flowers", { organization: "acme", task_type: "bboxes" });
    expect(last().url).toBe("/organizations/acme/datasets/");
    expect(last().json().task_type).toBe("bboxes");
  });

  test("cloneDataset, addLabelset, addIssue and addRelease bodies", async () => {
    await client().cloneDataset("jane/flowers");
    expect(last().json()).toEqual({ name: "flowers-clone", clone_labels: false });
    await client().addLabelset("jane/flowers", "preds");
    expect(last().json()).toEqual({ name: "preds", description: "", attributes: "{}" });
    await client().addIssue("u-1", "wrong");
    expect(last().json()).toEqual({ description: "wrong", status: "OPEN" });
    await client().addRelease("jane/flowers", "v1");
    expect(last().json()).toEqual({ name: "v1", description: "" });
  });

  test("updateSample sends only given keys and null to unassign", async () => {
    await client().updateSample("u-1", { priority: 2, assigned_labeler: null });
    expect(last().json()).toEqual({ priority: 2, assigned_labeler: null });
    expect(last().method).toBe("PATCH");
  });

  test("addLabel defaults to PRELABELED and gzips large bodies unless disabled", async () => {
    const annotations = Array.from({ length: 200 }, (_, id) => ({
      id,
      category_id: 1,
      type: "bbox" as const,
      points: [
        [0, 0],
        [1, 1],
      ],
    }));
    await client().addLabel("u-1", "ground-truth", { annotations }, { taskType: "bboxes" });
    expect(last().method).toBe("PUT");
    expect(last().headers["content-encoding"]).toBe("gzip");
    expect(last().json()).toEqual({ attributes: { annotations }, label_status: "PRELABELED" });
    await client().addLabel("u-1", "ground-truth", { annotations }, { enable_compression: false });
    expect(last().headers["content-encoding"]).toBeUndefined();
  });

  test("deleteSamples sends the uuids as the DELETE body", async () => {
    await client().deleteSamples("jane/flowers", ["a", "b"]);
    expect(last().method).toBe("DELETE");
    expect(last().json()).toEqual({ uuids: ["a", "b"] });
  });
});

describe("Python SDK parity on the wire (reference section 1)", () => {
  test.each<[string, (c: SegmentsClient) => PromiseLike<unknown>, string, string, unknown]>([
    [
      "getSamples defaults: per_page 1000, page 1, sort name asc",
      (c) => c.getSamples("jane/flowers"),
      "GET",
      "/datasets/jane/flowers/samples/?per_page=1000&page=1&sort=name",
      undefined,
    ],
    [
      "getWorkunits defaults: newest first",
      (c) => c.getWorkunits("jane/flowers"),
      "GET",
      "/datasets/jane/flowers/workunits/?per_page=1000&page=1&sort=-created_at",
      undefined,
    ],
    [
      "getDatasets defaults",
      (c) => c.getDatasets(),
      "GET",
      "/user/datasets/?per_page=1000&page=1",
      undefined,
    ],
    [
      "addSample always sends priority 0 and readme",
      (c) => c.addSample("jane/flowers", "a.jpg", { image: { url: "u" } }, { enable_compression: false }),
      "POST",
      "/datasets/jane/flowers/samples/",
      { name: "a.jpg", attributes: { image: { url: "u" } }, priority: 0, readme: "" },
    ],
    [
      "updateSample: null unassigns the reviewer",
      (c) => c.updateSample("u-1", { assigned_reviewer: null }),
      "PATCH",
      "/samples/u-1/",
      { assigned_reviewer: null },
    ],
    [
      "addLabel default status PRELABELED",
      (c) => c.addLabel("u-1", "gt", { annotations: [] }, { enable_compression: false }),
      "PUT",
      "/labels/u-1/gt/",
      { attributes: { annotations: [] }, label_status: "PRELABELED" },
    ],
    [
      "getLabel default labelset ground-truth",
      (c) => c.getLabel("u-1"),
      "GET",
      "/labels/u-1/ground-truth/",
      undefined,
    ],
    [
      "addDataset takes the Python name enable_confirm_on_commit and sends enable_confirm_on_submit",
      (c) => c.addDataset("flowers", { enable_confirm_on_commit: true }),
      "POST",
      "/user/datasets/",
      expect.objectContaining({ enable_confirm_on_submit: true }),
    ],
    [
      "updateDataset takes enable_confirm_on_commit too, and sends only the given keys",
      (c) => c.updateDataset("jane/flowers", { enable_confirm_on_commit: false, archived: true }),
      "PATCH",
      "/datasets/jane/flowers/",
      { enable_confirm_on_submit: false, archived: true },
    ],
    [
      "cloneDataset with every argument",
      (c) =>
        c.cloneDataset("jane/flowers", {
          new_name: "copy",
          new_task_type: "vector",
          new_public: true,
          organization: "acme",
          clone_labels: true,
        }),
      "POST",
      "/datasets/jane/flowers/clone/",
      { name: "copy", task_type: "vector", public: true, owner: "acme", clone_labels: true },
    ],
    [
      "addDatasetCollaborator default role labeler",
      (c) => c.addDatasetCollaborator("jane/flowers", "john"),
      "POST",
      "/datasets/jane/flowers/collaborators/",
      { user: "john", role: "labeler" },
    ],
    [
      "uploadAsset default filename label.png",
      (c) => c.uploadAsset(new Uint8Array([1])).catch(() => {}),
      "POST",
      "/assets/",
      { filename: "label.png" },
    ],
  ])("%s", async (_case, run, method, url, body) => {
    await run(client());
    const request = server.requests[0];
    expect(request?.method).toBe(method);
    expect(request?.url).toBe(url);
    if (body === undefined) expect(request?.body.length).toBe(0);
    else expect(JSON.parse(request?.body.toString() ?? "")).toEqual(body);
  });

  test("contradicting enable_confirm_on_commit and enable_confirm_on_submit is a ValidationError", async () => {
    await expect(
      client().addDataset("flowers", { enable_confirm_on_commit: true, enable_confirm_on_submit: false }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("validation before any request", () => {
  test.each([
    ["a bare dataset name", (c: SegmentsClient) => c.getDataset("flowers")],
    [
      "include_full_label without labelset",
      (c: SegmentsClient) => c.getSamples("j/f", { include_full_label: true }),
    ],
    ["per_page 1001", (c: SegmentsClient) => c.getSamples("j/f", { per_page: 1001 })],
    ["page 0", (c: SegmentsClient) => c.getDatasets({ page: 0 })],
    [
      "an unknown label status",
      (c: SegmentsClient) => c.getSamples("j/f", { label_status: "DONE" as never }),
    ],
    [
      "1001 uuids",
      (c: SegmentsClient) =>
        c.deleteSamples(
          "j/f",
          Array.from({ length: 1001 }, (_, i) => `${i}`),
        ),
    ],
    ["an empty uuid", (c: SegmentsClient) => c.deleteSample("")],
    [
      "a NaN priority",
      (c: SegmentsClient) => c.addSample("j/f", "x", { image: { url: "u" } }, { priority: Number.NaN }),
    ],
    [
      "Infinity score",
      (c: SegmentsClient) => c.addLabel("u", "gt", { annotations: [] }, { score: Number.POSITIVE_INFINITY }),
    ],
    [
      "attributes of the wrong task type",
      (c: SegmentsClient) =>
        c.addSample("j/f", "x", { image: { url: "u" } } as never, { taskType: "pointcloud-cuboid" }),
    ],
    ["a dataset name with a slash", (c: SegmentsClient) => c.addDataset("a/b")],
    ["an unknown role", (c: SegmentsClient) => c.addDatasetCollaborator("j/f", "bob", "owner" as never)],
    ["a .. path segment", (c: SegmentsClient) => c.getRelease("j/f", "..")],
    [
      "a sample without a name",
      (c: SegmentsClient) => c.addSamples("j/f", [{ attributes: { image: { url: "u" } } } as never]),
    ],
  ])("%s", async (_case, run) => {
    await expect(run(client())).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

test("withResponse exposes the raw response and request id; per-call headers are sent", async () => {
  const { data, response, requestId } = await client()
    .getDatasets({}, { headers: { "x-trace": "t-1" } })
    .withResponse();
  expect(data).toEqual([]);
  expect(response.status).toBe(200);
  expect(requestId).toBe("req-42");
  expect(last().headers["x-trace"]).toBe("t-1");
  expect(await client().deleteDataset("jane/flowers").asResponse()).toHaveProperty("status", 204);
});
