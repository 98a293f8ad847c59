import { randomUUID } from "node:crypto";
import type { BodyBudget } from "./http/body-budget.js";
import type { PublicUrls } from "./http/public-urls.js";
import type { ReleaseBuilder } from "./releases/builder.js";
import type { PolicySigner } from "./storage/policy.js";
import type { Json, UserRecord } from "./store/records.js";
import type { Store } from "./store/store.js";
import type { RequestMode, SpecValidator } from "./validation/spec.js";
import type { TaskTypeValidator } from "./validation/task-types.js";

/** Settings every request handler may read. */
export interface AppSettings {
  /** Seconds a presigned upload stays valid. */
  uploadTtlSeconds: number;
  /** Largest accepted upload, in bytes (the policy's content-length-range). */
  maxUploadBytes: number;
  /** Largest accepted JSON request body, raw or decompressed. */
  maxBodyBytes: number;
  /** Whether label writes record workunits (see EmulatorOptions.recordWorkunits). */
  recordWorkunits: boolean;
}

/** Shared state of one running emulator, handed to every handler. */
export interface App {
  store: Store;
  spec: SpecValidator;
  taskTypes: TaskTypeValidator;
  signer: PolicySigner;
  releases: ReleaseBuilder;
  settings: AppSettings;
  /** `http://host:port`, known once the server listens. */
  baseUrl: string;
  /** The origins storage URLs were handed out under, rewritten per request. */
  urls: PublicUrls;
  /** Bytes of request bodies held in memory at once. */
  budget: BodyBudget;
  /** Production's leniency (the default) or strict checking with warnings (see RequestMode). */
  mode: RequestMode;
}

/** One API call as a handler sees it: the authenticated user, validated parameters and body. */
export interface Call {
  app: App;
  user: UserRecord;
  /** Path and query parameters, coerced to their spec types. */
  params: Json;
  body: unknown;
  /** The origin this request addressed (`http://host:port`): URLs in the answer are built on it. */
  baseUrl: string;
  /**
   * For `{owner}/{dataset}` paths: the id of the dataset the path named when the request arrived (null: none), so a
   * request whose body is still being read when the dataset is deleted and re-created never writes to the new one.
   */
  pinnedDatasetId?: number | null;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (call: Call) => Reply | Promise<Reply>;

/**
 * A route module's handlers keyed by the spec operationId each answers: every `routes/<resource>.ts` exports one as
 * `handlers`, and `routes/index.ts` combines them into the route table.
 */
export type HandlerTable = Readonly<Record<string, Handler>>;

export const now = (): string => new Date().toISOString();

/** Lets the event loop serve other requests (I/O first) before long work continues. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
export const newUuid = (): string => randomUUID();

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
