/**
 * Argument checks added after the reliability suite found unvalidated input: per-call `timeout`/`maxRetries`,
 * `cloneDataset`'s parameters, workunit `start`/`end`, and the sweep over the other methods (NaN numbers, empty
 * strings, unknown enums). Each bad call must reject with a ValidationError naming the argument, before any request;
 * each good one must send what the API expects.
 */
import { describe, expect, test } from "vitest";
import { type FetchLike, SegmentsClient, ValidationError } from "../src/index.js";
import { specBody } from "./helpers/spec-bodies.js";

const UUID = "0d0b6c2c-7d4a-4d8a-9a43-0f2b8d9c3e11";
const image = { image: { url: "https://example.com/a.jpg" } };

/**
 * A client whose fetch records each request and answers 200 with `body`, by default the smallest body the spec allows
 * for the operation; nothing leaves the process.
 */
function recordingClient(body?: unknown) {
  const urls: string[] = [];
  const bodies: unknown[] = [];
  const fetch: FetchLike = async (input, init) => {
    urls.push(String(input));
    bodies.push(typeof init?.body === "string" ? JSON.parse(init.body) : undefined);
    const answer = body ?? specBody(init?.method ?? "GET", String(input));
    return answer === undefined ? new Response(null, { status: 204 }) : new Response(JSON.stringify(answer));
  };
  const client = new SegmentsClient({
    apiKey: "test-key",
    baseUrl: "http://sdk.test",
    fetch,
    maxRetries: 0,
    logLevel: "off",
  });
  return { client, urls, bodies };
}

/** Runs a call (advancing an iterator once) and returns what it threw or rejected with. */
async function outcome(run: () => unknown): Promise<unknown> {
  try {
    const result = run();
    if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
      await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
    } else {
      await result;
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

type Call = (client: SegmentsClient) => unknown;

describe("rejected before any request, naming the argument", () => {
  const cases: [what: string, argument: string, call: Call][] = [
    // Per-call RequestOptions, on single calls, iterators, bulk ingest and uploads.
    ["timeout NaN", "timeout", (c) => c.getDataset("jane/flowers", { timeout: Number.NaN })],
    ["timeout -1", "timeout", (c) => c.getDataset("jane/flowers", { timeout: -1 })],
    ["timeout 0", "timeout", (c) => c.getUser(undefined, { timeout: 0 })],
    ["timeout 1.5", "timeout", (c) => c.getUser(undefined, { timeout: 1.5 })],
    ["timeout Infinity", "timeout", (c) => c.getUser(undefined, { timeout: Number.POSITIVE_INFINITY })],
    ["timeout past setTimeout's limit", "timeout", (c) => c.getUser(undefined, { timeout: 2 ** 31 })],
    ["timeout as a string", "timeout", (c) => c.getUser(undefined, { timeout: "5000" as never })],
    ["maxRetries NaN", "maxRetries", (c) => c.getDataset("jane/flowers", { maxRetries: Number.NaN })],
    ["maxRetries -3", "maxRetries", (c) => c.getDataset("jane/flowers", { maxRetries: -3 })],
    ["maxRetries 101", "maxRetries", (c) => c.deleteSample(UUID, { maxRetries: 101 })],
    ["signal not an AbortSignal", "signal", (c) => c.getUser(undefined, { signal: "stop" as never })],
    ["headers a string", "headers", (c) => c.getUser(undefined, { headers: "x-a: 1" as never })],
    ["options a string", "options", (c) => c.getUser(undefined, "fast" as never)],
    ["iterSamples timeout NaN", "timeout", (c) => c.iterSamples("jane/flowers", {}, { timeout: Number.NaN })],
    ["iterDatasets maxRetries -1", "maxRetries", (c) => c.iterDatasets({}, { maxRetries: -1 })],
    ["iterWorkunits timeout -5", "timeout", (c) => c.iterWorkunits("jane/flowers", {}, { timeout: -5 })],
    [
      "addSamples timeout NaN",
      "timeout",
      (c) => c.addSamples("jane/flowers", [{ name: "a", attributes: image }], {}, { timeout: Number.NaN }),
    ],
    [
      "uploadAsset maxRetries NaN",
      "maxRetries",
      (c) => c.uploadAsset(new Uint8Array(4), "a.png", { maxRetries: Number.NaN }),
    ],

    // cloneDataset: every parameter.
    ["clone new_name empty", "new_name", (c) => c.cloneDataset("jane/flowers", { new_name: "" })],
    ["clone new_name number", "new_name", (c) => c.cloneDataset("jane/flowers", { new_name: 5 as never })],
    [
      "clone new_task_type unknown",
      "new_task_type",
      (c) => c.cloneDataset("jane/flowers", { new_task_type: "boxes" as never }),
    ],
    [
      "clone new_task_type empty",
      "new_task_type",
      (c) => c.cloneDataset("jane/flowers", { new_task_type: "" as never }),
    ],
    [
      "clone new_public string",
      "new_public",
      (c) => c.cloneDataset("jane/flowers", { new_public: "yes" as never }),
    ],
    [
      "clone organization NaN",
      "organization",
      (c) => c.cloneDataset("jane/flowers", { organization: Number.NaN as never }),
    ],
    ["clone organization empty", "organization", (c) => c.cloneDataset("jane/flowers", { organization: "" })],
    ["clone organization ..", "organization", (c) => c.cloneDataset("jane/flowers", { organization: ".." })],
    [
      "clone clone_labels 1",
      "clone_labels",
      (c) => c.cloneDataset("jane/flowers", { clone_labels: 1 as never }),
    ],

    // Workunit start/end.
    ...(["start", "end"] as const).flatMap((bound): [string, string, Call][] => [
      [`${bound} "yesterday"`, bound, (c) => c.getWorkunits("jane/flowers", { [bound]: "yesterday" })],
      [`${bound} date only`, bound, (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-05-01" })],
      [
        `${bound} space separator`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-05-01 10:00:00" }),
      ],
      [`${bound} no seconds`, bound, (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-05-01T10:00Z" })],
      [
        `${bound} month 13`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-13-01T00:00:00Z" }),
      ],
      [
        `${bound} February 30`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-02-30T00:00:00" }),
      ],
      [
        `${bound} February 29, 2023`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: "2023-02-29T00:00:00" }),
      ],
      [`${bound} hour 24`, bound, (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-05-01T24:00:00Z" })],
      [
        `${bound} offset +0200`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: "2024-05-01T00:00:00+0200" }),
      ],
      [`${bound} empty`, bound, (c) => c.getWorkunits("jane/flowers", { [bound]: "" })],
      [`${bound} number`, bound, (c) => c.getWorkunits("jane/flowers", { [bound]: 1714521600000 as never })],
      [
        `${bound} Invalid Date`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: new Date(Number.NaN) }),
      ],
      [
        `${bound} year 10000`,
        bound,
        (c) => c.getWorkunits("jane/flowers", { [bound]: new Date(Date.UTC(10000, 0)) }),
      ],
      [`${bound} iterWorkunits`, bound, (c) => c.iterWorkunits("jane/flowers", { [bound]: "soon" })],
    ]),

    // Sweep: NaN/Infinity numbers, empty strings, unknown enums elsewhere.
    [
      "addDataset inactivity timeout NaN",
      "labeling_inactivity_timeout_seconds",
      (c) => c.addDataset("flowers", { labeling_inactivity_timeout_seconds: Number.NaN }),
    ],
    [
      "updateDataset inactivity timeout Infinity",
      "labeling_inactivity_timeout_seconds",
      (c) =>
        c.updateDataset("jane/flowers", { labeling_inactivity_timeout_seconds: Number.POSITIVE_INFINITY }),
    ],
    ["iterDatasets user ..", "user", (c) => c.iterDatasets({ user: ".." })],
    ["getSamples name number", "name", (c) => c.getSamples("jane/flowers", { name: 5 as never })],
    [
      "addSample taskType unknown",
      "taskType",
      (c) => c.addSample("jane/flowers", "a.jpg", image, { taskType: "boxes" as "bboxes" }),
    ],
    [
      "addSample assigned_labeler empty",
      "sample.assigned_labeler",
      (c) => c.addSample("jane/flowers", "a.jpg", image, { assigned_labeler: "" }),
    ],
    [
      "addSample readme number",
      "sample.readme",
      (c) => c.addSample("jane/flowers", "a.jpg", image, { readme: 3 as never }),
    ],
    [
      "addSamples taskType unknown",
      "taskType",
      (c) =>
        c.addSamples("jane/flowers", [{ name: "a", attributes: image }], { taskType: "img" as "bboxes" }),
    ],
    [
      "addSamples assigned_reviewer number",
      "samples[0].assigned_reviewer",
      (c) => c.addSamples("jane/flowers", [{ name: "a", attributes: image, assigned_reviewer: 7 as never }]),
    ],
    [
      "addSamples onProgress not a function",
      "onProgress",
      (c) => c.addSamples("jane/flowers", [{ name: "a", attributes: image }], { onProgress: "log" as never }),
    ],
    ["updateSample name empty", "name", (c) => c.updateSample(UUID, { name: "" })],
    [
      "updateSample priority Infinity",
      "priority",
      (c) => c.updateSample(UUID, { priority: Number.NEGATIVE_INFINITY }),
    ],
    [
      "updateSample assigned_labeler empty",
      "assigned_labeler",
      (c) => c.updateSample(UUID, { assigned_labeler: " " }),
    ],
    [
      "addLabel taskType unknown",
      "taskType",
      (c) => c.addLabel(UUID, "ground-truth", { annotations: [] }, { taskType: "bbox" as "bboxes" }),
    ],
    [
      "addLabelset description number",
      "description",
      (c) => c.addLabelset("jane/flowers", "preds", 1 as never),
    ],
    ["updateIssue description empty", "description", (c) => c.updateIssue(UUID, { description: "" })],
    ["addRelease description null", "description", (c) => c.addRelease("jane/flowers", "v1", null as never)],
    [
      "waitForRelease pollInterval past setTimeout's limit",
      "pollInterval",
      (c) => c.waitForRelease("jane/flowers", "v1", { pollInterval: 2 ** 31 }),
    ],
    [
      "waitForRelease signal not an AbortSignal",
      "signal",
      (c) => c.waitForRelease("jane/flowers", "v1", { signal: {} as never }),
    ],
  ];

  test.each(cases)("%s", async (_what, argument, run) => {
    const { client, urls } = recordingClient();
    const error = await outcome(() => run(client));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).argument).toBe(argument);
    expect(urls).toEqual([]);
  });
});

describe("per-call timeout and maxRetries are checked exactly like the constructor's", () => {
  test.each([
    ["timeout", Number.NaN],
    ["timeout", -1],
    ["timeout", 2 ** 31],
    ["maxRetries", Number.NaN],
    ["maxRetries", -3],
    ["maxRetries", 1.5],
  ] as const)("%s %s", async (option, value) => {
    const atConstruction = (() => {
      try {
        new SegmentsClient({ apiKey: "k", [option]: value });
      } catch (error) {
        return error;
      }
    })();
    const { client } = recordingClient();
    const perCall = await outcome(() => client.getUser(undefined, { [option]: value }));
    expect(atConstruction).toBeInstanceOf(ValidationError);
    expect(perCall).toBeInstanceOf(ValidationError);
    expect((perCall as ValidationError).message).toBe((atConstruction as ValidationError).message);
    // The message names the option and what to pass instead.
    expect((perCall as ValidationError).message).toMatch(new RegExp(`\`${option}\`.*between`));
  });

  test.each([
    { timeout: 1 },
    { timeout: 2_147_483_647 },
    { maxRetries: 0 },
    { maxRetries: 100 },
    { timeout: undefined, maxRetries: undefined },
    { signal: new AbortController().signal, headers: { "x-a": "1" } },
  ])("accepts %o", async (options) => {
    const { client, urls } = recordingClient();
    await client.getUser(undefined, options);
    expect(urls).toEqual(["http://sdk.test/user"]);
  });
});

describe("workunit start/end: what is sent", () => {
  test.each([
    ["a Date, as ISO 8601 in UTC", new Date("2024-05-01T02:00:00+02:00"), "2024-05-01T00:00:00.000Z"],
    ["a Date in year 0", new Date("0000-01-01T00:00:00Z"), "0000-01-01T00:00:00.000Z"],
    ["UTC with Z", "2024-05-01T00:00:00Z", "2024-05-01T00:00:00Z"],
    ["milliseconds", "2024-05-01T00:00:00.123Z", "2024-05-01T00:00:00.123Z"],
    ["microseconds", "2024-05-01T00:00:00.123456Z", "2024-05-01T00:00:00.123456Z"],
    ["an offset", "2024-05-01T08:30:00+05:30", "2024-05-01T08:30:00+05:30"],
    ["a negative offset", "2024-05-01T00:00:00-07:00", "2024-05-01T00:00:00-07:00"],
    ["no zone (read as UTC by the API)", "2024-05-01T00:00:00", "2024-05-01T00:00:00"],
    ["a leap day", "2024-02-29T23:59:59", "2024-02-29T23:59:59"],
  ] as const)("%s", async (_what, value, sent) => {
    const { client, urls } = recordingClient([]);
    await client.getWorkunits("jane/flowers", { start: value, end: value });
    const query = new URL(urls[0] ?? "").searchParams;
    expect(query.get("start")).toBe(sent);
    expect(query.get("end")).toBe(sent);
  });
});

describe("cloneDataset: what is sent", () => {
  test.each([
    [{}, { name: "flowers-clone", clone_labels: false }],
    [
      {
        new_name: "copy",
        new_task_type: "bboxes",
        new_public: true,
        organization: "acme",
        clone_labels: true,
      },
      { name: "copy", task_type: "bboxes", public: true, owner: "acme", clone_labels: true },
    ],
    [
      { new_public: false, clone_labels: false },
      { name: "flowers-clone", public: false, clone_labels: false },
    ],
  ] as const)("%o", async (params, body) => {
    const { client, urls, bodies } = recordingClient();
    await client.cloneDataset("jane/flowers", params);
    expect(urls).toEqual(["http://sdk.test/datasets/jane/flowers/clone/"]);
    expect(bodies[0]).toEqual(body);
  });
});

describe("valid values the sweep must keep accepting", () => {
  test.each([
    ["unassigning with null", (c: SegmentsClient) => c.updateSample(UUID, { assigned_labeler: null })],
    ["an empty name filter", (c: SegmentsClient) => c.getSamples("jane/flowers", { name: "" })],
    ["an empty labelset description", (c: SegmentsClient) => c.addLabelset("jane/flowers", "preds", "")],
    [
      "a known taskType",
      (c: SegmentsClient) => c.addSample("jane/flowers", "a", image, { taskType: "bboxes" }),
    ],
    [
      "a fractional inactivity timeout",
      (c: SegmentsClient) => c.updateDataset("jane/flowers", { labeling_inactivity_timeout_seconds: 90.5 }),
    ],
  ])("%s", async (_what, run) => {
    const { client, urls } = recordingClient();
    await run(client);
    expect(urls).toHaveLength(1);
  });
});
