import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import spec from "@segments-ts/openapi/openapi.json";
import type { App } from "./app.js";
import type { Role } from "./generated/enums.js";
import { DEFAULT_MAX_BODY_BYTES } from "./http/body.js";
import { BodyBudget, DEFAULT_BODY_WAIT_MS, DEFAULT_MAX_IN_FLIGHT_BODY_BYTES } from "./http/body-budget.js";
import { CorsPolicy } from "./http/cors.js";
import { PublicUrls } from "./http/public-urls.js";
import { parseRateLimit, type RateLimit, Throttle } from "./http/rate-limit.js";
import type { Router } from "./http/router.js";
import { createRequestListener, handleClientError, type Violation } from "./http/server.js";
import { ReleaseBuilder } from "./releases/builder.js";
import { compileRoutes, type RouteTarget } from "./routes/index.js";
import { checkTablesAgainstSpec } from "./spec/tables.js";
import { PolicySigner } from "./storage/policy.js";
import { openDatabase } from "./store/db.js";
import { Store } from "./store/store.js";
import { type RequestMode, SpecValidator } from "./validation/spec.js";
import { TaskTypeValidator } from "./validation/task-types.js";

export type { RateLimit } from "./http/rate-limit.js";
export type { Violation } from "./http/server.js";

/** A user account, authenticated with `Authorization: APIKey <apiKey>`. */
export interface EmulatorUser {
  username: string;
  apiKey: string;
  email?: string;
}

/** An organization: it owns datasets; its members act on them with their organization role. */
export interface EmulatorOrganization {
  name: string;
  members: { username: string; role: Role }[];
  /**
   * Users who see that the organization's datasets exist but may do nothing on them unless they are collaborators:
   * every request on a private one is a `403` ("You do not have permission to perform this action."), not the
   * `404` an outsider gets. The visible-but-forbidden answer production gives in some role setups, so code can
   * meet its `AuthorizationError` offline.
   */
  guests?: string[];
}

/** Options of {@link startEmulator}; every field is optional. */
export interface EmulatorOptions {
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port; `0` (the default) picks a free one. The CLI defaults to 8787. */
  port?: number;
  /** Keep state in `<dataDir>/emulator.sqlite` (WAL, fsync per commit). Default: in memory. */
  dataDir?: string;
  /** Users to create (or whose keys to update). The first is the default user. Default: `demo` with a random key. */
  users?: EmulatorUser[];
  /** Organizations to create, with their members (who must be in `users` or already stored). */
  organizations?: EmulatorOrganization[];
  /** Throttle each user to this budget, e.g. `"5/s"` or `{ requests: 5, windowSeconds: 1 }`. Default: none. */
  rateLimit?: string | RateLimit;
  /**
   * Check every response against the spec; a non-conforming one becomes a 500 naming the violation and is
   * recorded in {@link Emulator.violations}. Default: true when `NODE_ENV === "test"` or under Vitest.
   */
  validateResponses?: boolean;
  /** How long a release stays `PENDING` before its file is built. Default 200 ms. */
  releaseDelayMs?: number;
  /** Lifetime of presigned upload policies. Default 3600 s. */
  uploadTtlSeconds?: number;
  /** Upload size limit written into presigned policies. Default 100 MiB. */
  maxUploadBytes?: number;
  /**
   * Largest accepted JSON request body in bytes, checked on the raw body and again after gzip decompression.
   * A larger one is answered `413 {"detail": "Request body is too large (limit N bytes)."}`. Default 64 MiB.
   */
  maxBodyBytes?: number;
  /**
   * Budget for the bytes of request bodies held in memory at once, across all requests (JSON bodies raw and
   * decompressed, and uploads). A request that does not fit waits, unread, for others to finish (see
   * `maxBodyWaitMs`), then is answered `503` with `Retry-After: 1`; one request alone is always admitted.
   * Default 256 MiB.
   */
  maxInFlightBodyBytes?: number;
  /** How long a request waits for its share of `maxInFlightBodyBytes` before it is answered 503. Default 10 s. */
  maxBodyWaitMs?: number;
  /**
   * Strict mode, to catch typos and mistakes production would let through. By default the emulator is as lenient
   * as production: unknown body fields and query parameters are ignored, unknown `sort` keys fall back to the
   * default order, a repeated array query parameter is merged like its comma form. In strict mode unknown body
   * fields are a 400 naming the field, every other leniency used is recorded in {@link Emulator.warnings} (and
   * logged), responses are validated (`validateResponses` defaults to true) and `close()` rejects if any response
   * broke the spec. Default: true when the environment variable `SEGMENTS_EMULATOR_STRICT` is `1`.
   */
  strict?: boolean;
  /**
   * Record a workunit for each label written through the API, as if each were a labeling session in the web app.
   * Default false: production records workunits from its labeling interface (they carry session times), so API
   * writes add none unless this is set to have some to list.
   */
  recordWorkunits?: boolean;
  /**
   * Origins of browser pages that may call the emulator (CORS): exact origins such as `"http://localhost:5173"`,
   * `"localhost"` for every loopback origin (any port, `localhost`, `*.localhost`, `127.x.x.x`, `[::1]`) or `"*"`
   * for every origin. Other origins get no CORS headers, so browsers keep the answers from their pages; an empty
   * list allows none. Default `["localhost"]`.
   */
  cors?: readonly string[];
  /** Where errors and spec violations are reported. Default `console.error`. */
  log?: (message: string, error?: unknown) => void;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:8787`; use it as the SDK's `api_url`. */
  url: string;
  /** API key of the default (first) user. */
  apiKey: string;
  /** Username of the default user. */
  username: string;
  /** Responses that did not conform to the spec (only recorded when `validateResponses` is on). */
  violations: readonly Violation[];
  /**
   * Strict mode only: each distinct place where a request relied on production's leniency (an unknown query
   * parameter, an unknown `sort` key, a repeated query parameter merged), at most {@link MAX_WARNINGS}.
   */
  warnings: readonly string[];
  /**
   * Stops the server, waits for open connections and closes the database. In strict mode it then rejects if a
   * response did not conform to the spec (see {@link EmulatorOptions.strict}).
   */
  close(): Promise<void>;
}

/** Warnings kept by a strict emulator; later distinct ones are dropped. */
export const MAX_WARNINGS = 1000;

function defaultValidateResponses(): boolean {
  return process.env.NODE_ENV === "test" || Boolean(process.env.VITEST);
}

function defaultStrict(): boolean {
  return process.env.SEGMENTS_EMULATOR_STRICT === "1";
}

/** The request mode of an emulator and the warnings it records (see EmulatorOptions.strict). */
function requestMode(strict: boolean, log: (message: string) => void): RequestMode & { warnings: string[] } {
  const warnings: string[] = [];
  const seen = new Set<string>();
  return {
    strict,
    warnings,
    warn(message) {
      if (!strict || seen.has(message) || warnings.length >= MAX_WARNINGS) return;
      seen.add(message);
      warnings.push(message);
      log(`strict mode: ${message}`);
    },
  };
}

function seedAccounts(store: Store, options: EmulatorOptions): { username: string; apiKey: string } {
  const createdAt = new Date().toISOString();
  const users = options.users?.length ? options.users : [defaultDemoUser(store)];
  store.transaction(() => {
    for (const user of users) {
      const existing = store.getUser(user.username);
      store.putUser({
        username: user.username,
        apiKey: user.apiKey,
        email: user.email ?? existing?.email ?? null,
        isOrganization: false,
        createdAt: existing?.createdAt ?? createdAt,
      });
    }
    for (const org of options.organizations ?? []) {
      const existing = store.getUser(org.name);
      store.putUser({
        username: org.name,
        apiKey: null,
        email: null,
        isOrganization: true,
        createdAt: existing?.createdAt ?? createdAt,
      });
      for (const member of org.members) {
        if (!store.getUser(member.username)) {
          throw new TypeError(`organizations: member "${member.username}" of "${org.name}" is not a user`);
        }
        store.putOrgMember(org.name, member.username, member.role);
      }
      for (const guest of org.guests ?? []) {
        if (!store.getUser(guest))
          throw new TypeError(`organizations: guest "${guest}" of "${org.name}" is not a user`);
        store.putOrgGuest(org.name, guest);
      }
    }
  });
  const first = users[0] as EmulatorUser;
  return { username: first.username, apiKey: first.apiKey };
}

/** The `demo` user: its key is kept in the database so a `--data-dir` emulator prints the same key every time. */
function defaultDemoUser(store: Store): EmulatorUser {
  const existing = store.getUser("demo");
  return { username: "demo", apiKey: existing?.apiKey ?? `demo-${randomBytes(16).toString("hex")}` };
}

function signingSecret(store: Store): string {
  let secret = store.getMeta("signing_secret");
  if (!secret) {
    secret = randomBytes(32).toString("hex");
    store.setMeta("signing_secret", secret);
  }
  return secret;
}

let specValidatorInstance: SpecValidator | undefined;

/** Compiling the spec's validators takes a few hundred ms; emulators in one process share them (they are pure). */
function sharedSpecValidator(): SpecValidator {
  specValidatorInstance ??= new SpecValidator(spec as unknown as Record<string, unknown>);
  return specValidatorInstance;
}

/** Internal: the shared state of an emulator before it listens (tests wrap parts of it). */
export interface BuiltApp {
  app: App;
  account: { username: string; apiKey: string };
  options: EmulatorOptions;
  cors: CorsPolicy;
  routes: Router<RouteTarget>;
  log: (message: string, error?: unknown) => void;
  /** What strict mode warned about (see {@link Emulator.warnings}). */
  warnings: string[];
}

/** Opens the database and builds the handlers' shared state; throws on bad options or an unusable `dataDir`. */
export function buildApp(options: EmulatorOptions = {}): BuiltApp {
  const log =
    options.log ??
    ((message: string, error?: unknown) => console.error(`[emulator] ${message}`, error ?? ""));
  const maxBodyBytes = positiveInteger(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, "maxBodyBytes");
  const maxInFlight = positiveInteger(
    options.maxInFlightBodyBytes ?? DEFAULT_MAX_IN_FLIGHT_BODY_BYTES,
    "maxInFlightBodyBytes",
  );
  const mode = requestMode(options.strict ?? defaultStrict(), log);
  const cors = new CorsPolicy(options.cors);
  const specValidator = sharedSpecValidator();
  // Before the database opens: a spec operation without a handler (or the reverse), or a spec role or task type the
  // emulator has no table entry for, stops the start.
  const routes = compileRoutes(specValidator.operations);
  checkTablesAgainstSpec(specValidator.spec);
  const store = new Store(openDatabase(options.dataDir));
  const account = seedAccounts(store, options);
  const releases = new ReleaseBuilder(store, options.releaseDelayMs ?? 200, (error) =>
    log("release build failed", error),
  );
  const app: App = {
    store,
    spec: specValidator,
    taskTypes: new TaskTypeValidator(specValidator),
    signer: new PolicySigner(signingSecret(store)),
    releases,
    settings: {
      uploadTtlSeconds: options.uploadTtlSeconds ?? 3600,
      maxUploadBytes: options.maxUploadBytes ?? 100 * 1024 * 1024,
      maxBodyBytes,
      recordWorkunits: options.recordWorkunits === true,
    },
    baseUrl: "",
    urls: new PublicUrls(store),
    budget: new BodyBudget(maxInFlight, options.maxBodyWaitMs ?? DEFAULT_BODY_WAIT_MS),
    mode,
  };
  return { app, account, options, cors, routes, log, warnings: mode.warnings };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${name}: expected a positive integer, got ${value}`);
  }
  return value;
}

/** Internal: serves a built app on `node:http` (see {@link startEmulator}). */
export async function serveApp({
  app,
  account,
  options,
  cors,
  routes,
  log,
  warnings,
}: BuiltApp): Promise<Emulator> {
  const rateLimit =
    typeof options.rateLimit === "string" ? parseRateLimit(options.rateLimit) : options.rateLimit;
  const violations: Violation[] = [];
  const listener = createRequestListener(app, {
    throttle: rateLimit ? new Throttle(rateLimit) : undefined,
    validateResponses: options.validateResponses ?? (app.mode.strict || defaultValidateResponses()),
    violations,
    maxBodyBytes: app.settings.maxBodyBytes,
    cors,
    routes,
    log,
  });
  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    listener(req, res).catch((error: unknown) => {
      log("unhandled request error", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ detail: "Internal server error." }));
    });
  });
  // Oversized headers or URL and malformed HTTP get a JSON error too, not Node's bare status line.
  server.on("clientError", handleClientError);
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    app.store.db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  app.baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  app.urls.remember(app.baseUrl);
  app.releases.baseUrl = app.baseUrl;
  app.releases.resumePending();

  let closed: Promise<void> | undefined;
  return {
    url: app.baseUrl,
    apiKey: account.apiKey,
    username: account.username,
    violations,
    warnings,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        app.releases.stop();
        server.close(() => {
          app.store.db.close();
          if (app.mode.strict && violations.length > 0) reject(violationsError(violations));
          else resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

function violationsError(violations: readonly Violation[]): Error {
  const lines = violations.slice(0, 10).map((v) => `  ${v.method} ${v.path} -> ${v.status}: ${v.message}`);
  if (violations.length > 10) lines.push(`  ... and ${violations.length - 10} more`);
  return new Error(
    `strict mode: ${violations.length} response(s) did not conform to the OpenAPI spec:\n${lines.join("\n")}`,
  );
}

/**
 * Starts a local, stateful emulator of the Segments.ai API on `node:http`, validating requests (and, in test mode,
 * responses) against the bundled OpenAPI spec. An unusable `dataDir` (not a directory, not writable, or holding a
 * database that fails `PRAGMA quick_check`) rejects with a {@link DataDirError} naming it and the cause.
 *
 * @example
 * ```ts
 * import { startEmulator } from "@segments-ts/emulator";
 *
 * const emulator = await startEmulator({ users: [{ username: "jane", apiKey: "jane-key" }] });
 * const res = await fetch(`${emulator.url}/user`, { headers: { Authorization: `APIKey ${emulator.apiKey}` } });
 * console.log(await res.json()); // { username: "jane", ... }
 * await emulator.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return serveApp(buildApp(options));
}
