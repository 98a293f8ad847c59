/**
 * Turning any error into one line a user can act on, plus an exit code. The SDK's typed errors carry the HTTP
 * status; commands add what they were working on (`dataset "jane/flowers"`) so the line can name it.
 */
import { ConversionError } from "@segments-ts/converter";
import {
  AlreadyExistsError,
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReleaseFailedError,
  ValidationError,
} from "@segments-ts/sdk";
import { ExitCode, type ExitCodeValue } from "./exit-codes.js";

/**
 * An error whose message is already fit for the user, with its exit code. The original error, if any, is `cause`.
 *
 * @example
 * ```ts
 * throw new CliError("pass --yes to delete a dataset.", ExitCode.Usage);
 * ```
 */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: ExitCodeValue;

  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** What a command was working on when a call failed, to name it in the error line. */
export interface Subject {
  /** E.g. `dataset "jane/flowers"`. */
  what: string;
  /** What to check when it does not exist. */
  notFoundHint?: string;
}

/** A `Subject` for a dataset identifier. */
export function datasetSubject(dataset: string): Subject {
  return {
    what: `dataset "${dataset}"`,
    notFoundHint: "Check the owner/name, or that your key can see it (segments datasets list).",
  };
}

/** A `Subject` for a release of a dataset. */
export function releaseSubject(dataset: string, release: string): Subject {
  return {
    what: `release "${release}" of dataset "${dataset}"`,
    notFoundHint: `Check both names (segments releases list ${dataset}).`,
  };
}

/**
 * Runs an API call and, if it fails, rethrows a {@link CliError} that names `subject`.
 *
 * @example
 * ```ts
 * const dataset = await about(datasetSubject(id), client.getDataset(id));
 * ```
 */
export async function about<T>(subject: Subject, call: PromiseLike<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw explainError(error, subject);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** The API's own explanation, without the SDK's `404 GET /path:` prefix. */
function apiDetail(error: APIError): string {
  const match = /^\d{3} [A-Z]+ \S+: (.*)$/s.exec(error.message);
  return oneLine(match?.[1] ?? error.message).replace(/\s*\(check the dataset identifier.*\)$/, "");
}

function statusText(error: APIError): string {
  return error.status === undefined ? "" : ` (${error.status})`;
}

/** Explains an SDK error; `undefined` when the error is not one. */
function explainApiError(error: unknown, subject: Subject | undefined): CliError | undefined {
  const what = subject?.what ?? "the resource";
  const make = (message: string, code: ExitCodeValue) => new CliError(message, code, { cause: error });
  if (error instanceof APIUserAbortError) return make("interrupted.", ExitCode.Interrupted);
  if (error instanceof APITimeoutError)
    return make(`timed out: ${oneLine(error.message)} Retry, or raise --timeout.`, ExitCode.Unavailable);
  if (error instanceof APIConnectionError) {
    const code = (error.cause as { code?: string; cause?: { code?: string } } | undefined)?.cause?.code;
    return make(
      `cannot reach the API${code ? ` (${code})` : ""}: ${oneLine(error.message)} Check SEGMENTS_API_URL and your network.`,
      ExitCode.Unavailable,
    );
  }
  if (error instanceof ReleaseFailedError)
    return make(
      `release "${error.release.name}" FAILED on the server. Check the dataset, then create a new release.`,
      ExitCode.Rejected,
    );
  if (error instanceof ValidationError)
    return make(`${oneLine(error.message)} See --help for the expected form.`, ExitCode.Usage);
  if (!(error instanceof APIError)) return undefined;
  if (error instanceof AuthenticationError) {
    return error.status === undefined
      ? make(
          "no API key. Set SEGMENTS_API_KEY (create a key under Account > API keys on segments.ai).",
          ExitCode.Auth,
        )
      : make(
          `the API rejected your key${statusText(error)}. Check SEGMENTS_API_KEY (and SEGMENTS_API_URL if you use another server).`,
          ExitCode.Auth,
        );
  }
  if (error instanceof PermissionDeniedError)
    return make(
      `not allowed to access ${what}${statusText(error)}: ${apiDetail(error)}. Ask its owner for access.`,
      ExitCode.Auth,
    );
  if (error instanceof NotFoundError)
    return make(
      `${what} not found${statusText(error)}. ${subject?.notFoundHint ?? "Check the name, or that your key can see it."}`,
      ExitCode.NotFound,
    );
  if (error instanceof AlreadyExistsError)
    return make(
      `${what} already exists${statusText(error)}. Pick another name, or delete it first.`,
      ExitCode.Rejected,
    );
  if (error instanceof RateLimitError)
    return make(
      `rate limited${statusText(error)} even after retries. Wait a minute and re-run, or lower --concurrency.`,
      ExitCode.Unavailable,
    );
  if (error instanceof InternalServerError)
    return make(
      `the server failed${statusText(error)}: ${apiDetail(error)}. Retry later${error.requestId ? `; request id ${error.requestId}` : ""}.`,
      ExitCode.Unavailable,
    );
  const kind = error instanceof ConflictError ? "conflict" : "request rejected";
  return make(
    `${kind} for ${what}${statusText(error)}: ${apiDetail(error)}. Check the arguments.`,
    ExitCode.Rejected,
  );
}

/** Explains a file-system error (a missing input file is the common one). */
function explainFsError(error: unknown): CliError | undefined {
  const fsError = error as NodeJS.ErrnoException;
  if (typeof fsError?.code !== "string" || typeof fsError.syscall !== "string") return undefined;
  const path = fsError.path ?? "";
  if (fsError.code === "ENOENT")
    return new CliError(`no such file or directory: ${path}. Check the path.`, ExitCode.NotFound, {
      cause: error,
    });
  // A file where a folder is expected: readdir says ENOTDIR, mkdir of an existing file says EEXIST.
  if (fsError.code === "ENOTDIR" || (fsError.code === "EEXIST" && fsError.syscall === "mkdir"))
    return new CliError(`${path} is a file, not a folder. Give a folder.`, ExitCode.Usage, { cause: error });
  if (fsError.code === "EISDIR")
    return new CliError(`${path || "a folder"} is a folder, not a file. Give a file.`, ExitCode.Usage, {
      cause: error,
    });
  if (fsError.code === "EACCES" || fsError.code === "EPERM")
    return new CliError(`permission denied: ${path}. Check the file's permissions.`, ExitCode.Auth, {
      cause: error,
    });
  return new CliError(`${fsError.code} on ${path || fsError.syscall}: ${oneLine(fsError.message)}`, 1, {
    cause: error,
  });
}

/**
 * Maps any thrown value to a {@link CliError}: a one-line message with the fix, and the exit code.
 *
 * @example
 * ```ts
 * const { message, exitCode } = explainError(error, datasetSubject("jane/flowers"));
 * ```
 */
export function explainError(error: unknown, subject?: Subject): CliError {
  if (error instanceof CliError) return error;
  const explained = explainApiError(error, subject) ?? explainFsError(error);
  if (explained) return explained;
  if (error instanceof ConversionError) {
    // The converter names its option; on the command line the same limit is --max-size.
    const message = oneLine(error.message).replace(
      /pass a larger maxDownloadBytes option to load it/,
      "raise --max-size",
    );
    return new CliError(`cannot convert: ${message}.`, ExitCode.Rejected, { cause: error });
  }
  const message = error instanceof Error ? oneLine(error.message) : String(error);
  return new CliError(`${message} (re-run with --debug for details).`, ExitCode.Unexpected, {
    cause: error,
  });
}

/** The stack and API details `--debug` adds under the error line. */
export function debugDetails(error: CliError): string {
  const original = error.cause ?? error;
  const lines: string[] = [];
  if (original instanceof APIError) {
    if (original.status !== undefined) lines.push(`status: ${original.status}`);
    lines.push(`request id: ${original.requestId ?? "(none)"}`);
    if (original.body !== undefined && original.body !== "")
      lines.push(`body: ${JSON.stringify(original.body)}`);
  }
  lines.push(original instanceof Error ? (original.stack ?? String(original)) : String(original));
  return lines.join("\n");
}
