import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, createDataset, createSample, type Request, start, vectorLabel } from "./helpers.js";

describe("datasets", () => {
  let emulator: Emulator;
  let jane: Request;
  let stranger: Request;
  beforeAll(async () => {
    emulator = await start({
      organizations: [
        {
          name: "acme",
          members: [
            { username: "jane", role: "admin" },
            { username: "labeler", role: "labeler" },
          ],
        },
      ],
    });
    jane = client(emulator);
    stranger = client(emulator, "stranger-key");
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("creates a dataset with defaults and a ground-truth labelset, 409 on a duplicate name", async () => {
    const dataset = await createDataset(jane, "flowers", { description: "Pretty" });
    expect(dataset).toMatchObject({
      name: "flowers",
      full_name: "jane/flowers",
      description: "Pretty",
      task_type: "vector",
      public: false,
      enable_skip_labeling: true,
      owner: { username: "jane" },
      labelsets: [expect.objectContaining({ name: "ground-truth" })],
    });
    const duplicate = await jane("POST", "/user/datasets/", { name: "flowers" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ detail: "A dataset with this name already exists." });
  });

  it("rejects a body that does not conform to the spec with a 400 naming the field", async () => {
    const response = await jane("POST", "/user/datasets/", { name: "x", task_type: "not-a-task" });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain("task_type");
    expect(response.body.task_type).toBeDefined();
    const unknownField = await jane("POST", "/user/datasets/", { name: "y", colour: "red" });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.detail).toContain("colour");
  });

  it("gets, updates and deletes (204, empty body)", async () => {
    await createDataset(jane, "temp");
    const updated = await jane("PATCH", "/datasets/jane/temp/", {
      description: "new",
      public: true,
      readme: "# hi",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ description: "new", public: true, readme: "# hi" });
    expect((await jane("GET", "/datasets/jane/temp/")).body.description).toBe("new");
    const deleted = await jane("DELETE", "/datasets/jane/temp/");
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await jane("GET", "/datasets/jane/temp/")).status).toBe(404);
  });

  it("hides private datasets from non-collaborators (404) and shows public ones", async () => {
    await createDataset(jane, "secret");
    await createDataset(jane, "open", { public: true });
    expect(await stranger("GET", "/datasets/jane/secret/")).toMatchObject({
      status: 404,
      body: { detail: "Not found." },
    });
    expect((await stranger("GET", "/datasets/jane/open/")).status).toBe(200);
    const listed = await stranger("GET", "/users/jane/datasets/");
    const names = listed.body.map((d: { name: string }) => d.name);
    expect(names).toContain("open");
    expect(names).not.toContain("secret");
    expect((await stranger("PATCH", "/datasets/jane/open/", { description: "hacked" })).status).toBe(403);
  });

  it("lists the user's own datasets with per_page/page and Invalid page past the end", async () => {
    const all = await jane("GET", "/user/datasets/");
    expect(all.body.length).toBeGreaterThanOrEqual(3);
    const first = await jane("GET", "/user/datasets/?per_page=1&page=1");
    expect(first.body).toHaveLength(1);
    const past = await jane("GET", "/user/datasets/?per_page=1000&page=2");
    expect(past).toMatchObject({ status: 404, body: { detail: "Invalid page." } });
  });

  it("clones a dataset with its samples and, on request, its labels", async () => {
    await createDataset(jane, "source");
    const sample = await createSample(jane, "jane/source", "a.jpg");
    await jane("PUT", `/labels/${sample.uuid}/ground-truth/`, {
      label_status: "LABELED",
      attributes: vectorLabel,
    });
    const clone = await jane("POST", "/datasets/jane/source/clone/", { name: "copy", clone_labels: true });
    expect(clone.status).toBe(201);
    expect(clone.body).toMatchObject({ name: "copy", cloned_from: "jane/source", task_type: "vector" });
    const samples = await jane("GET", "/datasets/jane/copy/samples/?labelset=ground-truth");
    expect(samples.body).toHaveLength(1);
    expect(samples.body[0].uuid).not.toBe(sample.uuid);
    expect(samples.body[0].label.label_status).toBe("LABELED");
    const withoutLabels = await jane("POST", "/datasets/jane/source/clone/", { name: "copy2" });
    const unlabeled = await jane("GET", "/datasets/jane/copy2/samples/?labelset=ground-truth");
    expect(unlabeled.body[0].label.label_status).toBe("UNLABELED");
    expect(withoutLabels.status).toBe(201);
  });

  it("lets organization admins create organization datasets that members see", async () => {
    const created = await jane("POST", "/organizations/acme/datasets/", { name: "shared" });
    expect(created.status).toBe(201);
    expect(created.body.owner.username).toBe("acme");
    const member = client(emulator, "labeler-key");
    expect((await member("GET", "/datasets/acme/shared/")).status).toBe(200);
    const notAdmin = await member("POST", "/organizations/acme/datasets/", { name: "mine" });
    expect(notAdmin.status).toBe(403);
    expect((await stranger("POST", "/organizations/acme/datasets/", { name: "x" })).status).toBe(404);
    expect((await stranger("GET", "/datasets/acme/shared/")).status).toBe(404);
  });
});
