// Issue 23: by default the emulator is as lenient as production (Django REST Framework); strict mode turns unknown
// body fields into 400s naming them and records every other leniency as a warning. Each case runs in both modes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCli } from "../src/cli-args.js";
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

const names = (samples: { name: string }[]) => samples.map((sample) => sample.name);

describe.each([
  { mode: "default (lenient)", strict: false },
  { mode: "strict", strict: true },
])("$mode", ({ strict }) => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({ strict, log: () => {} });
    jane = client(emulator);
    await createDataset(jane, "cats");
    await createDataset(jane, "scratch");
    for (const name of ["b.jpg", "a.jpg", "c.jpg"]) {
      await createSample(jane, "jane/cats", name, { priority: name === "c.jpg" ? 1 : 0 });
    }
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it.each([
    ["createDataset", "POST", "/user/datasets/", { name: "typo", task_type: "vector", pubic: true }, "pubic"],
    [
      "createSample",
      "POST",
      "/datasets/jane/scratch/samples/",
      { name: "t.jpg", attributes: imageAttributes("t"), metdata: { a: 1 } },
      "metdata",
    ],
    [
      "createSamples",
      "POST",
      "/datasets/jane/scratch/samples_bulk/",
      [{ name: "u.jpg", attributes: imageAttributes("u"), priorty: 2 }],
      "[0].priorty",
    ],
  ])("%s: an unknown body field is %s", async (_, method, path, body, field) => {
    const answer = await jane(method, path, body);
    if (strict) {
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toContain(`\`${field}\` is not allowed (unknown field)`);
      return;
    }
    expect(answer.status).toBe(201);
    const created = Array.isArray(answer.body) ? answer.body[0] : answer.body;
    const unknown = field.replace(/^\[0\]\./, "");
    expect(created).not.toHaveProperty(unknown); // ignored, not stored
  });

  it("ignores unknown fields of a bulk add long enough to be checked in chunks", async () => {
    await createDataset(jane, "bulk");
    const items = Array.from({ length: 1001 }, (_, i) => ({
      name: `bulk-${i}.jpg`,
      attributes: imageAttributes("b"),
    }));
    items[1000] = { ...items[1000], colour: "red" } as (typeof items)[number];
    const answer = await jane("POST", "/datasets/jane/bulk/samples_bulk/", items);
    expect(answer.status).toBe(strict ? 400 : 201);
    if (strict) expect(answer.body.detail).toContain("`[1000].colour` is not allowed");
    else expect(answer.body[1000]).not.toHaveProperty("colour");
  });

  it("updateSample and putLabel: an unknown field never changes the label or sample", async () => {
    await createDataset(jane, "updates");
    const sample = await createSample(jane, "jane/updates", "upd.jpg");
    const patch = await jane("PATCH", `/samples/${sample.uuid}/`, { priority: 5, nmae: "x.jpg" });
    expect(patch.status).toBe(strict ? 400 : 200);
    if (!strict) expect(patch.body).toMatchObject({ name: "upd.jpg", priority: 5 });
    const put = await jane("PUT", `/labels/${sample.uuid}/ground-truth/`, {
      attributes: vectorLabel,
      scroe: 1,
    });
    expect(put.status).toBe(strict ? 400 : 201);
    if (strict) expect(put.body.detail).toContain("`scroe`");
  });

  it.each(["created", "-created", "updated_at", "colour"])(
    "sort=%s (unknown to production's ordering filter) is ignored: the default order by name",
    async (sort) => {
      const answer = await jane("GET", `/datasets/jane/cats/samples/?sort=${sort}&name__contains=.jpg`);
      expect(answer.status).toBe(200);
      expect(names(answer.body).slice(0, 3)).toEqual(["a.jpg", "b.jpg", "c.jpg"]);
      const warned = emulator.warnings.some((w) => w.includes(`unknown sort value "${sort}"`));
      expect(warned).toBe(strict);
    },
  );

  it("still applies every sort key production knows", async () => {
    const answer = await jane("GET", "/datasets/jane/cats/samples/?sort=-priority&name__contains=.jpg");
    expect(names(answer.body)[0]).toBe("c.jpg");
    const workunits = await jane("GET", "/datasets/jane/cats/workunits/?sort=created");
    expect(workunits).toMatchObject({ status: 200, body: [] });
  });

  it("merges a repeated array query parameter like its comma form, never keeping only the first", async () => {
    const [first, second] = await Promise.all(
      ["a.jpg", "b.jpg"].map((name) => jane("GET", `/datasets/jane/cats/samples/?name__contains=${name}`)),
    );
    await jane("PUT", `/labels/${first?.body[0].uuid}/ground-truth/`, {
      attributes: vectorLabel,
      label_status: "LABELED",
    });
    await jane("PUT", `/labels/${second?.body[0].uuid}/ground-truth/`, {
      attributes: vectorLabel,
      label_status: "PRELABELED",
    });
    const repeated = await jane(
      "GET",
      "/datasets/jane/cats/samples/?labelset=ground-truth&label_status=LABELED&label_status=PRELABELED",
    );
    const comma = await jane(
      "GET",
      "/datasets/jane/cats/samples/?labelset=ground-truth&label_status=LABELED,PRELABELED",
    );
    expect(repeated.status).toBe(200);
    expect(names(repeated.body)).toEqual(["a.jpg", "b.jpg"]);
    expect(names(repeated.body)).toEqual(names(comma.body));
    expect(emulator.warnings.some((w) => w.includes("`label_status` was given 2 times"))).toBe(strict);
  });

  it("answers a repeated scalar query parameter with different values with a 400 naming it", async () => {
    const answer = await jane("GET", "/datasets/jane/cats/samples/?per_page=1&per_page=2");
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain("`per_page` was given 2 times");
    expect(answer.body.per_page).toBeDefined();
    const same = await jane("GET", "/datasets/jane/cats/samples/?per_page=1&per_page=1");
    expect(same.body).toHaveLength(1);
  });

  it("ignores unknown query parameters (strict mode warns, naming them)", async () => {
    const answer = await jane("GET", "/datasets/jane/cats/samples/?per_pge=1");
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBeGreaterThan(1);
    expect(emulator.warnings.some((w) => w.includes("unknown query parameter `per_pge`"))).toBe(strict);
  });

  it("accepts a sequence frame with an empty image URL (the Python SDK's fixtures send one)", async () => {
    await jane("POST", "/user/datasets/", { name: "video", task_type: "image-vector-sequence" });
    const frames = [{ image: { url: "https://example.com/1.jpg" } }, { image: { url: "" } }];
    const answer = await jane("POST", "/datasets/jane/video/samples/", {
      name: "clip",
      attributes: { frames },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.attributes.frames[1].image.url).toBe("");
  });

  it("names the real field of a bad frame", async () => {
    const frames = [{ image: { url: "https://example.com/1.jpg" } }, { image: { url: 5 } }];
    const answer = await jane("POST", "/datasets/jane/video/samples/", {
      name: "bad",
      attributes: { frames },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain("attributes.frames[1].image.url");
  });

  it.each([
    ["pointcloud-vector", { format_version: "0.2", annotations: [polygon2d()] }],
    [
      "pointcloud-vector-sequence",
      {
        format_version: "0.2",
        frames: [{ annotations: [{ ...polygon2d(), track_id: 8, is_keyframe: true }] }],
      },
    ],
  ])("accepts 2-D points in a %s polygon, as production does", async (taskType, attributes) => {
    const dataset = `pc-${taskType}`;
    await jane("POST", "/user/datasets/", { name: dataset, task_type: taskType });
    const pcd = { pcd: { url: "https://example.com/a.pcd", type: "kitti" } };
    const sampleAttributes = taskType.endsWith("sequence") ? { frames: [pcd] } : pcd;
    const sample = await jane("POST", `/datasets/jane/${dataset}/samples/`, {
      name: "s",
      attributes: sampleAttributes,
    });
    expect(sample.status).toBe(201);
    const label = await jane("PUT", `/labels/${sample.body.uuid}/ground-truth/`, { attributes });
    expect(label.status).toBe(201);
    const bad = structuredClone(attributes) as {
      annotations?: unknown[];
      frames?: { annotations: unknown[] }[];
    };
    const annotations = bad.annotations ?? bad.frames?.[0]?.annotations ?? [];
    (annotations[0] as { points: number[][] }).points = [[1]];
    expect((await jane("PUT", `/labels/${sample.body.uuid}/ground-truth/`, { attributes: bad })).status).toBe(
      400,
    );
  });
});

function polygon2d() {
  return {
    id: 3,
    category_id: 2,
    type: "polygon",
    points: [
      [12.34, 56.78],
      [90.12, 34.56],
      [78.91, 23.45],
    ],
  };
}

describe("strict mode switches", () => {
  it("is off by default outside our suites, on with SEGMENTS_EMULATOR_STRICT=1 (which vitest.shared.ts sets)", async () => {
    expect(process.env.SEGMENTS_EMULATOR_STRICT).toBe("1");
    const byEnvironment = await start({ log: () => {} });
    const lenient = await start({ strict: false, log: () => {} });
    try {
      const body = { name: "x", task_type: "vector", colour: "red" };
      expect((await client(byEnvironment)("POST", "/user/datasets/", body)).status).toBe(400);
      expect((await client(lenient)("POST", "/user/datasets/", body)).status).toBe(201);
    } finally {
      await Promise.all([byEnvironment.close(), lenient.close()]);
    }
  });

  it("is the CLI's --strict flag (which also validates responses)", () => {
    expect(parseCli(["--strict"])).toMatchObject({ strict: true, validateResponses: true });
    expect(parseCli([])).toMatchObject({ strict: undefined, validateResponses: false });
  });

  it("makes close() reject when a response broke the spec", async () => {
    const strictEmulator = await start({ strict: true, log: () => {} });
    const lenient = await start({ strict: false, log: () => {} });
    for (const emulator of [strictEmulator, lenient]) {
      (emulator.violations as unknown[]).push({
        operationId: "getApiStatus",
        method: "GET",
        path: "/api_status/",
        status: 418,
        message: "status 418 is not declared for getApiStatus",
      });
    }
    await expect(strictEmulator.close()).rejects.toThrow(/1 response\(s\) did not conform.*418/s);
    await expect(lenient.close()).resolves.toBeUndefined();
  });
});
