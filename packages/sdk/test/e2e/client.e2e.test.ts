/**
 * Every SegmentsClient method end to end, against each target (the emulator; the real service when configured).
 *
 * One file, over 400 lines, on purpose: it is the one place each method runs against a live target, and every test
 * shares the target's setup (a started target, one dataset, cleanup afterwards, which matters on the real service).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  AlreadyExistsError,
  AuthenticationError,
  BadRequestError,
  CollaboratorError,
  type Dataset,
  NotFoundError,
  PermissionDeniedError,
  type SegmentsClient,
  ValidationError,
} from "../../src/index.js";
import { e2eTargets, type Target, uniqueName } from "./target.js";

const image = (name: string) => ({ image: { url: `https://example.com/${name}.jpg` } });

for (const factory of e2eTargets()) {
  describe(`SegmentsClient against ${factory.name}`, () => {
    let target: Target;
    let client: SegmentsClient;
    let dataset: Dataset;
    const cleanup: string[] = [];

    beforeAll(async () => {
      target = await factory.start();
      client = target.client();
      dataset = await client.addDataset(uniqueName("e2e"), { task_type: "bboxes", description: "e2e" });
      cleanup.push(dataset.full_name);
    });

    afterAll(async () => {
      for (const name of cleanup) await client?.deleteDataset(name).catch(() => {});
      await target?.close();
    });

    test("getUser returns yourself and other users", async () => {
      const me = await client.getUser();
      expect(me.username).toBe(target.username);
      const again = await client.getUser(target.username);
      expect(again.username).toBe(target.username);
      const { requestId, response } = await client.getUser().withResponse();
      expect(response.status).toBe(200);
      if (target.kind === "emulator") expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    test("datasets: get, list, iterate, update, clone, delete", async () => {
      expect((await client.getDataset(dataset.full_name)).task_type).toBe("bboxes");
      expect(dataset.enable_skip_labeling).toBe(true);
      expect(dataset.labeling_inactivity_timeout_seconds).toBe(300);

      const page = await client.getDatasets({ per_page: 1000 });
      expect(page.map((d) => d.full_name)).toContain(dataset.full_name);
      const all = await client.iterDatasets({ per_page: 1 }).toArray();
      expect(all.map((d) => d.full_name)).toContain(dataset.full_name);
      expect(new Set(all.map((d) => d.full_name)).size).toBe(all.length);
      const theirs = await client.getDatasets({ user: target.username });
      expect(theirs.map((d) => d.full_name)).toContain(dataset.full_name);

      const updated = await client.updateDataset(dataset.full_name, {
        description: "changed",
        readme: "# hi",
      });
      expect(updated.description).toBe("changed");

      const clone = await client.cloneDataset(dataset.full_name);
      cleanup.push(clone.full_name);
      expect(clone.name).toBe(`${dataset.name}-clone`);
      await client.deleteDataset(clone.full_name);
      await expect(client.getDataset(clone.full_name)).rejects.toBeInstanceOf(NotFoundError);
    });

    test("addDataset in an organization, and a duplicate name is AlreadyExistsError", async () => {
      await expect(client.addDataset(dataset.name)).rejects.toBeInstanceOf(AlreadyExistsError);
      if (!target.organization)
        return console.info("[sdk e2e] no organization configured: org dataset skipped");
      const orgDataset = await client.addDataset(uniqueName("org"), { organization: target.organization });
      cleanup.push(orgDataset.full_name);
      expect(orgDataset.full_name).toBe(`${target.organization}/${orgDataset.name}`);
    });

    test("collaborators: add, get, update, delete; the collaborator's permissions apply", async () => {
      const other = target.other;
      if (!other) return console.info("[sdk e2e] no second account configured: collaborator test skipped");
      const collaborator = await client.addDatasetCollaborator(dataset.full_name, other.username);
      expect(collaborator).toMatchObject({ user: { username: other.username }, role: "labeler" });
      expect((await client.getDatasetCollaborator(dataset.full_name, other.username)).role).toBe("labeler");
      await expect(client.addDatasetCollaborator(dataset.full_name, other.username)).rejects.toBeInstanceOf(
        CollaboratorError,
      );

      const asOther = target.client({ apiKey: other.apiKey });
      await expect(asOther.deleteDataset(dataset.full_name)).rejects.toBeInstanceOf(PermissionDeniedError);

      const updated = await client.updateDatasetCollaborator(dataset.full_name, other.username, "reviewer");
      expect(updated.role).toBe("reviewer");
      await client.deleteDatasetCollaborator(dataset.full_name, other.username);
      await expect(client.getDatasetCollaborator(dataset.full_name, other.username)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      // Not a collaborator any more: the private dataset is invisible to them.
      await expect(asOther.getDataset(dataset.full_name)).rejects.toBeInstanceOf(NotFoundError);
    });

    test("samples: add, get, filter, paginate, update, delete", async () => {
      const rose = await client.addSample(dataset.full_name, "rose & tulip.jpg", image("rose"), {
        metadata: { garden: "north", kind: "a,b" },
        priority: 3,
        taskType: "bboxes",
      });
      expect(rose).toMatchObject({ name: "rose & tulip.jpg", priority: 3, metadata: { garden: "north" } });
      const fetched = await client.getSample(rose.uuid, {
        labelset: "ground-truth",
        include_signed_url: true,
      });
      expect(fetched.uuid).toBe(rose.uuid);

      const more = ["lily", "daisy", "orchid", "iris"];
      for (const [i, name] of more.entries()) {
        await client.addSample(dataset.full_name, `${name}.jpg`, image(name), {
          priority: i,
          enable_compression: false,
        });
      }

      // `&` in a filter value must not split the query string (a Python SDK bug).
      const byName = await client.getSamples(dataset.full_name, { name: "rose & tulip" });
      expect(byName.map((s) => s.name)).toEqual(["rose & tulip.jpg"]);
      const byMetadata = await client.getSamples(dataset.full_name, { metadata: "garden:north" });
      expect(byMetadata.map((s) => s.uuid)).toEqual([rose.uuid]);
      const sorted = await client.getSamples(dataset.full_name, { sort: "priority", direction: "desc" });
      expect(sorted[0]?.uuid).toBe(rose.uuid);
      const unlabeled = await client.getSamples(dataset.full_name, {
        labelset: "ground-truth",
        label_status: "LABELED",
      });
      expect(unlabeled).toEqual([]);

      const page2 = await client.getSamples(dataset.full_name, { per_page: 2, page: 2 });
      expect(page2).toHaveLength(2);
      const everything = await client.iterSamples(dataset.full_name, { per_page: 2 }).toArray();
      expect(everything.map((s) => s.name).sort()).toEqual(
        ["daisy.jpg", "iris.jpg", "lily.jpg", "orchid.jpg", "rose & tulip.jpg"].sort(),
      );
      // 5 samples, pages of 5: the full last page is followed by one more request that ends the iteration.
      expect(await client.iterSamples(dataset.full_name, { per_page: 5 }).toArray()).toHaveLength(5);

      const updated = await client.updateSample(rose.uuid, {
        priority: 7,
        assigned_labeler: null,
        readme: "r",
      });
      expect(updated.priority).toBe(7);
      expect(updated.assigned_labeler ?? null).toBeNull();

      const lily = everything.find((s) => s.name === "lily.jpg");
      await client.deleteSample(lily?.uuid ?? "");
      await expect(client.getSample(lily?.uuid ?? "")).rejects.toBeInstanceOf(NotFoundError);

      const rest = everything.filter((s) => s.name !== "lily.jpg" && s.name !== "rose & tulip.jpg");
      const deleted = await client.deleteSamples(dataset.full_name, [
        ...rest.map((s) => s.uuid),
        lily?.uuid ?? "",
      ]);
      expect(deleted.deleted_count).toBe(3);
      expect((await client.iterSamples(dataset.full_name).toArray()).map((s) => s.uuid)).toEqual([rose.uuid]);
    });

    test("addSamples: batches with concurrency and progress, in order, and repeating creates no duplicates", async () => {
      const target2 = await client.addDataset(uniqueName("bulk"), { task_type: "bboxes" });
      cleanup.push(target2.full_name);
      const input = Array.from({ length: 23 }, (_, i) => ({
        name: `s-${i}.jpg`,
        attributes: image(`s${i}`),
      }));
      const snapshot = JSON.stringify(input);
      const progress: number[] = [];
      const created = await client.addSamples(target2.full_name, input, {
        batchSize: 5,
        concurrency: 3,
        onProgress: ({ completed, total }) => {
          expect(total).toBe(23);
          progress.push(completed);
        },
      });
      expect(created.map((s) => s.name)).toEqual(input.map((s) => s.name));
      expect(progress).toHaveLength(5);
      expect(progress.at(-1)).toBe(23);
      expect(JSON.stringify(input)).toBe(snapshot); // the caller's objects are not mutated

      const again = await client.addSamples(target2.full_name, input.slice(0, 10), { batchSize: 4 });
      expect(again.map((s) => s.uuid)).toEqual(created.slice(0, 10).map((s) => s.uuid));
      expect(await client.iterSamples(target2.full_name).toArray()).toHaveLength(23);
      expect(await client.addSamples(target2.full_name, [])).toEqual([]);
    });

    test("labels and labelsets", async () => {
      const sample = await client.addSample(dataset.full_name, uniqueName("labeled"), image("labeled"));
      const attributes = {
        format_version: "0.1",
        annotations: [
          {
            id: 1,
            category_id: 1,
            type: "bbox" as const,
            points: [
              [1, 2],
              [30, 40],
            ],
          },
        ],
      };
      const label = await client.addLabel(sample.uuid, "ground-truth", attributes, {
        taskType: "bboxes",
        score: 0.5,
      });
      expect(label).toMatchObject({ label_status: "PRELABELED", score: 0.5, sample_uuid: sample.uuid });

      const read = await client.getLabel<"bboxes">(sample.uuid);
      expect(read.attributes?.annotations[0]?.points).toEqual([
        [1, 2],
        [30, 40],
      ]);
      const updated = await client.updateLabel(sample.uuid, "ground-truth", { label_status: "LABELED" });
      expect(updated.label_status).toBe("LABELED");
      const labeled = await client.getSamples(dataset.full_name, {
        labelset: "ground-truth",
        label_status: ["LABELED"],
      });
      expect(labeled.map((s) => s.uuid)).toEqual([sample.uuid]);
      const full = await client.getSamples(dataset.full_name, {
        labelset: "ground-truth",
        label_status: "LABELED",
        include_full_label: true,
      });
      expect(full[0]?.label).toMatchObject({ label_status: "LABELED" });

      await client.deleteLabel(sample.uuid, "ground-truth");
      await expect(client.getLabel(sample.uuid)).rejects.toBeInstanceOf(NotFoundError);

      const labelset = await client.addLabelset(dataset.full_name, "predictions", "model output");
      expect(labelset).toMatchObject({ name: "predictions", description: "model output" });
      expect((await client.getLabelsets(dataset.full_name)).map((l) => l.name)).toContain("predictions");
      expect((await client.getLabelset(dataset.full_name, "predictions")).name).toBe("predictions");
      await expect(client.addLabelset(dataset.full_name, "predictions")).rejects.toBeInstanceOf(
        AlreadyExistsError,
      );
      await client.deleteLabelset(dataset.full_name, "predictions");
      await expect(client.getLabelset(dataset.full_name, "predictions")).rejects.toBeInstanceOf(
        NotFoundError,
      );
      // A labelset name with a slash is encoded into one segment and cannot reach another route.
      await expect(client.getLabel(sample.uuid, "a/b")).rejects.toBeInstanceOf(NotFoundError);
    });

    test("getLabel with transformToEgoCoordinates returns a point cloud label in ego coordinates", async () => {
      const lidar = await client.addDataset(uniqueName("e2e-ego"), { task_type: "pointcloud-cuboid" });
      cleanup.push(lidar.full_name);
      // The vehicle stands at (10, 0, 0) facing +y (90 degrees about z); the cuboid is 5 m to its front in world +y.
      const heading = { qx: 0, qy: 0, qz: Math.SQRT1_2, qw: Math.SQRT1_2 };
      const sample = await client.addSample(
        lidar.full_name,
        "frame-0",
        {
          pcd: { url: "https://example.com/frame-0.pcd", type: "pcd" },
          ego_pose: { position: { x: 10, y: 0, z: 0 }, heading },
        },
        { taskType: "pointcloud-cuboid" },
      );
      const world = {
        id: 1,
        category_id: 1,
        type: "cuboid" as const,
        position: { x: 10, y: 5, z: 1 },
        dimensions: { x: 4, y: 2, z: 1.5 },
        yaw: Math.PI / 2,
        rotation: heading,
      };
      await client.addLabel(
        sample.uuid,
        "ground-truth",
        { format_version: "0.2", annotations: [world] },
        { taskType: "pointcloud-cuboid" },
      );

      const ego = await client.getLabel<"pointcloud-cuboid">(sample.uuid, "ground-truth", {
        transformToEgoCoordinates: true,
      });
      const box = ego.attributes?.annotations[0];
      expect(box?.position.x).toBeCloseTo(5);
      expect(box?.position.y).toBeCloseTo(0);
      expect(box?.position.z).toBeCloseTo(1);
      expect(box?.yaw).toBeCloseTo(0);
      expect(box?.rotation?.qz).toBeCloseTo(0);
      expect(box?.rotation?.qw).toBeCloseTo(1);
      expect(box?.dimensions).toEqual(world.dimensions);
      // Without the flag the stored (world) label comes back as it was saved.
      const stored = await client.getLabel<"pointcloud-cuboid">(sample.uuid);
      expect(stored.attributes?.annotations[0]?.position).toEqual(world.position);
      // An image sample has no ego pose to use.
      const picture = await client.addSample(dataset.full_name, uniqueName("ego-image"), image("ego-image"));
      await client.addLabel(picture.uuid, "ground-truth", { annotations: [] }, { taskType: "bboxes" });
      await expect(
        client.getLabel(picture.uuid, "ground-truth", { transformToEgoCoordinates: true }),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    test("issues: add, list, update, delete", async () => {
      const sample = await client.addSample(dataset.full_name, uniqueName("issue"), image("issue"));
      const issue = await client.addIssue(sample.uuid, "missing box", {
        anchor: { type: "location", frame: 0, location: { type: "2d", x: 1.5, y: 2 } },
      });
      expect(issue).toMatchObject({ description: "missing box", status: "OPEN", sample_uuid: sample.uuid });
      expect((await client.getIssues(dataset.full_name)).map((i) => i.uuid)).toContain(issue.uuid);
      expect((await client.updateIssue(issue.uuid, { status: "CLOSED" })).status).toBe("CLOSED");
      await client.deleteIssue(issue.uuid);
      expect((await client.getIssues(dataset.full_name)).map((i) => i.uuid)).not.toContain(issue.uuid);
    });

    test("releases: add, wait, list, get, delete", async () => {
      const name = uniqueName("v");
      const pending = await client.addRelease(dataset.full_name, name, "first");
      expect(pending.name).toBe(name);
      const done = await client.waitForRelease(dataset.full_name, name, {
        timeout: 60_000,
        pollInterval: 50,
      });
      expect(done.status).toBe("SUCCEEDED");
      expect(done.attributes.url).toMatch(/^https?:\/\//);
      expect((await client.getReleases(dataset.full_name)).map((r) => r.name)).toContain(name);
      expect((await client.getRelease(dataset.full_name, name)).uuid).toBe(pending.uuid);
      await client.deleteRelease(dataset.full_name, name);
      await expect(client.getRelease(dataset.full_name, name)).rejects.toBeInstanceOf(NotFoundError);
    });

    test("workunits: a page and the iterator agree", async () => {
      const page = await client.getWorkunits(dataset.full_name, {
        start: new Date(0),
        include_session_time_metrics: true,
      });
      const all = await client.iterWorkunits(dataset.full_name, { per_page: 1, direction: "asc" }).toArray();
      // The emulator records a workunit per label write (the labels test made two); the real service may not.
      if (target.kind === "emulator") expect(all.length).toBeGreaterThanOrEqual(2);
      expect(all.map((w) => w.sample_uuid).sort()).toEqual(page.map((w) => w.sample_uuid).sort());
    });

    test("uploadAsset from bytes and from a file path; the storage request carries no API key", async () => {
      const seen: { url: string; authorization: string | null }[] = [];
      const recording = target.client({
        fetch: (input, init) => {
          const url = input instanceof Request ? input.url : String(input);
          seen.push({ url, authorization: new Headers(init?.headers).get("authorization") });
          return fetch(input, init);
        },
      });
      const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
      const asset = await recording.uploadAsset(png, "bitmap.png");
      expect(asset.filename).toBe("bitmap.png");
      expect(seen).toHaveLength(2);
      expect(seen[0]?.authorization).toMatch(/^APIKey /);
      expect(seen[1]?.url).toBe(asset.presignedPostFields.url);
      expect(seen[1]?.authorization).toBeNull();

      const dir = await mkdtemp(join(tmpdir(), "sdk-e2e-"));
      try {
        await writeFile(join(dir, "a.png"), png);
        const fromPath = await client.uploadAsset(join(dir, "a.png"), "a.png");
        if (target.kind === "emulator") {
          const stored = new Uint8Array(await (await fetch(fromPath.url)).arrayBuffer());
          expect(stored).toEqual(png);
        }
      } finally {
        await rm(dir, { recursive: true });
      }
    });

    test("errors: bad key, server-side validation, client-side validation before any request", async () => {
      await expect(target.client({ apiKey: "wrong-key" }).getUser()).rejects.toBeInstanceOf(
        AuthenticationError,
      );
      const sample = await client.addSample(dataset.full_name, uniqueName("bad"), image("bad"));
      if (!target.behindValidatingProxy) {
        // Deliberately breaks the spec to see the server's own validation answer 400.
        await expect(
          client.updateSample(sample.uuid, { attributes: { image: "not an object" } as never }),
        ).rejects.toBeInstanceOf(BadRequestError);
      }

      let requests = 0;
      const counting = target.client({
        fetch: (input, init) => {
          requests++;
          return fetch(input, init);
        },
      });
      await expect(counting.getDataset("no-slash")).rejects.toThrow(/jane\/flowers/);
      await expect(
        counting.getSamples(dataset.full_name, { include_full_label: true }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(counting.getSamples(dataset.full_name, { per_page: 0 })).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(counting.deleteSamples(dataset.full_name, [])).rejects.toBeInstanceOf(ValidationError);
      await expect(
        counting.addLabel(sample.uuid, "ground-truth", { annotations: [] }, { score: Number.NaN }),
      ).rejects.toThrow(/score/);
      await expect(counting.getSample("..")).rejects.toBeInstanceOf(ValidationError);
      expect(requests).toBe(0);
    });
  });
}
