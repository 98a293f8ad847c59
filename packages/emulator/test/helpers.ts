import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";

export interface ApiResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
}

/** A tiny fetch wrapper: JSON in, JSON out, with the user's API key. */
export function client(emulator: Emulator, apiKey: string | null = emulator.apiKey) {
  return async function request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        ...(apiKey === null ? {} : { Authorization: `APIKey ${apiKey}` }),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    } as ApiResponse;
  };
}

export type Request = ReturnType<typeof client>;

export const USERS = [
  { username: "jane", apiKey: "jane-key" },
  { username: "viewer", apiKey: "viewer-key" },
  { username: "labeler", apiKey: "labeler-key" },
  { username: "reviewer", apiKey: "reviewer-key" },
  { username: "manager", apiKey: "manager-key" },
  { username: "admin", apiKey: "admin-key" },
  { username: "stranger", apiKey: "stranger-key" },
];

/** Starts an emulator with the standard test users and response validation on. */
export function start(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ users: USERS, validateResponses: true, releaseDelayMs: 30, ...options });
}

export const imageAttributes = (name: string) => ({ image: { url: `https://example.com/${name}` } });

export const vectorLabel = {
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

/** Creates a `vector` dataset owned by jane. */
export async function createDataset(request: Request, name: string, extra: Record<string, unknown> = {}) {
  const response = await request("POST", "/user/datasets/", {
    name,
    task_type: "vector",
    task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "object" }] },
    ...extra,
  });
  if (response.status !== 201) throw new Error(`dataset not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createSample(
  request: Request,
  dataset: string,
  name: string,
  extra: Record<string, unknown> = {},
) {
  const response = await request("POST", `/datasets/${dataset}/samples/`, {
    name,
    attributes: imageAttributes(name),
    ...extra,
  });
  if (response.status !== 201) throw new Error(`sample not created: ${JSON.stringify(response.body)}`);
  return response.body;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
