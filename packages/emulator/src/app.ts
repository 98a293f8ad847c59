import { randomUUID } from "node:crypto";
import type { ReleaseBuilder } from "./releases/builder.js";
import type { PolicySigner } from "./storage/policy.js";
import type { Json, UserRecord } from "./store/records.js";
import type { Store } from "./store/store.js";
import type { SpecValidator } from "./validation/spec.js";
import type { TaskTypeValidator } from "./validation/task-types.js";

/** Settings every request handler may read. */
export interface AppSettings {
  /** Seconds a presigned upload stays valid. */
  uploadTtlSeconds: number;
  /** Largest accepted upload, in bytes (the policy's content-length-range). */
  maxUploadBytes: number;
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
}

/** One API call as a handler sees it: the authenticated user, validated parameters and body. */
export interface Call {
  app: App;
  user: UserRecord;
  /** Path and query parameters, coerced to their spec types. */
  params: Json;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (call: Call) => Reply;

export const now = (): string => new Date().toISOString();
export const newUuid = (): string => randomUUID();

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });
