/**
 * Every array query parameter of the spec goes over the wire the way the spec declares it and the API reads it: one
 * comma-joined value (`style: form, explode: false`), never the name repeated. The cases are read from the bundled
 * spec, so an array parameter added to the spec is covered without touching this file.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSegmentsApiClient } from "@segments-ts/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  style?: string;
  explode?: boolean;
  schema?: Json;
}

const spec = JSON.parse(
  readFileSync(new URL("../../../openapi/bundle/openapi.json", import.meta.url), "utf8"),
) as Json;

/** Follows a local `$ref` such as `#/components/schemas/LabelStatus`. */
function resolve<T>(node: T): T {
  let current = node as Json | undefined;
  while (typeof current?.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<Json | undefined>((parent, key) => parent?.[key] as Json | undefined, spec);
  }
  return current as T;
}

/** Two distinct values the parameter's item schema accepts: its first enum values, else strings its pattern allows. */
function sampleValues(items: Json): [string, string] {
  if (Array.isArray(items.enum) && items.enum.length >= 2)
    return [String(items.enum[0]), String(items.enum[1])];
  const pattern = typeof items.pattern === "string" ? new RegExp(items.pattern) : undefined;
  const candidates: [string, string][] = [
    ["alpha", "beta"],
    ["weather:sunny day", "camera:left/front"],
  ];
  const fitting = candidates.find((pair) => pair.every((value) => pattern?.test(value) ?? true));
  if (!fitting) throw new Error(`no sample value fits the pattern ${String(items.pattern)}: add a candidate`);
  return fitting;
}

interface Case {
  operationId: string;
  method: string;
  path: string;
  parameter: Parameter;
}

function arrayQueryParameters(): Case[] {
  const cases: Case[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    for (const [method, operation] of Object.entries(item)) {
      const op = operation as Json;
      if (typeof op?.operationId !== "string") continue;
      const parameters = [...shared, ...((op.parameters as Parameter[] | undefined) ?? [])].map(resolve);
      for (const parameter of parameters) {
        if (parameter.in === "query" && resolve(parameter.schema)?.type === "array") {
          cases.push({ operationId: op.operationId, method: method.toUpperCase(), path, parameter });
        }
      }
    }
  }
  return cases;
}

const CASES = arrayQueryParameters();

let server: Server;
let baseUrl: string;
const urls: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    urls.push(req.url ?? "");
    res.writeHead(204).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

test("the spec has array query parameters to check", () => {
  expect(CASES.map((c) => `${c.operationId}.${c.parameter.name}`)).toEqual(
    expect.arrayContaining(["listSamples.label_status", "listSamples.filters"]),
  );
});

describe.each(CASES.map((c) => [`${c.operationId} ${c.parameter.name}`, c] as const))("%s", (_name, c) => {
  test("is declared as one comma-joined value (style: form, explode: false), the form the API reads", () => {
    expect(c.parameter.style ?? "form").toBe("form");
    expect(c.parameter.explode, "OpenAPI's default for form is explode: true; declare explode: false").toBe(
      false,
    );
  });

  test("goes over the wire once, its values comma-joined and percent-encoded", async () => {
    const values = sampleValues(resolve(resolve(c.parameter.schema)?.items as Json));
    const pathValues = Object.fromEntries([...c.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, "x"]));
    const api = createSegmentsApiClient({ apiKey: "k", baseUrl });
    const call = api.request as unknown as (method: string, path: string, init: unknown) => Promise<unknown>;
    await call(c.method, c.path, {
      params: { path: pathValues, query: { [c.parameter.name]: values } },
    });
    const url = new URL(urls.at(-1) ?? "", baseUrl);
    const raw = url.search
      .slice(1)
      .split("&")
      .filter((pair) => pair.startsWith(`${c.parameter.name}=`));
    expect(raw).toEqual([`${c.parameter.name}=${values.map(encodeURIComponent).join(",")}`]);
    expect(url.searchParams.get(c.parameter.name)?.split(",")).toEqual(values);
  });
});
