// Issue 23: the emulator answers what production answers where production's model differs from a plain role table:
// a visible-but-forbidden dataset (403), datasets whose releases production refuses, and no invented workunits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, createSample, type Request, start, USERS } from "./helpers.js";

describe("production's answers", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start({
      strict: true,
      organizations: [{ name: "acme", members: [{ username: "jane", role: "admin" }], guests: ["stranger"] }],
    });
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("createRelease: 400 on 3-D segmentation datasets, whose release files production does not support", async () => {
    for (const taskType of ["pointcloud-segmentation", "pointcloud-segmentation-sequence"]) {
      await jane("POST", "/user/datasets/", { name: taskType, task_type: taskType });
      const answer = await jane("POST", `/datasets/jane/${taskType}/releases/`, { name: "v1" });
      expect(answer.status, taskType).toBe(400);
      expect(answer.body.detail).toContain("not supported");
      expect((await jane("GET", `/datasets/jane/${taskType}/releases/`)).body).toEqual([]);
    }
    await jane("POST", "/user/datasets/", { name: "cuboids", task_type: "pointcloud-cuboid" });
    expect((await jane("POST", "/datasets/jane/cuboids/releases/", { name: "v1" })).status).toBe(201);
  });

  it("a guest of an organization sees its private datasets exist: 403 on every request, not 404", async () => {
    expect(
      (await jane("POST", "/organizations/acme/datasets/", { name: "secret", task_type: "vector" })).status,
    ).toBe(201);
    const sample = await createSample(jane, "acme/secret", "s.jpg");
    const guest = client(emulator, "stranger-key");
    const outsider = client(emulator, USERS.find((user) => user.username === "viewer")?.apiKey ?? null);
    for (const [method, path] of [
      ["GET", "/datasets/acme/secret/"],
      ["GET", "/datasets/acme/secret/samples/"],
      ["GET", `/samples/${sample.uuid}/`],
      ["GET", `/labels/${sample.uuid}/ground-truth/`],
      ["POST", `/samples/${sample.uuid}/issues/`],
    ] as const) {
      const body = method === "POST" ? { description: "hi" } : undefined;
      const answer = await guest(method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.detail).toMatch(/do not have permission/);
      expect((await outsider(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    const listed = await guest("GET", "/users/acme/datasets/");
    expect(listed.body.map((dataset: { name: string }) => dataset.name)).toEqual(["secret"]);
    expect(listed.body[0]).not.toHaveProperty("role");
  });
});
