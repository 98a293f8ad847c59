// Where the API reference's SDK and CLI samples come from: the SegmentsClient methods' requests read from the SDK's
// source, and the operations each CLI guide command made through the recording proxy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import { OPERATION_METHODS } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliCommandResult } from "../src/cli-session-markdown.ts";
import { cliExamplesByOperation, MAX_CLI_EXAMPLES } from "../src/operations.ts";
import {
  operationMatcher,
  operationsMade,
  type RecordingProxy,
  startRecordingProxy,
} from "../src/recording-proxy.ts";
import { sdkMethodOperations, sdkMethodsByOperation } from "../src/sdk-operations.ts";

describe("sdkMethodOperations", () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "docs-sdk-source-"));
    mkdirSync(join(dir, "methods"));
    writeFileSync(
      join(dir, "client.ts"),
      `import { ThingMethods } from "./methods/things.js";
export class SegmentsClient extends ThingMethods {
  waitForDataset(name: string) { return poll(() => this.getDataset(name)); }
}`,
    );
    writeFileSync(
      join(dir, "methods", "things.ts"),
      `import { named } from "./other.js";
export class ThingMethods extends ClientBase {
  getDataset(name: string) {
    const { api } = contextOf(this);
    return call(undefined, (init) => api.GET("/datasets/{owner}/{dataset}/", { ...init }));
  }
  viaImport() { return named(); }
  listNothing() { return []; }
  private hidden() { return this.getDataset("x"); }
}
export class NotALayer { getSample() { return ctx.api.GET("/samples/{sample_uuid}/"); } }`,
    );
    writeFileSync(
      join(dir, "methods", "paths.ts"),
      `export const remove = (ctx: Context) => ctx.api.DELETE("/datasets/{owner}/{dataset}/", {});`,
    );
    writeFileSync(
      join(dir, "methods", "other.ts"),
      `import * as paths from "./paths.js";
export function named() { return helper(); }
function helper() { return paths.remove(ctxOf()); }`,
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("follows the class chain, namespace and named imports, helpers, callbacks and this", () => {
    const methods = sdkMethodOperations(dir);
    expect(Object.fromEntries(methods)).toEqual({
      getDataset: ["getDataset"],
      waitForDataset: ["getDataset"],
      viaImport: ["deleteDataset"],
    });
  });

  it("fails on a request the spec does not have", () => {
    writeFileSync(join(dir, "methods", "bad.ts"), `export function x(ctx) { return ctx.api.GET("/nope/"); }`);
    writeFileSync(
      join(dir, "client.ts"),
      `import * as bad from "./methods/bad.js";\nexport class SegmentsClient { nope() { return bad.x(); } }`,
    );
    expect(() => sdkMethodOperations(dir)).toThrow("SegmentsClient.nope requests GET /nope/");
  });

  it("puts the method making the fewest operations first, and iter* after the plain one", () => {
    const byOperation = sdkMethodsByOperation(
      new Map([
        ["iterSamples", ["listSamples"]],
        ["getSamples", ["listSamples"]],
        ["getLabel", ["getLabel", "getSample"]],
        ["getSample", ["getSample"]],
      ]),
    );
    expect(byOperation.get("listSamples")).toEqual(["getSamples", "iterSamples"]);
    expect(byOperation.get("getSample")).toEqual(["getSample", "getLabel"]);
  });
});

describe("operationMatcher", () => {
  const match = operationMatcher();

  it("finds the spec operation of a concrete request", () => {
    expect(match("GET", "/datasets/jane/flowers/")).toBe("getDataset");
    expect(match("get", "/datasets/jane/flowers/samples/")).toBe("listSamples");
    expect(match("POST", "/datasets/jane/flowers/samples_bulk/")).toBe("createSamples");
    expect(match("GET", "/user")).toBe("getAuthenticatedUser");
    expect(match("GET", "/users/jane")).toBe("getUser");
    expect(match("PUT", "/datasets/jane/flowers/")).toBeUndefined();
    expect(match("GET", "/datasets/jane/flowers/extra/")).toBeUndefined();
  });

  it("counts each successful operation once, in order", () => {
    expect(
      operationsMade([
        { method: "GET", path: "/user", status: 200 },
        { method: "GET", path: "/datasets/jane/x/", status: 404 },
        { method: "POST", path: "/assets/", status: 201 },
        { method: "POST", path: "/assets/", status: 201 },
        { method: "POST", path: "/uploads/abc", status: 204 },
      ]),
    ).toEqual(["getAuthenticatedUser", "createAsset"]);
  });
});

describe("the recording proxy", () => {
  let emulator: Emulator;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    emulator = await startEmulator();
    proxy = await startRecordingProxy(emulator.url);
  });

  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
  });

  it("forwards requests and bodies and records what they were", async () => {
    const headers = { Authorization: `APIKey ${emulator.apiKey}`, "Content-Type": "application/json" };
    const created = await fetch(`${proxy.url}/user/datasets/`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "proxied", task_type: "bboxes" }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { full_name: string }).full_name).toBe(`${emulator.username}/proxied`);
    const listed = await fetch(`${proxy.url}/user/datasets/?per_page=10`, { headers });
    expect(listed.status).toBe(200);
    await listed.arrayBuffer();
    expect(proxy.take()).toEqual([
      { method: "POST", path: "/user/datasets/", status: 201 },
      { method: "GET", path: "/user/datasets/", status: 200 },
    ]);
    expect(proxy.take()).toEqual([]);
  });
});

describe("cliExamplesByOperation", () => {
  const result = (shown: string, operations: string[], exitCode = 0): CliCommandResult => ({
    command: shown,
    shown,
    exitCode,
    output: "",
    operations,
  });

  it("shows the most direct commands once each, with what else they make", () => {
    const examples = cliExamplesByOperation([
      [
        result("segments samples upload ./photos --dataset jane/flowers", ["getDataset", "createSamples"]),
        result("segments datasets get jane/flowers", ["getDataset"]),
        result("segments datasets get jane/tulips", ["getDataset"]),
      ],
      [result("segments datasets get jane/missing", ["getDataset"], 1)],
    ]);
    expect(examples.get("getDataset")).toEqual([
      { command: "segments datasets get jane/flowers" },
      {
        command: "segments samples upload ./photos --dataset jane/flowers",
        note: "also makes createSamples",
      },
    ]);
    expect(examples.get("createSamples")).toHaveLength(1);
    expect(examples.has("deleteIssue")).toBe(false);
  });

  it(`shows at most ${MAX_CLI_EXAMPLES} commands`, () => {
    const commands = ["datasets get x/y", "datasets list", "samples list x/y", "releases list x/y", "whoami"];
    const examples = cliExamplesByOperation([
      commands.map((command) => result(`segments ${command}`, ["getUser"])),
    ]);
    expect(examples.get("getUser")).toHaveLength(MAX_CLI_EXAMPLES);
  });

  it("refuses a command the CLI does not have", () => {
    expect(() => cliExamplesByOperation([[result("segments frobnicate", ["getUser"])]])).toThrow(
      "no command of the CLI",
    );
  });
});

describe("the SDK's OPERATION_METHODS, which the API reference reads", () => {
  it("agrees with the requests read from the SDK's source (which may also find an indirect caller)", () => {
    const parsed = sdkMethodsByOperation(sdkMethodOperations());
    expect([...parsed.keys()].sort()).toEqual(Object.keys(OPERATION_METHODS).sort());
    for (const [operationId, methods] of Object.entries(OPERATION_METHODS))
      expect(parsed.get(operationId), operationId).toEqual(expect.arrayContaining([...methods]));
  });
});
