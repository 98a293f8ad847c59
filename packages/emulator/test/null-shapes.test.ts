// The shapes production sends for the fields the Python SDK declares Optional (openapi/test/python-sdk-models.yaml):
// null or missing where production leaves them so, so that code run against the emulator meets them offline.
// Responses are validated against the spec (`start` turns validateResponses on), so every null here is one the
// spec declares.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, createSample, type Request, sleep, start } from "./helpers.js";

describe("null and missing fields, as production sends them", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({
      releaseDelayMs: 300,
      organizations: [{ name: "acme", members: [{ username: "jane", role: "admin" }] }],
    });
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("a dataset created without readme or task_attributes reports both as null", async () => {
    const created = await jane("POST", "/user/datasets/", { name: "bare" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      readme: null,
      task_attributes: null,
      cloned_from: null,
      metadata: {},
    });
    const read = await jane("GET", "/datasets/jane/bare/");
    expect(read.body).toMatchObject({ readme: null, task_attributes: null, cloned_from: null });
  });

  it("a dataset created with them reports them; a clone names its source", async () => {
    const task_attributes = { format_version: "0.1", categories: [{ id: 1, name: "car" }] };
    await jane("POST", "/user/datasets/", { name: "full", readme: "# Cars", task_attributes });
    const read = await jane("GET", "/datasets/jane/full/");
    expect(read.body).toMatchObject({ readme: "# Cars", task_attributes, cloned_from: null });
    const clone = await jane("POST", "/datasets/jane/full/clone/", { name: "full-copy" });
    expect(clone.body).toMatchObject({ cloned_from: "jane/full", readme: "# Cars", task_attributes });
  });

  it("a pending release has no attributes.url, a built one has", async () => {
    await jane("POST", "/user/datasets/", { name: "releases" });
    const created = await jane("POST", "/datasets/jane/releases/releases/", { name: "v1" });
    expect(created.body.status).toBe("PENDING");
    expect(created.body.attributes).toEqual({});
    let release = created.body;
    for (let attempt = 0; attempt < 100 && release.status === "PENDING"; attempt++) {
      await sleep(20);
      release = (await jane("GET", "/datasets/jane/releases/releases/v1/")).body;
    }
    expect(release.status).toBe("SUCCEEDED");
    expect(typeof release.attributes.url).toBe("string");
    // The snapshot of a dataset without task_attributes carries the null too.
    const file = await (await fetch(release.attributes.url)).json();
    expect(file.dataset.task_attributes).toBeNull();
  });

  it("a sample created without metadata reports {} (the SDK's Sample.metadata is a required dict)", async () => {
    await jane("POST", "/user/datasets/", { name: "plain", task_type: "vector" });
    const sample = await createSample(jane, "jane/plain", "a.jpg");
    expect(sample).toMatchObject({
      metadata: {},
      readme: "",
      assigned_labeler: null,
      assigned_reviewer: null,
    });
    const listed = await jane("GET", "/datasets/jane/plain/samples/");
    expect(listed.body[0]).not.toHaveProperty("label");
    const withLabel = await jane(
      "GET",
      "/datasets/jane/plain/samples/?labelset=ground-truth&include_full_label=1",
    );
    expect(withLabel.body[0].label).toBeNull();
  });

  it("sequence frames keep timestamp and name missing when they were not given", async () => {
    await jane("POST", "/user/datasets/", { name: "video", task_type: "image-vector-sequence" });
    const frames = [
      { image: { url: "https://example.com/0.jpg" } },
      { image: { url: "https://example.com/1.jpg" } },
    ];
    const created = await jane("POST", "/datasets/jane/video/samples/", {
      name: "clip",
      attributes: { frames },
    });
    expect(created.status).toBe(201);
    const read = await jane("GET", `/samples/${created.body.uuid}/`);
    for (const frame of read.body.attributes.frames) {
      expect(frame).not.toHaveProperty("timestamp");
      expect(frame).not.toHaveProperty("name");
    }
  });

  it("organization_role appears on organization members and memberships, not on the user", async () => {
    const me = (await jane("GET", "/user")).body;
    expect(me).not.toHaveProperty("organization_role");
    expect(me.organizations).toEqual([
      expect.objectContaining({ username: "acme", organization_role: "admin" }),
    ]);
    const other = (await jane("GET", "/users/labeler")).body;
    expect(other).not.toHaveProperty("email");
    expect(other).not.toHaveProperty("organization_role");
  });
});
