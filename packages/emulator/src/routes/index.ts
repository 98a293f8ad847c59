import type { Handler, HandlerTable } from "../app.js";
import { Router } from "../http/router.js";
import type { Operation } from "../validation/spec.js";
import * as assets from "./assets.js";
import * as collaborators from "./collaborators.js";
import * as datasets from "./datasets.js";
import * as issues from "./issues.js";
import * as labels from "./labels.js";
import * as labelsets from "./labelsets.js";
import * as releases from "./releases.js";
import * as samples from "./samples.js";
import * as users from "./users.js";
import * as workunits from "./workunits.js";

/** The spec and the handlers disagree: the emulator refuses to start rather than silently miss an endpoint. */
export class RouteTableError extends Error {
  override readonly name = "RouteTableError";
}

/**
 * Every route module, by its file name in src/routes/. Each exports its own `handlers` table keyed by the spec's
 * operationId, so a new operation of an existing resource is added in that resource's file only; a new resource
 * module is added here.
 */
const ROUTE_MODULES = {
  assets,
  collaborators,
  datasets,
  issues,
  labels,
  labelsets,
  releases,
  samples,
  users,
  workunits,
} satisfies Readonly<Record<string, { handlers: HandlerTable }>>;

/**
 * The route modules' handler tables as one, keyed by operationId. Throws a {@link RouteTableError} naming every
 * operationId that two modules both declare, which a plain object spread would silently resolve to the last one.
 */
export function combineHandlerTables(
  modules: Readonly<Record<string, { handlers: HandlerTable }>>,
): Record<string, Handler> {
  const declaredBy = new Map<string, string>();
  const entries: [string, Handler][] = [];
  const problems: string[] = [];
  for (const [moduleName, { handlers }] of Object.entries(modules)) {
    for (const [operationId, handler] of Object.entries(handlers)) {
      const first = declaredBy.get(operationId);
      if (first === undefined) {
        declaredBy.set(operationId, moduleName);
        entries.push([operationId, handler]);
      } else {
        problems.push(
          `operationId ${operationId} has a handler in both routes/${first}.ts and routes/${moduleName}.ts`,
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new RouteTableError(
      `the emulator's route modules disagree: ${problems.join("; ")}. Keep one handler each.`,
    );
  }
  // fromEntries defines own properties, so even an operationId such as "__proto__" stays a plain key.
  return Object.fromEntries(entries);
}

/**
 * Handlers keyed by the spec's operationId, from every route module's `handlers` table. Methods and paths come from
 * the spec (see {@link compileRoutes}), so a handler here needs its operation in the spec, and the reverse.
 */
export const HANDLERS: Record<string, Handler> = combineHandlerTables(ROUTE_MODULES);

/** A spec operation and the handler that answers it. */
export interface RouteTarget {
  handler: Handler;
  operation: Operation;
}

/**
 * Builds the router from the spec's operations (method, path, operationId), each answered by the handler of its
 * operationId. Throws a {@link RouteTableError} naming every operationId that is declared twice, that has no
 * handler, or whose handler matches no operation.
 */
export function compileRoutes(
  operations: readonly Operation[],
  handlers: Readonly<Record<string, Handler>> = HANDLERS,
): Router<RouteTarget> {
  const router = new Router<RouteTarget>();
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const operation of operations) {
    const { operationId, method, path } = operation;
    if (seen.has(operationId)) problems.push(`operationId ${operationId} is declared twice in the spec`);
    seen.add(operationId);
    // Own keys only: an operationId such as "toString" must not find Object.prototype's.
    const handler = Object.hasOwn(handlers, operationId) ? handlers[operationId] : undefined;
    if (handler) router.add(method, path, { handler, operation });
    else problems.push(`spec operation ${operationId} (${method} ${path}) has no handler`);
  }
  for (const operationId of Object.keys(handlers)) {
    if (!seen.has(operationId)) problems.push(`handler ${operationId} matches no operationId of the spec`);
  }
  if (problems.length > 0) {
    throw new RouteTableError(
      `the emulator's handlers (the handlers table of each src/routes/<resource>.ts) and the bundled spec disagree: ${problems.join("; ")}. ` +
        "Add the handler or the operation (openapi/, then pnpm generate).",
    );
  }
  return router;
}
