/** `segments releases list|create|wait|download`. */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { safePath } from "@segments-ts/converter";
import type { Release } from "@segments-ts/sdk";
import type { Command } from "commander";
import { action, type Context, convertedOption, mebibytes, type Runtime, seconds } from "../context.js";
import { chunksOf, DEFAULT_MAX_DOWNLOAD_MIB, openDownload } from "../download.js";
import { about, CliError, datasetSubject, releaseSubject } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { RELEASE_FIELDS, withJson } from "../json-fields.js";

const DEFAULT_TIMEOUT_S = 600;
const POLL_INTERVAL_MS = 500;

interface WaitOptions {
  timeout: number;
}

/** Waits for a release to be built; a `FAILED` one becomes exit code 5, a timeout exit code 6. */
export function waitFor(ctx: Context, dataset: string, name: string, timeout: number): Promise<Release> {
  return about(
    releaseSubject(dataset, name),
    ctx
      .client()
      .waitForRelease(dataset, name, { timeout, pollInterval: POLL_INTERVAL_MS, signal: ctx.signal }),
  );
}

/** Where the release file is: the signed URL when there is one. */
export function releaseFileUrl(release: Release, dataset: string): string {
  const url = release.attributes.signed_url ?? release.attributes.url;
  if (!url)
    throw new CliError(
      `release "${release.name}" of "${dataset}" has no file URL (status ${release.status}).`,
      ExitCode.Rejected,
    );
  return url;
}

function describe(release: Release): string {
  return `${release.name}  ${release.status}  ${release.samples_count} samples`;
}

async function list(ctx: Context, _opts: unknown, dataset: string): Promise<void> {
  const releases = await about(
    datasetSubject(dataset),
    ctx.client().getReleases(dataset, { signal: ctx.signal }),
  );
  ctx.out.list(
    releases,
    ["RELEASE", "STATUS", "SAMPLES", "CREATED"],
    releases.map((r) => [r.name, r.status, String(r.samples_count), r.created_at.slice(0, 10)]),
    "No releases.",
  );
}

async function create(
  ctx: Context,
  opts: WaitOptions & { description?: string; wait?: boolean },
  dataset: string,
  name: string,
): Promise<void> {
  let release = await about(
    releaseSubject(dataset, name),
    ctx.client().addRelease(dataset, name, opts.description ?? "", { signal: ctx.signal }),
  );
  if (opts.wait) release = await waitFor(ctx, dataset, name, opts.timeout);
  ctx.out.result(release, () =>
    opts.wait
      ? `Release ${name} of ${dataset}: ${describe(release)}.`
      : `Started release ${name} of ${dataset} (${release.status}). Wait for it: segments releases wait ${dataset} ${name}`,
  );
}

async function wait(ctx: Context, opts: WaitOptions, dataset: string, name: string): Promise<void> {
  const release = await waitFor(ctx, dataset, name, opts.timeout);
  ctx.out.result(release, () => `Release ${describe(release)}.`);
}

/** The release file's name when `--out` is not given: `<owner>_<dataset>_<release>.json`, made safe. */
export function defaultReleaseFileName(dataset: string, name: string): string {
  return safePath(`${dataset.replace("/", "_")}_${name}.json`);
}

/** Writes a stream to `file` through a temporary file, so an interrupted or capped download leaves no half file. */
async function writeStream(body: ReadableStream<Uint8Array>, file: string): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const output = createWriteStream(partial);
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), output);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, file);
  return output.bytesWritten;
}

/** Copies a stream to stdout as text (the release file is JSON), ending with a newline. */
async function writeToStdout(ctx: Context, body: ReadableStream<Uint8Array>): Promise<void> {
  const decoder = new TextDecoder();
  let last = "";
  for await (const chunk of chunksOf(body)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") ctx.io.stdout.write(text);
    last = text === "" ? last : text;
  }
  const rest = decoder.decode();
  if (rest !== "") ctx.io.stdout.write(rest);
  if (!(rest || last).endsWith("\n")) ctx.io.stdout.write("\n");
}

async function download(
  ctx: Context,
  opts: WaitOptions & { out?: string; maxSize: number },
  dataset: string,
  name: string,
): Promise<void> {
  const release = await waitFor(ctx, dataset, name, opts.timeout);
  const body = await openDownload(releaseFileUrl(release, dataset), {
    what: "the release file",
    maxBytes: opts.maxSize,
    signal: ctx.signal,
  });
  if (opts.out === "-") return writeToStdout(ctx, body);
  const file = opts.out ?? defaultReleaseFileName(dataset, name);
  const bytes = await writeStream(body, file);
  ctx.out.result(
    { file, bytes, release: release.name, samples: release.samples_count },
    () => `Wrote release ${name} of ${dataset} (${release.samples_count} samples) to ${file}.`,
  );
}

/** Adds `segments releases ...` to the program. */
export function registerReleases(program: Command, runtime: Runtime): void {
  const releases = program.command("releases").description("create, wait for and download releases");
  const timeoutOption = () =>
    convertedOption("--timeout <seconds>", "give up waiting after this long", seconds, DEFAULT_TIMEOUT_S);
  withJson(releases.command("list"), RELEASE_FIELDS)
    .description("list the releases of a dataset")
    .argument("<dataset>", "dataset identifier, owner/name")
    .action(action(runtime, list));
  withJson(releases.command("create"), RELEASE_FIELDS)
    .description("start a release (a snapshot of the dataset's samples and labels)")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<name>", "release name, e.g. v1.0")
    .option("--description <text>", "description")
    .option("--wait", "wait until it is built")
    .addOption(timeoutOption())
    .action(action(runtime, create));
  withJson(releases.command("wait"), RELEASE_FIELDS)
    .description("wait until a release is built (exit 5 if it FAILED, 6 on timeout)")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<name>", "release name")
    .addOption(timeoutOption())
    .action(action(runtime, wait));
  withJson(releases.command("download"), ["file", "bytes", "release", "samples"])
    .description("download the release file (JSON), waiting for it to be built")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<name>", "release name")
    .option("-o, --out <file>", "where to write it, - for stdout (default: <owner>_<dataset>_<name>.json)")
    .addOption(timeoutOption())
    .addOption(
      convertedOption(
        "--max-size <MiB>",
        "refuse a larger release file",
        mebibytes,
        DEFAULT_MAX_DOWNLOAD_MIB,
      ),
    )
    .addHelpText("after", "\nExample:\n  segments releases download jane/flowers v1.0 --out flowers.json")
    .action(action(runtime, download));
}
