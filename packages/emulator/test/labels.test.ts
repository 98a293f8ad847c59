import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, createDataset, createSample, type Request, start, vectorLabel } from "./helpers.js";

describe("labels, labelsets and workunits", () => {
  let emulator: Emulator;
  let jane: Request;
  let sampleUuid: string;
  beforeAll(async () => {
    emulator = await start();
    jane = client(emulator);
    await createDataset(jane, "pets");
    sampleUuid = (await createSample(jane, "jane/pets", "p.jpg")).uuid;
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("answers 404 for an unlabeled sample", async () => {
    expect(await jane("GET", `/labels/${sampleUuid}/ground-truth/`)).toMatchObject({
      status: 404,
      body: { detail: "Not found." },
    });
  });

  it("PUT creates (201) then replaces (200); PATCH updates; DELETE removes", async () => {
    const put = await jane("PUT", `/labels/${sampleUuid}/ground-truth/`, {
      attributes: vectorLabel,
      score: 0.5,
    });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({
      sample_uuid: sampleUuid,
      labelset: "ground-truth",
      label_type: "vector",
      label_status: "PRELABELED",
      score: 0.5,
      created_by: "jane",
    });
    const replaced = await jane("PUT", `/labels/${sampleUuid}/ground-truth/`, {
      label_status: "LABELED",
      attributes: { format_version: "0.1", annotations: [] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      label_status: "LABELED",
      attributes: { annotations: [] },
      score: null,
    });
    const patched = await jane("PATCH", `/labels/${sampleUuid}/ground-truth/`, { label_status: "REVIEWED" });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      label_status: "REVIEWED",
      reviewed_by: "jane",
      attributes: { annotations: [] },
    });
    expect((await jane("GET", `/labels/${sampleUuid}/ground-truth/`)).body.label_status).toBe("REVIEWED");
    expect((await jane("DELETE", `/labels/${sampleUuid}/ground-truth/`)).status).toBe(204);
    expect((await jane("GET", `/labels/${sampleUuid}/ground-truth/`)).status).toBe(404);
    expect(
      (await jane("PATCH", `/labels/${sampleUuid}/ground-truth/`, { label_status: "LABELED" })).status,
    ).toBe(404);
  });

  it("validates label attributes against the task type, naming the field", async () => {
    const segmentation = {
      format_version: "0.1",
      annotations: [{ id: 1, category_id: 1 }],
      segmentation_bitmap: { url: "x" },
    };
    const response = await jane("PUT", `/labels/${sampleUuid}/ground-truth/`, {
      attributes: { annotations: [{ id: 1, category_id: 1, type: "bbox" }] },
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("attributes.annotations[0]");
    const wrongKind = await jane("PUT", `/labels/${sampleUuid}/ground-truth/`, { attributes: segmentation });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.attributes).toBeDefined();
  });

  it("validates per task type: a pointcloud-cuboid dataset takes point clouds and cuboids, not images and boxes", async () => {
    await createDataset(jane, "lidar", { task_type: "pointcloud-cuboid" });
    const image = await jane("POST", "/datasets/jane/lidar/samples/", {
      name: "i.jpg",
      attributes: { image: { url: "u" } },
    });
    expect(image.status).toBe(400);
    expect(image.body.detail).toContain("attributes");
    const cloud = await jane("POST", "/datasets/jane/lidar/samples/", {
      name: "c.pcd",
      attributes: { pcd: { url: "https://example.com/c.pcd", type: "pcd" } },
    });
    expect(cloud.status).toBe(201);
    const cuboid = {
      id: 1,
      category_id: 1,
      type: "cuboid",
      position: { x: 0, y: 0, z: 0 },
      dimensions: { x: 1, y: 1, z: 1 },
      yaw: 0,
    };
    const label = await jane("PUT", `/labels/${cloud.body.uuid}/ground-truth/`, {
      attributes: { annotations: [cuboid] },
    });
    expect(label.status).toBe(201);
    expect(label.body.label_type).toBe("pointcloud-cuboid");
    const box = await jane("PUT", `/labels/${cloud.body.uuid}/ground-truth/`, { attributes: vectorLabel });
    expect(box.status).toBe(400);
    expect(box.body.detail).toContain("attributes.annotations[0]");
  });

  it("rejects VERIFIED unless the dataset enables it", async () => {
    const response = await jane("PUT", `/labels/${sampleUuid}/ground-truth/`, {
      label_status: "VERIFIED",
      attributes: vectorLabel,
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("label_status");
  });

  it("manages labelsets; labels live per labelset; ground-truth cannot be deleted", async () => {
    const created = await jane("POST", "/datasets/jane/pets/labelsets/", {
      name: "model-v1",
      description: "preds",
      attributes: "{}",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "model-v1", description: "preds", is_groundtruth: false });
    expect((await jane("POST", "/datasets/jane/pets/labelsets/", { name: "model-v1" })).status).toBe(409);
    const listed = await jane("GET", "/datasets/jane/pets/labelsets/");
    expect(listed.body.map((set: { name: string }) => set.name)).toEqual(["ground-truth", "model-v1"]);
    expect((await jane("GET", "/datasets/jane/pets/labelsets/model-v1/")).body.name).toBe("model-v1");

    await jane("PUT", `/labels/${sampleUuid}/model-v1/`, {
      attributes: vectorLabel,
      label_status: "PRELABELED",
    });
    expect((await jane("GET", `/labels/${sampleUuid}/model-v1/`)).status).toBe(200);
    expect((await jane("GET", `/labels/${sampleUuid}/ground-truth/`)).status).toBe(404);
    expect((await jane("PUT", `/labels/${sampleUuid}/nope/`, { attributes: vectorLabel })).status).toBe(404);

    expect((await jane("DELETE", "/datasets/jane/pets/labelsets/model-v1/")).status).toBe(204);
    expect((await jane("GET", `/labels/${sampleUuid}/model-v1/`)).status).toBe(404);
    expect((await jane("DELETE", "/datasets/jane/pets/labelsets/ground-truth/")).status).toBe(403);
  });

  it("invents no workunits on API label writes (production records them from labeling sessions)", async () => {
    await labelThenReview(jane, "no-work");
    const workunits = await jane("GET", "/datasets/jane/no-work/workunits/");
    expect(workunits).toMatchObject({ status: 200, body: [] });
  });

  it("with recordWorkunits: a workunit per label write, newest first by default, filterable by time", async () => {
    const recording = await start({ recordWorkunits: true });
    try {
      await workunitsPerWrite(client(recording));
    } finally {
      await recording.close();
    }
  });
});

/** A new dataset with one sample whose label is written (LABELED), then reviewed (REVIEWED). */
async function labelThenReview(jane: Request, dataset: string) {
  await createDataset(jane, dataset);
  const sample = await createSample(jane, `jane/${dataset}`, "w.jpg");
  await jane("PUT", `/labels/${sample.uuid}/ground-truth/`, {
    label_status: "LABELED",
    attributes: vectorLabel,
  });
  await jane("PATCH", `/labels/${sample.uuid}/ground-truth/`, { label_status: "REVIEWED" });
  return sample;
}

/** Two label writes, then the workunits they recorded: order, fields, sort, filter, pages. */
async function workunitsPerWrite(jane: Request) {
  const sample = await labelThenReview(jane, "work");
  const workunits = await jane("GET", "/datasets/jane/work/workunits/");
  expect(workunits.status).toBe(200);
  expect(workunits.body.map((w: { work_type: string }) => w.work_type)).toEqual(["review", "label"]);
  expect(workunits.body[1]).toMatchObject({
    created_by: "jane",
    sample_uuid: sample.uuid,
    sample_name: "w.jpg",
    next_label_status: "LABELED",
  });
  expect(workunits.body[0].session_time_metrics).toBeUndefined();
  const ascending = await jane(
    "GET",
    "/datasets/jane/work/workunits/?sort=created_at&include_session_time_metrics=true",
  );
  expect(ascending.body[0].work_type).toBe("label");
  expect(ascending.body[0].session_time_metrics).toBeDefined();
  const future = await jane("GET", "/datasets/jane/work/workunits/?start=2999-01-01T00:00:00Z");
  expect(future.body).toEqual([]);
  expect((await jane("GET", "/datasets/jane/work/workunits/?per_page=1&page=2")).body).toHaveLength(1);
}
