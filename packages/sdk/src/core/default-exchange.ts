/**
 * The exchange a client uses when it is given no `fetch`, outside Node (the `browser` and default conditions of
 * `#default-exchange` in package.json): the global `fetch`, looked up per request so a later polyfill or mock counts.
 */
import { fetchExchange } from "./fetch-exchange.js";
import type { Exchange } from "./transport.js";

export function defaultExchange(): Exchange {
  return fetchExchange((input, init) => globalThis.fetch(input, init));
}
