/** `segments releases list|create|wait|download`. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Release } from "@segments-ts/sdk";
import type { Command } from "commander";
import { action, type Context, type Runtime, seconds } from "../context.js";
import { about, CliError, datasetSubject, releaseSubject } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { formatTable } from "../output.js";

const DEFAULT_TIMEOUT_MS = 600_000;
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
  ctx.out.result(releases, () =>
    releases.length === 0
      ? "No releases."
      : formatTable(
          ["RELEASE", "STATUS", "SAMPLES", "CREATED"],
          releases.map((r) => [r.name, r.status, String(r.samples_count), r.created_at.slice(0, 10)]),
        ),
  );
}

async function create(
  ctx: Context,
  opts: WaitOptions & { description: string; wait?: boolean },
  dataset: string,
  name: string,
): Promise<void> {
  let release = await about(
    releaseSubject(dataset, name),
    ctx.client().addRelease(dataset, name, opts.description, { signal: ctx.signal }),
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

/** Fetches the release file. It lives on storage (a signed URL), not the API, so no API key is sent. */
export async function fetchReleaseFile(url: string, signal: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new CliError(
      `cannot download the release file: ${(error as Error).message}. Check your network and retry.`,
      ExitCode.Unavailable,
      { cause: error },
    );
  }
  if (!response.ok)
    throw new CliError(
      `downloading the release file failed (HTTP ${response.status}). Retry; the signed URL may have expired.`,
      ExitCode.Unavailable,
    );
  return response.text();
}

async function download(
  ctx: Context,
  opts: WaitOptions & { out?: string },
  dataset: string,
  name: string,
): Promise<void> {
  const release = await waitFor(ctx, dataset, name, opts.timeout);
  const text = await fetchReleaseFile(releaseFileUrl(release, dataset), ctx.signal);
  const file = opts.out ?? `${dataset.replace("/", "_")}_${name}.json`;
  if (file === "-") {
    ctx.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  ctx.out.result(
    { file, bytes: Buffer.byteLength(text), release: release.name, samples: release.samples_count },
    () => `Wrote release ${name} of ${dataset} (${release.samples_count} samples) to ${file}.`,
  );
}

/** Adds `segments releases ...` to the program. */
export function registerReleases(program: Command, runtime: Runtime): void {
  const releases = program.command("releases").description("create, wait for and download releases");
  const timeoutOption = [
    "--timeout <seconds>",
    "give up waiting after this long (default 600)",
    seconds,
  ] as const;
  releases
    .command("list")
    .description("list the releases of a dataset")
    .argument("<dataset>", "dataset identifier, owner/name")
    .action(action(runtime, list));
  releases
    .command("create")
    .description("start a release (a snapshot of the dataset's samples and labels)")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<name>", "release name, e.g. v1.0")
    .option("--description <text>", "description", "")
    .option("--wait", "wait until it is built")
    .option(...timeoutOption, DEFAULT_TIMEOUT_MS)
    .action(action(runtime, create));
  releases
    .command("wait")
    .description("wait until a release is built (exit 5 if it FAILED, 6 on timeout)")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<name>", "release name")
    .option(...timeoutOption, DEFAULT_TIMEOUT_MS)
    .action(action(runtime, wait));
  releases
    .command("download")
    .description("download the release file (JSON), waiting for it to be built")
    .argument("<dataset>", "dataset identifier, owner/name")
    .argument("<name>", "release name")
    .option("-o, --out <file>", "where to write it, - for stdout (default <owner>_<dataset>_<name>.json)")
    .option(...timeoutOption, DEFAULT_TIMEOUT_MS)
    .addHelpText("after", "\nExample:\n  segments releases download jane/flowers v1.0 --out flowers.json")
    .action(action(runtime, download));
}
