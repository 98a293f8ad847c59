/**
 * SDK-side bad input: every public method of `SegmentsClient` rejects malformed arguments (bad identifiers, wrong
 * types, NaN, huge arrays, ids out of range) with a typed `ValidationError` before any request is sent. The table is
 * built per method from a valid call and the kind of each argument; a completeness check fails when a public method
 * has no rows.
 */
import { type FetchLike, SegmentsClient, ValidationError } from "@segments-ts/sdk";
import { afterAll, describe, expect, test } from "vitest";
import { recordFigures } from "../src/report.ts";

const SAMPLE = "0d0b6c2c-7d4a-4d8a-9a43-0f2b8d9c3e11";
const image = { image: { url: "https://example.com/a.jpg" } };
const box = {
  format_version: "0.1",
  annotations: [
    {
      id: 1,
      category_id: 1,
      type: "bbox",
      points: [
        [1, 2],
        [3, 4],
      ],
    },
  ],
};

/** Malformed values by the kind of argument they are passed as. */
const BAD: Record<string, [string, unknown][]> = {
  dataset: [
    ["empty", ""],
    ["no owner", "flowers"],
    ["three parts", "jane/flowers/extra"],
    ["dot-dot owner", "../flowers"],
    ["dot-dot name", "jane/.."],
    ["encoded dot-dot", "jane/%2e%2e"],
    ["control character", "jane/flo\u0000wers"],
    ["number", 42],
    ["NaN", Number.NaN],
    ["null", null],
    ["object", { owner: "jane" }],
    ["array", ["jane", "flowers"]],
  ],
  segment: [
    ["empty", ""],
    ["dot", "."],
    ["dot-dot", ".."],
    ["encoded dot-dot", "%2E%2e"],
    ["newline", "a\nb"],
    ["number", 7],
    ["NaN", Number.NaN],
    ["null", null],
    ["object", {}],
  ],
};

type Call = (client: SegmentsClient) => unknown;
interface Row {
  method: string;
  what: string;
  call: Call;
  /** Set when the SDK currently accepts this input: the row runs under KNOWN BUGS (see the bottom of the file). */
  knownBug?: string;
}

const rows: Row[] = [];

/**
 * Adds one row per bad value of each argument: `args` is a valid argument list, `kinds[i]` the kind of argument i
 * (or undefined to leave it valid).
 */
function arguments_(method: keyof SegmentsClient, args: unknown[], kinds: (keyof typeof BAD | undefined)[]) {
  kinds.forEach((kind, position) => {
    if (!kind) return;
    for (const [label, value] of BAD[kind] ?? []) {
      const bad = [...args];
      bad[position] = value;
      rows.push({
        method,
        what: `argument ${position + 1} (${kind}): ${label}`,
        call: (client) => (client[method] as (...a: unknown[]) => unknown)(...bad),
      });
    }
  });
}

/** Adds one hand-written row. */
function row(method: keyof SegmentsClient, what: string, call: Call, knownBug?: string) {
  rows.push({ method, what, call, ...(knownBug ? { knownBug } : {}) });
}

// --- users and datasets
arguments_("getUser", ["jane"], ["segment"]);
row("getDatasets", "per_page 0", (c) => c.getDatasets({ per_page: 0 }));
row("getDatasets", "per_page NaN", (c) => c.getDatasets({ per_page: Number.NaN }));
row("getDatasets", "per_page 1001", (c) => c.getDatasets({ per_page: 1001 }));
row("getDatasets", "page 0", (c) => c.getDatasets({ page: 0 }));
row("getDatasets", "page 1.5", (c) => c.getDatasets({ page: 1.5 }));
row("getDatasets", "user ..", (c) => c.getDatasets({ user: ".." }));
row("getDatasets", "page as string", (c) => c.getDatasets({ page: "2" as never }));
row("iterDatasets", "per_page Infinity", (c) => c.iterDatasets({ per_page: Number.POSITIVE_INFINITY }));
row("iterDatasets", "user empty", (c) => c.iterDatasets({ user: "" }));
arguments_("getDataset", ["jane/flowers"], ["dataset"]);
arguments_("addDataset", ["flowers", { task_type: "bboxes" }], ["segment"]);
row("addDataset", "name with slash", (c) => c.addDataset("jane/flowers"));
row("addDataset", "unknown task type", (c) => c.addDataset("flowers", { task_type: "boxes" as never }));
row("addDataset", "organization ..", (c) => c.addDataset("flowers", { organization: ".." }));
arguments_("updateDataset", ["jane/flowers", { description: "x" }], ["dataset"]);
row("updateDataset", "unknown task type", (c) => c.updateDataset("jane/flowers", { task_type: 12 as never }));
arguments_("deleteDataset", ["jane/flowers"], ["dataset"]);
arguments_("cloneDataset", ["jane/flowers", { new_name: "copy" }], ["dataset"]);
row("cloneDataset", "new_name ..", (c) => c.cloneDataset("jane/flowers", { new_name: ".." }));
row("cloneDataset", "new_name with slash", (c) => c.cloneDataset("jane/flowers", { new_name: "a/b" }));
row("cloneDataset", "organization NaN", (c) =>
  c.cloneDataset("jane/flowers", { organization: Number.NaN as never }),
);

// --- collaborators
arguments_("getDatasetCollaborator", ["jane/flowers", "john"], ["dataset", "segment"]);
arguments_("addDatasetCollaborator", ["jane/flowers", "john", "labeler"], ["dataset", "segment"]);
row("addDatasetCollaborator", "unknown role", (c) =>
  c.addDatasetCollaborator("jane/flowers", "john", "owner" as never),
);
arguments_("updateDatasetCollaborator", ["jane/flowers", "john", "reviewer"], ["dataset", "segment"]);
row("updateDatasetCollaborator", "role NaN", (c) =>
  c.updateDatasetCollaborator("jane/flowers", "john", Number.NaN as never),
);
arguments_("deleteDatasetCollaborator", ["jane/flowers", "john"], ["dataset", "segment"]);

// --- samples
arguments_("getSamples", ["jane/flowers", {}], ["dataset"]);
row("getSamples", "per_page NaN", (c) => c.getSamples("jane/flowers", { per_page: Number.NaN }));
row("getSamples", "per_page 100000", (c) => c.getSamples("jane/flowers", { per_page: 100_000 }));
row("getSamples", "page -1", (c) => c.getSamples("jane/flowers", { page: -1 }));
row("getSamples", "unknown label_status", (c) =>
  c.getSamples("jane/flowers", { label_status: ["DONE" as never] }),
);
row("getSamples", "sort unknown", (c) => c.getSamples("jane/flowers", { sort: "size" as never }));
row("getSamples", "include_full_label without labelset", (c) =>
  c.getSamples("jane/flowers", { include_full_label: true }),
);
arguments_("iterSamples", ["jane/flowers"], ["dataset"]);
row("iterSamples", "direction sideways", (c) => c.iterSamples("jane/flowers", { direction: "up" as never }));
arguments_("getSample", [SAMPLE], ["segment"]);
arguments_("addSample", ["jane/flowers", "a.jpg", image], ["dataset"]);
row("addSample", "name empty", (c) => c.addSample("jane/flowers", "", image));
row("addSample", "name number", (c) => c.addSample("jane/flowers", 5 as never, image));
row("addSample", "attributes null", (c) => c.addSample("jane/flowers", "a.jpg", null as never));
row("addSample", "attributes string", (c) => c.addSample("jane/flowers", "a.jpg", "image" as never));
row("addSample", "priority NaN", (c) =>
  c.addSample("jane/flowers", "a.jpg", image, { priority: Number.NaN }),
);
row("addSample", "priority Infinity", (c) =>
  c.addSample("jane/flowers", "a.jpg", image, { priority: Number.POSITIVE_INFINITY }),
);
row("addSample", "attributes for the wrong task type", (c) =>
  c.addSample("jane/flowers", "a.jpg", { frames: [] } as never, { taskType: "bboxes" }),
);
arguments_("addSamples", ["jane/flowers", [{ name: "a.jpg", attributes: image }]], ["dataset"]);
row("addSamples", "not an array", (c) => c.addSamples("jane/flowers", { name: "a" } as never));
row("addSamples", "element null", (c) => c.addSamples("jane/flowers", [null as never]));
row("addSamples", "element without name", (c) =>
  c.addSamples("jane/flowers", [{ attributes: image } as never]),
);
row("addSamples", "priority NaN in element 3 of 5,000", (c) =>
  c.addSamples(
    "jane/flowers",
    Array.from({ length: 5_000 }, (_, i) => ({
      name: `s${i}`,
      attributes: image,
      priority: i === 2 ? Number.NaN : 0,
    })),
  ),
);
row("addSamples", "batchSize 0", (c) => c.addSamples("jane/flowers", [], { batchSize: 0 }));
row("addSamples", "batchSize NaN", (c) => c.addSamples("jane/flowers", [], { batchSize: Number.NaN }));
row("addSamples", "concurrency 1000", (c) => c.addSamples("jane/flowers", [], { concurrency: 1000 }));
arguments_("updateSample", [SAMPLE, { priority: 1 }], ["segment"]);
row("updateSample", "priority NaN", (c) => c.updateSample(SAMPLE, { priority: Number.NaN }));
row("updateSample", "attributes number", (c) => c.updateSample(SAMPLE, { attributes: 3 as never }));
arguments_("deleteSample", [SAMPLE], ["segment"]);
arguments_("deleteSamples", ["jane/flowers", [SAMPLE]], ["dataset"]);
row("deleteSamples", "empty list", (c) => c.deleteSamples("jane/flowers", []));
row("deleteSamples", "1,001 uuids", (c) =>
  c.deleteSamples(
    "jane/flowers",
    Array.from({ length: 1001 }, () => SAMPLE),
  ),
);
row("deleteSamples", "1,000,000 uuids", (c) =>
  c.deleteSamples(
    "jane/flowers",
    Array.from({ length: 1_000_000 }, () => SAMPLE),
  ),
);
row("deleteSamples", "uuid number", (c) => c.deleteSamples("jane/flowers", [5 as never]));
row("deleteSamples", "not an array", (c) => c.deleteSamples("jane/flowers", SAMPLE as never));

// --- labels and labelsets
arguments_("getLabel", [SAMPLE, "ground-truth"], ["segment", "segment"]);
arguments_("addLabel", [SAMPLE, "ground-truth", box], ["segment", "segment"]);
row("addLabel", "attributes null", (c) => c.addLabel(SAMPLE, "ground-truth", null as never));
row("addLabel", "score NaN", (c) => c.addLabel(SAMPLE, "ground-truth", box as never, { score: Number.NaN }));
row("addLabel", "unknown label_status", (c) =>
  c.addLabel(SAMPLE, "ground-truth", box as never, { label_status: "DONE" as never }),
);
row("addLabel", "attributes for the wrong task type", (c) =>
  c.addLabel(SAMPLE, "ground-truth", { format_version: "0.1" } as never, { taskType: "bboxes" }),
);
arguments_("updateLabel", [SAMPLE, "ground-truth", { label_status: "LABELED" }], ["segment", "segment"]);
row("updateLabel", "score Infinity", (c) =>
  c.updateLabel(SAMPLE, "ground-truth", { score: Number.NEGATIVE_INFINITY }),
);
row("updateLabel", "label_status number", (c) =>
  c.updateLabel(SAMPLE, "ground-truth", { label_status: 3 as never }),
);
arguments_("deleteLabel", [SAMPLE, "ground-truth"], ["segment", "segment"]);
arguments_("getLabelsets", ["jane/flowers"], ["dataset"]);
arguments_("getLabelset", ["jane/flowers", "predictions"], ["dataset", "segment"]);
arguments_("addLabelset", ["jane/flowers", "predictions"], ["dataset", "segment"]);
arguments_("deleteLabelset", ["jane/flowers", "predictions"], ["dataset", "segment"]);

// --- issues
arguments_("getIssues", ["jane/flowers"], ["dataset"]);
arguments_("addIssue", [SAMPLE, "broken box"], ["segment"]);
row("addIssue", "description number", (c) => c.addIssue(SAMPLE, 42 as never));
row("addIssue", "status unknown", (c) => c.addIssue(SAMPLE, "x", { status: "DONE" as never }));
arguments_("updateIssue", [SAMPLE, { status: "CLOSED" }], ["segment"]);
row("updateIssue", "status unknown", (c) => c.updateIssue(SAMPLE, { status: "SOLVED" as never }));
arguments_("deleteIssue", [SAMPLE], ["segment"]);

// --- releases
arguments_("getReleases", ["jane/flowers"], ["dataset"]);
arguments_("getRelease", ["jane/flowers", "v1"], ["dataset", "segment"]);
arguments_("addRelease", ["jane/flowers", "v1"], ["dataset", "segment"]);
arguments_("deleteRelease", ["jane/flowers", "v1"], ["dataset", "segment"]);
arguments_("waitForRelease", ["jane/flowers", "v1"], ["dataset", "segment"]);
row("waitForRelease", "timeout NaN", (c) => c.waitForRelease("jane/flowers", "v1", { timeout: Number.NaN }));
row("waitForRelease", "pollInterval 0", (c) => c.waitForRelease("jane/flowers", "v1", { pollInterval: 0 }));

// --- workunits
arguments_("getWorkunits", ["jane/flowers"], ["dataset"]);
row("getWorkunits", "per_page NaN", (c) => c.getWorkunits("jane/flowers", { per_page: Number.NaN }));
row("getWorkunits", "page 0", (c) => c.getWorkunits("jane/flowers", { page: 0 }));
row("getWorkunits", "start not a date", (c) => c.getWorkunits("jane/flowers", { start: "yesterday" }));
row("getWorkunits", "start Invalid Date", (c) =>
  c.getWorkunits("jane/flowers", { start: new Date(Number.NaN) }),
);
arguments_("iterWorkunits", ["jane/flowers"], ["dataset"]);
row("iterWorkunits", "per_page -5", (c) => c.iterWorkunits("jane/flowers", { per_page: -5 }));

// --- assets
row("uploadAsset", "data null", (c) => c.uploadAsset(null as never));
row("uploadAsset", "data number", (c) => c.uploadAsset(42 as never));
row("uploadAsset", "data plain object", (c) => c.uploadAsset({ bytes: [1, 2] } as never));
row("uploadAsset", "filename empty", (c) => c.uploadAsset(new Uint8Array(4), ""));
row("uploadAsset", "filename number", (c) => c.uploadAsset(new Uint8Array(4), 7 as never));

// --- per-call options, on any method
// Checked like the constructor's: unchecked, a NaN or negative timeout sent the request and aborted it at once, and a
// NaN or negative maxRetries silently disabled retries.
row("getDataset", "options.timeout NaN", (c) => c.getDataset("jane/flowers", { timeout: Number.NaN }));
row("getDataset", "options.timeout -1", (c) => c.getDataset("jane/flowers", { timeout: -1 }));
row("getDataset", "options.maxRetries NaN", (c) => c.getDataset("jane/flowers", { maxRetries: Number.NaN }));
row("getDataset", "options.maxRetries -3", (c) => c.getDataset("jane/flowers", { maxRetries: -3 }));

/** Calls `call` and returns what it threw or rejected with (iterators are advanced once to surface their errors). */
async function outcome(client: SegmentsClient, call: Call): Promise<unknown> {
  try {
    const result = call(client);
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

describe("SDK: every public method rejects malformed arguments before sending", () => {
  let requestsSent = 0;
  const countingFetch: FetchLike = async () => {
    requestsSent++;
    return new Response("{}", { status: 500 });
  };
  const client = new SegmentsClient({
    apiKey: "validation-key",
    baseUrl: "http://127.0.0.1:9",
    fetch: countingFetch,
    maxRetries: 0,
    logLevel: "off",
  });
  const failures: string[] = [];

  afterAll(() => {
    recordFigures("Bad input: SDK argument validation", {
      "public methods covered": new Set(rows.map((r) => r.method)).size,
      "malformed calls": rows.length,
      "rejected with ValidationError before sending": rows.length - failures.length,
      "known SDK bugs (accepted malformed input)": failures.join("; ") || "none",
      "requests sent": requestsSent,
    });
  });

  test("every public method has rows in the table", () => {
    // The methods are defined one resource per class along the prototype chain (packages/sdk/src/methods/).
    const names: string[] = [];
    for (
      let proto = SegmentsClient.prototype;
      proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      names.push(...Object.getOwnPropertyNames(proto));
    }
    const methods = names.filter((name) => name !== "constructor" && name !== "toJSON");
    expect(methods.length).toBeGreaterThan(30);
    const covered = new Set(rows.map((r) => r.method));
    expect(methods.filter((name) => !covered.has(name))).toEqual([]);
  });

  async function expectRejectedBeforeSending(r: Row) {
    const before = requestsSent;
    const error = await outcome(client, r.call);
    const sent = requestsSent - before;
    if (!(error instanceof ValidationError) || sent !== 0) failures.push(`${r.method}: ${r.what}`);
    expect(error, "expected a ValidationError").toBeInstanceOf(ValidationError);
    expect((error as ValidationError).argument).toEqual(expect.any(String));
    expect(sent, "requests sent").toBe(0);
  }

  const clean = rows.filter((r) => !r.knownBug);
  test.each(clean.map((r) => [`${r.method}: ${r.what}`, r] as const))("%s", (_, r) =>
    expectRejectedBeforeSending(r),
  );

  // KNOWN BUGS: rows passed to `row` with a `knownBug` reason run here under `test.fails`, which keeps the run green
  // while the bug exists and turns red once it is fixed: then drop the reason. None at the moment (the per-call
  // options, cloneDataset and workunit start/end rows were fixed in the SDK).
  const known = rows.filter((r) => r.knownBug);
  if (known.length > 0) {
    describe("KNOWN BUGS in @segments-ts/sdk - accepted malformed input", () => {
      test.fails.each(known.map((r) => [`${r.method}: ${r.what} - ${r.knownBug}`, r] as const))(
        "%s",
        (_, r) => expectRejectedBeforeSending(r),
      );
    });
  }
});
