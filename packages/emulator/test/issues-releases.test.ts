import spec from "@segments-ts/openapi/openapi.json";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, createDataset, createSample, type Request, sleep, start, vectorLabel } from "./helpers.js";

/** Validates a release file against the spec's `ReleaseFile` schema (reference section 6). */
function releaseFileViolations(file: unknown) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(spec, "spec");
  const validate = ajv.compile({ $ref: "spec#/components/schemas/ReleaseFile" });
  validate(file);
  return validate.errors ?? [];
}

describe("issues and releases", () => {
  let emulator: Emulator;
  let jane: Request;
  let sampleUuid: string;
  beforeAll(async () => {
    emulator = await start();
    jane = client(emulator);
    await createDataset(jane, "shop", { description: "store" });
    sampleUuid = (await createSample(jane, "jane/shop", "s1.jpg", { metadata: { aisle: 4 } })).uuid;
    await createSample(jane, "jane/shop", "s2.jpg");
    await jane("PUT", `/labels/${sampleUuid}/ground-truth/`, {
      label_status: "LABELED",
      attributes: vectorLabel,
    });
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("creates, lists, updates and deletes issues with anchors", async () => {
    const anchor = { type: "location", frame: 0, sensor: "Lidar", location: { type: "2d", x: 1.2, y: 3.5 } };
    const created = await jane("POST", `/samples/${sampleUuid}/issues/`, { description: "blurry", anchor });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      description: "blurry",
      status: "OPEN",
      anchor,
      sample_uuid: sampleUuid,
      sample_name: "s1.jpg",
      comments: [],
    });
    const listed = await jane("GET", "/datasets/jane/shop/issues/");
    expect(listed.body.map((issue: { uuid: string }) => issue.uuid)).toEqual([created.body.uuid]);
    const closed = await jane("PATCH", `/issues/${created.body.uuid}/`, { status: "CLOSED" });
    expect(closed.body).toMatchObject({ status: "CLOSED", description: "blurry" });
    expect((await jane("GET", `/samples/${sampleUuid}/`)).body.issues).toHaveLength(1);
    expect((await jane("DELETE", `/issues/${created.body.uuid}/`)).status).toBe(204);
    expect((await jane("GET", "/datasets/jane/shop/issues/")).body).toEqual([]);
    const invalid = await jane("POST", `/samples/${sampleUuid}/issues/`, {
      description: "x",
      status: "MAYBE",
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.detail).toContain("status");
  });

  it("builds a release asynchronously: PENDING, then SUCCEEDED with a release file", async () => {
    const created = await jane("POST", "/datasets/jane/shop/releases/", {
      name: "v0.1",
      description: "first",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "v0.1",
      status: "PENDING",
      release_type: "JSON",
      samples_count: 2,
    });
    expect((await jane("POST", "/datasets/jane/shop/releases/", { name: "v0.1" })).status).toBe(409);

    let release = created.body;
    for (let attempt = 0; attempt < 50 && release.status === "PENDING"; attempt++) {
      await sleep(20);
      release = (await jane("GET", "/datasets/jane/shop/releases/v0.1/")).body;
    }
    expect(release.status).toBe("SUCCEEDED");
    expect(release.attributes.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/releases\/.+\.json$/);

    const file = await (await fetch(release.attributes.url)).json();
    expect(file).toMatchObject({
      name: "v0.1",
      description: "first",
      dataset: { name: "shop", owner: "jane", task_type: "vector" },
    });
    expect(file.dataset.labelsets).toEqual([{ name: "ground-truth", description: "" }]);
    const labeled = file.dataset.samples.find((sample: { name: string }) => sample.name === "s1.jpg");
    expect(labeled).toMatchObject({
      uuid: sampleUuid,
      metadata: { aisle: 4 },
      attributes: { image: { url: expect.any(String) } },
    });
    expect(labeled.labels["ground-truth"]).toMatchObject({
      label_status: "LABELED",
      attributes: vectorLabel,
    });
    const unlabeled = file.dataset.samples.find((sample: { name: string }) => sample.name === "s2.jpg");
    expect(unlabeled.labels["ground-truth"]).toBeNull();
    expect(releaseFileViolations(file)).toEqual([]);
  });

  it("lists and deletes releases; the file goes with the release", async () => {
    const listed = await jane("GET", "/datasets/jane/shop/releases/");
    expect(listed.body.map((release: { name: string }) => release.name)).toEqual(["v0.1"]);
    const url = listed.body[0].attributes.url as string;
    expect((await jane("DELETE", "/datasets/jane/shop/releases/v0.1/")).status).toBe(204);
    expect((await jane("GET", "/datasets/jane/shop/releases/v0.1/")).status).toBe(404);
    expect((await fetch(url)).status).toBe(404);
  });
});
