/**
 * Access-control matrix on the emulator: anonymous, wrong key, non-collaborator, labeler, reviewer, manager, admin,
 * owner and organization member, times every dataset operation, on a private and a public dataset. The allowed set
 * must be exactly the documented one (section 10 of the API reference); everything else is 403, or 404 when the
 * dataset is private and the caller has no standing on it (no existence leak: the answer is byte-identical to the
 * one for a dataset that does not exist), or 401 without valid credentials.
 *
 * Each cell gets a fresh dataset, so destructive operations never affect another cell.
 *
 * Over 400 lines because the documented permissions and every dataset operation (with the request that exercises
 * it) are written out here from the reference, not taken from the emulator's own permission table, which would test
 * the table against itself.
 */
import { randomUUID } from "node:crypto";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bump, recordFigures } from "../src/report.ts";

/** Permissions of section 10, plus the two the emulator README documents on top (workunits, granting admin). */
type Permission =
  | "view"
  | "createIssue"
  | "label"
  | "review"
  | "manageIssues"
  | "manageCollaborators"
  | "grantAdmin"
  | "editAssignment"
  | "addDeleteSamples"
  | "releases"
  | "settings"
  | "workunits";
type Standing = "viewer" | "labeler" | "reviewer" | "manager" | "admin" | "owner";

/** Section 10 of the reference, written out: who may do what. The owner may do everything. */
const DOCUMENTED: Record<Standing, readonly Permission[]> = {
  viewer: ["view", "createIssue"],
  labeler: ["view", "createIssue", "label"],
  reviewer: ["view", "createIssue", "label", "review"],
  manager: [
    "view",
    "createIssue",
    "label",
    "review",
    "manageIssues",
    "manageCollaborators",
    "editAssignment",
    "workunits",
  ],
  admin: [
    "view",
    "createIssue",
    "label",
    "review",
    "manageIssues",
    "manageCollaborators",
    "grantAdmin",
    "editAssignment",
    "workunits",
    "addDeleteSamples",
    "releases",
    "settings",
  ],
  owner: [
    "view",
    "createIssue",
    "label",
    "review",
    "manageIssues",
    "manageCollaborators",
    "grantAdmin",
    "editAssignment",
    "workunits",
    "addDeleteSamples",
    "releases",
    "settings",
  ],
};

interface Fixture {
  full: string;
  sample: string;
  issue: string;
}

interface Operation {
  name: string;
  permission: Permission;
  request(fixture: Fixture, cell: number): { method: string; path: string; body?: unknown };
}

const image = { image: { url: "https://example.com/a.jpg" } };
const boxes = { format_version: "0.1", annotations: [] };

const OPERATIONS: Operation[] = [
  {
    name: "getDataset",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/` }),
  },
  {
    name: "updateDataset",
    permission: "settings",
    request: (f) => ({ method: "PATCH", path: `/datasets/${f.full}/`, body: { description: "changed" } }),
  },
  {
    name: "deleteDataset",
    permission: "settings",
    request: (f) => ({ method: "DELETE", path: `/datasets/${f.full}/` }),
  },
  {
    name: "cloneDataset",
    permission: "view",
    request: (f, cell) => ({
      method: "POST",
      path: `/datasets/${f.full}/clone/`,
      body: { name: `clone-${cell}` },
    }),
  },
  {
    name: "listSamples",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/samples/` }),
  },
  {
    name: "getSample",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/samples/${f.sample}/` }),
  },
  {
    name: "createSample",
    permission: "addDeleteSamples",
    request: (f) => ({
      method: "POST",
      path: `/datasets/${f.full}/samples/`,
      body: { name: "new.jpg", attributes: image },
    }),
  },
  {
    name: "createSamples",
    permission: "addDeleteSamples",
    request: (f) => ({
      method: "POST",
      path: `/datasets/${f.full}/samples_bulk/`,
      body: [{ name: "bulk.jpg", attributes: image }],
    }),
  },
  {
    name: "updateSample (metadata)",
    permission: "addDeleteSamples",
    request: (f) => ({
      method: "PATCH",
      path: `/samples/${f.sample}/`,
      body: { metadata: { weather: "rain" } },
    }),
  },
  {
    name: "updateSample (priority)",
    permission: "editAssignment",
    request: (f) => ({ method: "PATCH", path: `/samples/${f.sample}/`, body: { priority: 5 } }),
  },
  {
    name: "deleteSample",
    permission: "addDeleteSamples",
    request: (f) => ({ method: "DELETE", path: `/samples/${f.sample}/` }),
  },
  {
    name: "deleteSamples",
    permission: "addDeleteSamples",
    request: (f) => ({
      method: "DELETE",
      path: `/datasets/${f.full}/samples_bulk/`,
      body: { uuids: [f.sample] },
    }),
  },
  {
    name: "getLabel",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/labels/${f.sample}/ground-truth/` }),
  },
  {
    name: "putLabel (LABELED)",
    permission: "label",
    request: (f) => ({
      method: "PUT",
      path: `/labels/${f.sample}/ground-truth/`,
      body: { attributes: boxes, label_status: "LABELED" },
    }),
  },
  {
    name: "putLabel (REVIEWED)",
    permission: "review",
    request: (f) => ({
      method: "PUT",
      path: `/labels/${f.sample}/ground-truth/`,
      body: { attributes: boxes, label_status: "REVIEWED" },
    }),
  },
  {
    name: "updateLabel",
    permission: "label",
    request: (f) => ({
      method: "PATCH",
      path: `/labels/${f.sample}/ground-truth/`,
      body: { label_status: "LABELED" },
    }),
  },
  {
    name: "deleteLabel",
    permission: "label",
    request: (f) => ({ method: "DELETE", path: `/labels/${f.sample}/ground-truth/` }),
  },
  {
    name: "listLabelsets",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/labelsets/` }),
  },
  {
    name: "getLabelset",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/labelsets/ground-truth/` }),
  },
  {
    name: "createLabelset",
    permission: "settings",
    request: (f) => ({
      method: "POST",
      path: `/datasets/${f.full}/labelsets/`,
      body: { name: "predictions", attributes: "{}" },
    }),
  },
  {
    name: "deleteLabelset",
    permission: "settings",
    request: (f) => ({ method: "DELETE", path: `/datasets/${f.full}/labelsets/extra/` }),
  },
  {
    name: "listIssues",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/issues/` }),
  },
  {
    name: "createIssue",
    permission: "createIssue",
    request: (f) => ({ method: "POST", path: `/samples/${f.sample}/issues/`, body: { description: "look" } }),
  },
  {
    name: "resolveIssue",
    permission: "manageIssues",
    request: (f) => ({ method: "PATCH", path: `/issues/${f.issue}/`, body: { status: "CLOSED" } }),
  },
  {
    name: "deleteIssue",
    permission: "manageIssues",
    request: (f) => ({ method: "DELETE", path: `/issues/${f.issue}/` }),
  },
  {
    name: "listReleases",
    permission: "releases",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/releases/` }),
  },
  {
    name: "getRelease",
    permission: "releases",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/releases/r1/` }),
  },
  {
    name: "createRelease",
    permission: "releases",
    request: (f) => ({ method: "POST", path: `/datasets/${f.full}/releases/`, body: { name: "r2" } }),
  },
  {
    name: "deleteRelease",
    permission: "releases",
    request: (f) => ({ method: "DELETE", path: `/datasets/${f.full}/releases/r1/` }),
  },
  {
    name: "listWorkunits",
    permission: "workunits",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/workunits/` }),
  },
  {
    name: "getCollaborator",
    permission: "view",
    request: (f) => ({ method: "GET", path: `/datasets/${f.full}/collaborators/extra` }),
  },
  {
    name: "addCollaborator (labeler)",
    permission: "manageCollaborators",
    request: (f) => ({
      method: "POST",
      path: `/datasets/${f.full}/collaborators/`,
      body: { user: "newcomer", role: "labeler" },
    }),
  },
  {
    name: "addCollaborator (admin)",
    permission: "grantAdmin",
    request: (f) => ({
      method: "POST",
      path: `/datasets/${f.full}/collaborators/`,
      body: { user: "newcomer", role: "admin" },
    }),
  },
  {
    name: "updateCollaborator",
    permission: "manageCollaborators",
    request: (f) => ({
      method: "PATCH",
      path: `/datasets/${f.full}/collaborators/extra`,
      body: { role: "reviewer" },
    }),
  },
  {
    name: "deleteCollaborator",
    permission: "manageCollaborators",
    request: (f) => ({ method: "DELETE", path: `/datasets/${f.full}/collaborators/extra` }),
  },
];

const ROLE_USERS = ["labeler", "reviewer", "manager", "admin"] as const;
const USERS = ["jane", ...ROLE_USERS, "stranger", "member", "extra", "newcomer"].map((username) => ({
  username,
  apiKey: `${username}-key-acl`,
}));
const keyOf = (username: string) => `${username}-key-acl`;

interface Subject {
  name: string;
  /** Authorization header value, or undefined for none. */
  authorization: string | undefined;
  /** The subject's standing on the dataset, from its role and the dataset's visibility (undefined: none). */
  standing(owner: "jane" | "acme", visibility: "private" | "public"): Standing | undefined;
}

const publicViewer = (visibility: string): Standing | undefined =>
  visibility === "public" ? "viewer" : undefined;

const SUBJECTS: Subject[] = [
  { name: "anonymous", authorization: undefined, standing: () => undefined },
  { name: "wrong key", authorization: "APIKey not-a-real-key", standing: () => undefined },
  {
    name: "non-collaborator",
    authorization: `APIKey ${keyOf("stranger")}`,
    standing: (_, v) => publicViewer(v),
  },
  ...ROLE_USERS.map(
    (role): Subject => ({
      name: role,
      authorization: `APIKey ${keyOf(role)}`,
      standing: (owner, v) => (owner === "jane" ? role : publicViewer(v)),
    }),
  ),
  {
    name: "owner",
    authorization: `APIKey ${keyOf("jane")}`,
    standing: (owner, v) => (owner === "jane" ? "owner" : publicViewer(v)),
  },
  {
    name: "organization member (labeler)",
    authorization: `APIKey ${keyOf("member")}`,
    standing: (owner, v) => (owner === "acme" ? "labeler" : publicViewer(v)),
  },
];

function expectedStatus(
  subject: Subject,
  standing: Standing | undefined,
  permission: Permission,
): "2xx" | number {
  if (subject.name === "anonymous" || subject.name === "wrong key") return 401;
  if (standing === undefined) return 404;
  return DOCUMENTED[standing].includes(permission) ? "2xx" : 403;
}

describe("access-control matrix", () => {
  let emulator: Emulator;
  let cellCounter = 0;

  async function call(authorization: string | undefined, method: string, path: string, body?: unknown) {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        ...(authorization ? { Authorization: authorization } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  async function asJane(method: string, path: string, body?: unknown) {
    const answer = await call(`APIKey ${keyOf("jane")}`, method, path, body);
    if (answer.status >= 300) throw new Error(`fixture ${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.text ? JSON.parse(answer.text) : undefined;
  }

  /** A fresh dataset with a sample, a label, an issue, a second labelset, a release and collaborators. */
  async function fixture(owner: "jane" | "acme", visibility: "private" | "public"): Promise<Fixture> {
    const name = `ds-${++cellCounter}`;
    const create = owner === "jane" ? "/user/datasets/" : "/organizations/acme/datasets/";
    await asJane("POST", create, {
      name,
      task_type: "vector",
      public: visibility === "public",
      task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "object" }] },
    });
    const full = `${owner}/${name}`;
    if (owner === "jane") {
      for (const role of ROLE_USERS) {
        await asJane("POST", `/datasets/${full}/collaborators/`, { user: role, role });
      }
    }
    await asJane("POST", `/datasets/${full}/collaborators/`, { user: "extra", role: "labeler" });
    const sample = await asJane("POST", `/datasets/${full}/samples/`, { name: "a.jpg", attributes: image });
    await asJane("PUT", `/labels/${sample.uuid}/ground-truth/`, {
      attributes: boxes,
      label_status: "LABELED",
    });
    await asJane("POST", `/datasets/${full}/labelsets/`, { name: "extra", attributes: "{}" });
    const issue = await asJane("POST", `/samples/${sample.uuid}/issues/`, { description: "check" });
    await asJane("POST", `/datasets/${full}/releases/`, { name: "r1" });
    return { full, sample: sample.uuid, issue: issue.uuid };
  }

  beforeAll(async () => {
    emulator = await startEmulator({
      users: USERS,
      organizations: [
        {
          name: "acme",
          members: [
            { username: "jane", role: "admin" },
            { username: "member", role: "labeler" },
          ],
        },
      ],
      releaseDelayMs: 10,
    });
  });

  afterAll(() => emulator?.close());

  test("every subject x operation x visibility gets exactly the documented answer", async () => {
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const outcomes: Record<string, number> = {};
    let cells = 0;
    const started = performance.now();
    const combos: [Subject, "jane" | "acme"][] = [
      ...SUBJECTS.map((subject): [Subject, "jane"] => [subject, "jane"]),
      // On an organization's datasets: the member acts with its organization role; an outsider has none.
      [SUBJECTS.find((s) => s.name === "organization member (labeler)") as Subject, "acme"],
      [SUBJECTS.find((s) => s.name === "non-collaborator") as Subject, "acme"],
    ];
    for (const [subject, owner] of combos) {
      for (const visibility of ["private", "public"] as const) {
        const standing = subject.standing(owner, visibility);
        for (const operation of OPERATIONS) {
          const fx = await fixture(owner, visibility);
          const cell = ++cells;
          const request = operation.request(fx, cell);
          const answer = await call(subject.authorization, request.method, request.path, request.body);
          const expected = expectedStatus(subject, standing, operation.permission);
          const ok =
            expected === "2xx" ? answer.status >= 200 && answer.status < 300 : answer.status === expected;
          bump(outcomes, expected === "2xx" ? "allowed" : String(expected));
          if (!ok) {
            mismatches.push(
              `${subject.name} ${operation.name} on ${owner}'s ${visibility}: ${answer.status}, expected ${expected} (${answer.text.slice(0, 80)})`,
            );
          }
          if (expected === 404) {
            // The same request against a dataset/sample/issue that does not exist must look identical.
            const ghost = operation.request(
              { full: `${owner}/ghost-${cell}`, sample: randomUUID(), issue: randomUUID() },
              cell,
            );
            const absent = await call(subject.authorization, ghost.method, ghost.path, ghost.body);
            if (absent.status !== answer.status || absent.text !== answer.text) {
              leaks.push(
                `${subject.name} ${operation.name}: ${answer.status} ${answer.text} vs ${absent.status} ${absent.text}`,
              );
            }
          }
        }
      }
    }

    // Listing someone's datasets shows an outsider only the public ones.
    const listed = await call(`APIKey ${keyOf("stranger")}`, "GET", "/users/jane/datasets/?per_page=1000");
    const visible = (JSON.parse(listed.text) as { public?: boolean; name: string }[]).filter(
      (d) => d.public !== true,
    );
    if (visible.length > 0)
      leaks.push(`stranger lists private datasets: ${visible.map((d) => d.name).join(", ")}`);

    recordFigures("Security: access-control matrix", {
      subjects: SUBJECTS.length,
      operations: OPERATIONS.length,
      "cells checked": cells,
      "expected outcomes": outcomes,
      mismatches: mismatches.length,
      "existence leaks (private 404 differs from absent 404)": leaks.length,
      "duration s": (performance.now() - started) / 1000,
    });
    expect(mismatches).toEqual([]);
    expect(leaks).toEqual([]);
    expect(emulator.violations).toEqual([]);
  });
});
