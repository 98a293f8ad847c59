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

type Action =
  | "view"
  | "label"
  | "review"
  | "resolveIssue"
  | "addCollaborator"
  | "editPriority"
  | "addSample"
  | "releases"
  | "settings";

/** Section 10 of the API reference: which role may do what (the owner may do everything). */
const TABLE: Record<string, Action[]> = {
  viewer: ["view"],
  labeler: ["view", "label"],
  reviewer: ["view", "label", "review"],
  manager: ["view", "label", "review", "resolveIssue", "addCollaborator", "editPriority"],
  admin: [
    "view",
    "label",
    "review",
    "resolveIssue",
    "addCollaborator",
    "editPriority",
    "addSample",
    "releases",
    "settings",
  ],
  owner: [
    "view",
    "label",
    "review",
    "resolveIssue",
    "addCollaborator",
    "editPriority",
    "addSample",
    "releases",
    "settings",
  ],
};
const ACTIONS: Action[] = [
  "view",
  "label",
  "review",
  "resolveIssue",
  "addCollaborator",
  "editPriority",
  "addSample",
  "releases",
  "settings",
];

interface Fixture {
  dataset: string;
  sampleUuid: string;
  issueUuid: string;
}

/** Performs one action as `actor` and returns the status code. */
async function attempt(actor: Request, action: Action, f: Fixture): Promise<number> {
  switch (action) {
    case "view":
      return (await actor("GET", `/datasets/${f.dataset}/samples/`)).status;
    case "label":
      return (
        await actor("PUT", `/labels/${f.sampleUuid}/ground-truth/`, {
          label_status: "LABELED",
          attributes: vectorLabel,
        })
      ).status;
    case "review":
      return (await actor("PATCH", `/labels/${f.sampleUuid}/ground-truth/`, { label_status: "REVIEWED" }))
        .status;
    case "resolveIssue":
      return (await actor("PATCH", `/issues/${f.issueUuid}/`, { status: "CLOSED" })).status;
    case "addCollaborator":
      return (
        await actor("POST", `/datasets/${f.dataset}/collaborators/`, { user: "stranger", role: "labeler" })
      ).status;
    case "editPriority":
      return (await actor("PATCH", `/samples/${f.sampleUuid}/`, { priority: 3 })).status;
    case "addSample":
      return (
        await actor("POST", `/datasets/${f.dataset}/samples/`, {
          name: "new.jpg",
          attributes: imageAttributes("n"),
        })
      ).status;
    case "releases":
      return (await actor("GET", `/datasets/${f.dataset}/releases/`)).status;
    case "settings":
      return (await actor("PATCH", `/datasets/${f.dataset}/`, { description: "changed" })).status;
  }
}

describe("permissions per role (reference section 10)", () => {
  let emulator: Emulator;
  let jane: Request;
  beforeAll(async () => {
    emulator = await start();
    jane = client(emulator);
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  /** A fresh dataset of jane's with one labeled sample and one open issue; `role` joins as collaborator. */
  async function fixture(name: string, role: string): Promise<Fixture> {
    await createDataset(jane, name, { public: role === "viewer" });
    if (role !== "viewer" && role !== "owner") {
      const added = await jane("POST", `/datasets/jane/${name}/collaborators/`, { user: role, role });
      expect(added.status).toBe(201);
    }
    const sample = await createSample(jane, `jane/${name}`, "s.jpg");
    await jane("PUT", `/labels/${sample.uuid}/ground-truth/`, {
      label_status: "LABELED",
      attributes: vectorLabel,
    });
    const issue = await jane("POST", `/samples/${sample.uuid}/issues/`, { description: "check" });
    return { dataset: `jane/${name}`, sampleUuid: sample.uuid, issueUuid: issue.body.uuid };
  }

  for (const [role, allowed] of Object.entries(TABLE)) {
    it(`${role}: may ${allowed.join(", ")}; nothing else`, async () => {
      const f = await fixture(`perm-${role}`, role);
      // Viewers are modelled as any other user on a public dataset.
      const actor =
        role === "owner" ? jane : client(emulator, role === "viewer" ? "stranger-key" : `${role}-key`);
      const outcome: Record<string, boolean> = {};
      for (const action of ACTIONS) {
        const status = await attempt(actor, action, f);
        expect([200, 201, 403], `${role} ${action} answered ${status}`).toContain(status);
        outcome[action] = status !== 403;
      }
      expect(outcome).toEqual(
        Object.fromEntries(ACTIONS.map((action) => [action, allowed.includes(action)])),
      );
      // Every role, viewers included, may open an issue.
      expect((await actor("POST", `/samples/${f.sampleUuid}/issues/`, { description: "mine" })).status).toBe(
        201,
      );
    });
  }

  it("makes a private dataset invisible (404) to non-collaborators, for reads and writes", async () => {
    const f = await fixture("private-one", "owner");
    const stranger = client(emulator, "stranger-key");
    for (const action of ACTIONS) expect(await attempt(stranger, action, f)).toBe(404);
    expect((await stranger("GET", `/samples/${f.sampleUuid}/`)).status).toBe(404);
    expect((await stranger("GET", `/labels/${f.sampleUuid}/ground-truth/`)).status).toBe(404);
  });

  it("lets managers manage non-admin collaborators only; admins manage all", async () => {
    await fixture("collab", "manager");
    const manager = client(emulator, "manager-key");
    expect(
      (await manager("POST", "/datasets/jane/collab/collaborators/", { user: "admin", role: "admin" }))
        .status,
    ).toBe(403);
    expect(
      (await manager("POST", "/datasets/jane/collab/collaborators/", { user: "labeler", role: "reviewer" }))
        .status,
    ).toBe(201);
    const fetched = await manager("GET", "/datasets/jane/collab/collaborators/labeler");
    expect(fetched.body).toMatchObject({ user: { username: "labeler" }, role: "reviewer" });
    const promoted = await manager("PATCH", "/datasets/jane/collab/collaborators/labeler", { role: "admin" });
    expect(promoted.status).toBe(403);
    expect(
      (await manager("PATCH", "/datasets/jane/collab/collaborators/labeler", { role: "labeler" })).body.role,
    ).toBe("labeler");
    expect(
      (await jane("POST", "/datasets/jane/collab/collaborators/", { user: "admin", role: "admin" })).status,
    ).toBe(201);
    expect((await manager("DELETE", "/datasets/jane/collab/collaborators/admin")).status).toBe(403);
    expect((await jane("DELETE", "/datasets/jane/collab/collaborators/admin")).status).toBe(204);
    expect((await jane("GET", "/datasets/jane/collab/collaborators/admin")).status).toBe(404);
    const again = await jane("POST", "/datasets/jane/collab/collaborators/", {
      user: "manager",
      role: "labeler",
    });
    expect(again.status).toBe(400);
    expect(again.body.detail).toContain("already a collaborator");
  });

  it("lets a collaborator see the dataset in /user/datasets/ with their role", async () => {
    await fixture("listed", "reviewer");
    const reviewer = client(emulator, "reviewer-key");
    const listed = await reviewer("GET", "/user/datasets/");
    const entry = listed.body.find((dataset: { full_name: string }) => dataset.full_name === "jane/listed");
    expect(entry).toMatchObject({ role: "reviewer" });
  });
});
