import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import {
  client,
  createDataset,
  createSample,
  imageAttributes,
  type Request,
  start,
  vectorLabel,
} from "./helpers.js";

const names = (body: { name: string }[]) => body.map((sample) => sample.name);

describe("samples", () => {
  let emulator: Emulator;
  let jane: Request;
  const uuids: Record<string, string> = {};
  beforeAll(async () => {
    emulator = await start();
    jane = client(emulator);
    await createDataset(jane, "cats");
    const specs = [
      { name: "b-cat.jpg", metadata: { city: "London", weather: "sunny" }, priority: 5 },
      { name: "a-dog.jpg", metadata: { city: "Paris", weather: "sunny" }, priority: 1 },
      { name: "c-cat.jpg", metadata: { city: "London", weather: "rain", robot: 3 }, priority: 9 },
      { name: "d-bird.jpg", metadata: {}, priority: 3 },
    ];
    for (const spec of specs)
      uuids[spec.name] = (await createSample(jane, "jane/cats", spec.name, spec)).uuid;
    await jane("PUT", `/labels/${uuids["b-cat.jpg"]}/ground-truth/`, {
      label_status: "LABELED",
      attributes: vectorLabel,
    });
    await jane("PUT", `/labels/${uuids["c-cat.jpg"]}/ground-truth/`, {
      label_status: "REVIEWED",
      attributes: vectorLabel,
    });
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("creates a sample (201) and rejects a duplicate name with 409", async () => {
    await createDataset(jane, "dupes");
    const sample = await createSample(jane, "jane/dupes", "one.jpg", { metadata: { k: 1 }, priority: 2 });
    expect(sample).toMatchObject({ name: "one.jpg", metadata: { k: 1 }, priority: 2, created_by: "jane" });
    const duplicate = await jane("POST", "/datasets/jane/dupes/samples/", {
      name: "one.jpg",
      attributes: imageAttributes("x"),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.detail).toContain("already exists");
  });

  it("validates sample attributes against the dataset's task type, naming the field", async () => {
    const pointcloud = { pcd: { url: "https://example.com/a.pcd", type: "pcd" } };
    const response = await jane("POST", "/datasets/jane/cats/samples/", {
      name: "x.pcd",
      attributes: pointcloud,
    });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("attributes");
    expect(response.body.attributes).toBeDefined();
  });

  it("sorts by name by default and by any field with '-' for descending", async () => {
    expect(names((await jane("GET", "/datasets/jane/cats/samples/")).body)).toEqual([
      "a-dog.jpg",
      "b-cat.jpg",
      "c-cat.jpg",
      "d-bird.jpg",
    ]);
    expect(names((await jane("GET", "/datasets/jane/cats/samples/?sort=-priority")).body)).toEqual([
      "c-cat.jpg",
      "b-cat.jpg",
      "d-bird.jpg",
      "a-dog.jpg",
    ]);
    expect(names((await jane("GET", "/datasets/jane/cats/samples/?sort=-name")).body)[0]).toBe("d-bird.jpg");
    const byLabelTime = names(
      (await jane("GET", "/datasets/jane/cats/samples/?sort=gt_label__updated_at")).body,
    );
    expect(byLabelTime.slice(0, 2)).toEqual(["b-cat.jpg", "c-cat.jpg"]);
    // Like production's ordering filter, an unknown key is ignored (tested further in leniency.test.ts).
    const unknown = await jane("GET", "/datasets/jane/cats/samples/?sort=colour");
    expect(names(unknown.body)).toEqual(["a-dog.jpg", "b-cat.jpg", "c-cat.jpg", "d-bird.jpg"]);
  });

  it("filters by name__contains, metadata filters (AND) and label_status", async () => {
    expect(names((await jane("GET", "/datasets/jane/cats/samples/?name__contains=cat")).body)).toEqual([
      "b-cat.jpg",
      "c-cat.jpg",
    ]);
    const london = await jane("GET", "/datasets/jane/cats/samples/?filters=city:London,weather:sunny");
    expect(names(london.body)).toEqual(["b-cat.jpg"]);
    expect(names((await jane("GET", "/datasets/jane/cats/samples/?filters=robot:3")).body)).toEqual([
      "c-cat.jpg",
    ]);
    const labeled = await jane("GET", "/datasets/jane/cats/samples/?label_status=LABELED,REVIEWED");
    expect(names(labeled.body)).toEqual(["b-cat.jpg", "c-cat.jpg"]);
    const unlabeled = await jane("GET", "/datasets/jane/cats/samples/?label_status=UNLABELED");
    expect(names(unlabeled.body)).toEqual(["a-dog.jpg", "d-bird.jpg"]);
    const badStatus = await jane("GET", "/datasets/jane/cats/samples/?label_status=DONE");
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.detail).toContain("label_status");
  });

  it("adds a label summary with labelset and the full label with include_full_label=1", async () => {
    const summaries = await jane(
      "GET",
      "/datasets/jane/cats/samples/?labelset=ground-truth&name__contains=b-cat",
    );
    expect(summaries.body[0].label).toMatchObject({ label_status: "LABELED", created_by: "jane" });
    expect(summaries.body[0].label.attributes).toBeUndefined();
    const full = await jane(
      "GET",
      "/datasets/jane/cats/samples/?labelset=ground-truth&include_full_label=1&name__contains=b-cat",
    );
    expect(full.body[0].label).toMatchObject({
      label_status: "LABELED",
      attributes: vectorLabel,
      label_type: "vector",
    });
    const plain = await jane("GET", "/datasets/jane/cats/samples/");
    expect(plain.body[0].label).toBeUndefined();
    const withoutLabelset = await jane("GET", "/datasets/jane/cats/samples/?include_full_label=1");
    expect(withoutLabelset.status).toBe(400);
  });

  it("pages with per_page/page and answers Invalid page past the end", async () => {
    const page1 = await jane("GET", "/datasets/jane/cats/samples/?per_page=3&page=1");
    const page2 = await jane("GET", "/datasets/jane/cats/samples/?per_page=3&page=2");
    expect(names(page1.body)).toEqual(["a-dog.jpg", "b-cat.jpg", "c-cat.jpg"]);
    expect(names(page2.body)).toEqual(["d-bird.jpg"]);
    expect(await jane("GET", "/datasets/jane/cats/samples/?per_page=3&page=3")).toMatchObject({
      status: 404,
      body: { detail: "Invalid page." },
    });
    expect((await jane("GET", "/datasets/jane/cats/samples/?per_page=1001")).status).toBe(400);
    expect((await jane("GET", "/datasets/jane/cats/samples/?page=0")).status).toBe(400);
  });

  it("gets a sample with its label, issues, dataset_full_name and signed urls on request", async () => {
    const uuid = uuids["b-cat.jpg"];
    const sample = await jane("GET", `/samples/${uuid}/?labelset=ground-truth&include_signed_urls=1`);
    expect(sample.status).toBe(200);
    expect(sample.body).toMatchObject({
      uuid,
      dataset_full_name: "jane/cats",
      label: { label_status: "LABELED" },
    });
    expect(sample.body.attributes.image.signed_url).toMatch(/^https:\/\/example.com\/b-cat.jpg\?/);
    const plain = await jane("GET", `/samples/${uuid}/`);
    expect(plain.body.attributes.image.signed_url).toBeUndefined();
    expect((await jane("GET", "/samples/00000000-0000-4000-8000-000000000000/")).status).toBe(404);
  });

  it("updates a sample and unassigns with null", async () => {
    await createDataset(jane, "edits");
    const sample = await createSample(jane, "jane/edits", "e.jpg", { assigned_labeler: "labeler" });
    expect(sample.assigned_labeler).toBe("labeler");
    const updated = await jane("PATCH", `/samples/${sample.uuid}/`, {
      name: "e2.jpg",
      metadata: { fresh: true },
      priority: 7,
      assigned_labeler: null,
    });
    expect(updated.body).toMatchObject({
      name: "e2.jpg",
      metadata: { fresh: true },
      priority: 7,
      assigned_labeler: null,
    });
    const unknownUser = await jane("PATCH", `/samples/${sample.uuid}/`, { assigned_reviewer: "ghost" });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.detail).toContain("assigned_reviewer");
    expect((await jane("DELETE", `/samples/${sample.uuid}/`)).status).toBe(204);
    expect((await jane("GET", `/samples/${sample.uuid}/`)).status).toBe(404);
  });

  it("bulk add returns existing samples unchanged instead of duplicating them", async () => {
    await createDataset(jane, "bulk");
    const first = await jane("POST", "/datasets/jane/bulk/samples_bulk/", [
      { name: "1.jpg", attributes: imageAttributes("1.jpg") },
      { name: "2.jpg", attributes: imageAttributes("2.jpg"), metadata: { v: 1 } },
    ]);
    expect(first.status).toBe(201);
    expect(names(first.body)).toEqual(["1.jpg", "2.jpg"]);
    const again = await jane("POST", "/datasets/jane/bulk/samples_bulk/", [
      { name: "2.jpg", attributes: imageAttributes("changed.jpg"), metadata: { v: 2 } },
      { name: "3.jpg", attributes: imageAttributes("3.jpg") },
    ]);
    expect(again.status).toBe(201);
    expect(again.body[0]).toMatchObject({ uuid: first.body[1].uuid, metadata: { v: 1 } });
    expect(again.body[0].attributes).toEqual(imageAttributes("2.jpg"));
    expect(names((await jane("GET", "/datasets/jane/bulk/samples/")).body)).toEqual([
      "1.jpg",
      "2.jpg",
      "3.jpg",
    ]);
  });

  it("bulk add is all-or-nothing when one sample is invalid", async () => {
    await createDataset(jane, "bulk-bad");
    const response = await jane("POST", "/datasets/jane/bulk-bad/samples_bulk/", [
      { name: "ok.jpg", attributes: imageAttributes("ok.jpg") },
      { name: "bad.jpg", attributes: { pcd: { url: "x", type: "pcd" } } },
    ]);
    expect(response.status).toBe(400);
    expect((await jane("GET", "/datasets/jane/bulk-bad/samples/")).body).toEqual([]);
  });

  it("bulk delete counts deleted samples, skips unknown uuids and validates 1..1000", async () => {
    await createDataset(jane, "bulk-del");
    const created = await jane("POST", "/datasets/jane/bulk-del/samples_bulk/", [
      { name: "x.jpg", attributes: imageAttributes("x.jpg") },
      { name: "y.jpg", attributes: imageAttributes("y.jpg") },
    ]);
    const unknown = "00000000-0000-4000-8000-000000000000";
    const deleted = await jane("DELETE", "/datasets/jane/bulk-del/samples_bulk/", {
      uuids: [created.body[0].uuid, unknown, uuids["a-dog.jpg"]],
    });
    expect(deleted).toMatchObject({ status: 200, body: { deleted_count: 1 } });
    expect(names((await jane("GET", "/datasets/jane/bulk-del/samples/")).body)).toEqual(["y.jpg"]);
    expect((await jane("GET", `/samples/${uuids["a-dog.jpg"]}/`)).status).toBe(200);
    const empty = await jane("DELETE", "/datasets/jane/bulk-del/samples_bulk/", { uuids: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toContain("uuids");
    const tooMany = Array.from({ length: 1001 }, () => unknown);
    expect((await jane("DELETE", "/datasets/jane/bulk-del/samples_bulk/", { uuids: tooMany })).status).toBe(
      400,
    );
  });
});
