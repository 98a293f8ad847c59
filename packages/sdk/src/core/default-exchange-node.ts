/**
 * The exchange a client uses when it is given no `fetch`, in Node (the `node` condition of `#default-exchange` in
 * package.json): node:http, which costs about half the CPU of Node's fetch per request (see node-exchange.ts).
 * Bun and Deno also match the `node` condition; their node:http is built on their fetch, so they get fetch directly.
 */
import { defaultExchange as fetchDefault } from "./default-exchange.js";
import { nodeHttpExchange } from "./node-exchange.js";
import type { Exchange } from "./transport.js";

export function defaultExchange(): Exchange {
  const fetchOnly = fetchDefault();
  const versions: Record<string, string | undefined> = process.versions;
  return versions.bun || versions.deno ? fetchOnly : nodeHttpExchange(fetchOnly);
}
