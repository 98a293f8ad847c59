import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import {
  client,
  createDataset,
  createSample,
  imageAttributes,
  type Request,
  sleep,
  start,
  vectorLabel,
} from "./helpers.js";

const otherLabel = { format_version: "0.1", annotations: [] };

async function waitForRelease(request: Request, path: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const release = (await request("GET", path)).body;
    if (release.status !== "PENDING") return release;
    await sleep(20);
  }
  throw new Error(`release ${path} stayed PENDING`);
}

/** A request body sent in two halves, the second only once `release()` is called. */
function twoHalves(json: Buffer) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let firstSent: () => void = () => {};
  const firstHalfSent = new Promise<void>((resolve) => {
    firstSent = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(json.subarray(0, json.length / 2)));
      firstSent();
      await released;
      controller.enqueue(new Uint8Array(json.subarray(json.length / 2)));
      controller.close();
    },
  });
  return { body, firstHalfSent, release };
}

describe("consistency under concurrent writes", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({ releaseDelayMs: 400 });
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("resets the review when a labeler changes a REVIEWED label (status LABELED, reviewer cleared)", async () => {
    await createDataset(jane, "reviewed");
    await jane("POST", "/datasets/jane/reviewed/collaborators/", { user: "labeler", role: "labeler" });
    await jane("POST", "/datasets/jane/reviewed/collaborators/", { user: "reviewer", role: "reviewer" });
    const labeler = client(emulator, "labeler-key");
    const reviewer = client(emulator, "reviewer-key");
    const sample = await createSample(jane, "jane/reviewed", "r.jpg");
    const path = `/labels/${sample.uuid}/ground-truth/`;
    await labeler("PUT", path, { attributes: vectorLabel, label_status: "LABELED" });
    expect((await reviewer("PATCH", path, { label_status: "REVIEWED" })).body).toMatchObject({
      label_status: "REVIEWED",
      reviewed_by: "reviewer",
    });

    const changed = await labeler("PATCH", path, { attributes: otherLabel });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      attributes: otherLabel,
      label_status: "LABELED",
      reviewed_by: null,
      reviewed_at: null,
    });
    // A full replacement by the labeler resets it too, and a labeler still cannot approve.
    await reviewer("PATCH", path, { label_status: "REVIEWED" });
    const replaced = await labeler("PUT", path, { attributes: vectorLabel, label_status: "LABELED" });
    expect(replaced.body).toMatchObject({ label_status: "LABELED", reviewed_by: null });
    expect((await labeler("PATCH", path, { label_status: "REVIEWED" })).status).toBe(403);
    // A reviewer editing a reviewed label keeps the review (it is theirs to give).
    await reviewer("PATCH", path, { label_status: "REVIEWED" });
    const byReviewer = await reviewer("PATCH", path, { attributes: otherLabel });
    expect(byReviewer.body).toMatchObject({ label_status: "REVIEWED", reviewed_by: "reviewer" });
  });

  it("builds a release from a snapshot taken when it was requested, whatever writes race with the build", async () => {
    await createDataset(jane, "snap");
    const samples = [];
    for (const name of ["a.jpg", "b.jpg", "c.jpg"]) samples.push(await createSample(jane, "jane/snap", name));
    const [a, b] = samples;
    await jane("PUT", `/labels/${a.uuid}/ground-truth/`, {
      attributes: vectorLabel,
      label_status: "LABELED",
    });

    const requested = await jane("POST", "/datasets/jane/snap/releases/", { name: "v1" });
    expect(requested.body).toMatchObject({ status: "PENDING", samples_count: 3 });
    // Writes while the release is pending: more samples, a changed label, a deleted sample.
    await jane("POST", "/datasets/jane/snap/samples_bulk/", [
      { name: "d.jpg", attributes: imageAttributes("d.jpg") },
      { name: "e.jpg", attributes: imageAttributes("e.jpg") },
    ]);
    await jane("PUT", `/labels/${a.uuid}/ground-truth/`, {
      attributes: otherLabel,
      label_status: "REVIEWED",
    });
    await jane("DELETE", `/samples/${b.uuid}/`);

    const release = await waitForRelease(jane, "/datasets/jane/snap/releases/v1/");
    expect(release).toMatchObject({ status: "SUCCEEDED", samples_count: 3 });
    const file = await (await fetch(release.attributes.url)).json();
    const names = file.dataset.samples.map((sample: { name: string }) => sample.name);
    expect(names).toEqual(["a.jpg", "b.jpg", "c.jpg"]);
    expect(file.dataset.samples[0].labels["ground-truth"]).toMatchObject({
      label_status: "LABELED",
      attributes: vectorLabel,
    });
  });

  it("never writes a bulk add whose dataset was deleted and re-created while its body arrived", async () => {
    await createDataset(jane, "reborn");
    const items = Array.from({ length: 50 }, (_, i) => ({
      name: `old-${i}.jpg`,
      attributes: imageAttributes("o"),
    }));
    const { body, firstHalfSent, release } = twoHalves(Buffer.from(JSON.stringify(items)));
    const bulk = fetch(`${emulator.url}/datasets/jane/reborn/samples_bulk/`, {
      method: "POST",
      headers: { Authorization: "APIKey jane-key", "Content-Type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    await firstHalfSent;
    await sleep(200); // the server has the request (and half its body) by now
    expect((await jane("DELETE", "/datasets/jane/reborn/")).status).toBe(204);
    await createDataset(jane, "reborn");
    release();
    expect((await bulk).status).toBe(404);
    expect((await jane("GET", "/datasets/jane/reborn/samples/")).body).toEqual([]);
    expect((await jane("GET", "/datasets/jane/reborn/")).body.samples_count).toBe(0);
  });

  it("stops a chunked bulk add whose dataset is deleted between chunks; the new namesake stays empty", async () => {
    await createDataset(jane, "chunked");
    const items = Array.from({ length: 8000 }, (_, i) => ({
      name: `c-${i}.jpg`,
      attributes: imageAttributes("c"),
    }));
    const bulk = jane("POST", "/datasets/jane/chunked/samples_bulk/", items);
    // Delete and re-create as soon as the first samples are written (other requests are served between chunks).
    let replaced = false;
    while (!replaced) {
      const listed = await jane("GET", "/datasets/jane/chunked/samples/?per_page=1");
      if (listed.body.length > 0) {
        await jane("DELETE", "/datasets/jane/chunked/");
        await createDataset(jane, "chunked");
        replaced = true;
      }
    }
    expect([201, 404]).toContain((await bulk).status);
    expect((await jane("GET", "/datasets/jane/chunked/samples/")).body).toEqual([]);
    expect((await jane("GET", "/datasets/jane/chunked/")).body.samples_count).toBe(0);
  });
});
