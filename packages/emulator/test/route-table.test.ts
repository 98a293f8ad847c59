// The route table comes from the spec alone: every spec operation is routed to the handler of its operationId, and
// the emulator refuses to start when an operation has no handler or a handler has no operation.
import spec from "@segments-ts/openapi/openapi.json";
import { describe, expect, it } from "vitest";
import type { Handler } from "../src/app.js";
import { startEmulator } from "../src/index.js";
import * as collaborators from "../src/routes/collaborators.js";
import { combineHandlerTables, compileRoutes, HANDLERS, RouteTableError } from "../src/routes/index.js";
import * as labels from "../src/routes/labels.js";
import { type Operation, SpecValidator } from "../src/validation/spec.js";

const operations = new SpecValidator(spec as unknown as Record<string, unknown>).operations;
const ok: Handler = () => ({ status: 200, body: {} });

/** A concrete path for a template: each `{param}` filled with a value of the right shape. */
const concretePath = (template: string) =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    name.endsWith("uuid") ? "7a8c2d9e-1f3b-4c5d-8e6f-0a1b2c3d4e5f" : `${name}-x`,
  );

describe("route table", () => {
  it("routes every spec operation, by method and path, to the handler of its operationId", () => {
    expect(operations.length).toBeGreaterThan(30);
    const router = compileRoutes(operations);
    for (const operation of operations) {
      const match = router.match(operation.method, concretePath(operation.path));
      expect(match.kind, `${operation.operationId}`).toBe("found");
      if (match.kind !== "found") continue;
      expect(match.route.target.operation.operationId).toBe(operation.operationId);
      expect(match.route.target.handler).toBe(HANDLERS[operation.operationId]);
    }
    expect(Object.keys(HANDLERS).sort()).toEqual(operations.map((operation) => operation.operationId).sort());
  });

  it("refuses a spec operation without a handler, naming it with its method and path", () => {
    const { getDataset: _missing, ...handlers } = HANDLERS;
    expect(() => compileRoutes(operations, handlers)).toThrow(RouteTableError);
    expect(() => compileRoutes(operations, handlers)).toThrow(
      "spec operation getDataset (GET /datasets/{owner}/{dataset}/) has no handler",
    );
  });

  it("refuses a handler that matches no operation of the spec, naming it", () => {
    expect(() => compileRoutes(operations, { ...HANDLERS, getDatasetStats: ok })).toThrow(
      "handler getDatasetStats matches no operationId of the spec",
    );
  });

  it("names every disagreement at once, and a duplicated operationId", () => {
    const first = operations[0] as Operation;
    const twice = [...operations, { ...first, path: "/elsewhere/" }];
    const { [first.operationId]: _gone, ...handlers } = HANDLERS;
    let message = "";
    try {
      compileRoutes(twice, { ...handlers, extraOne: ok });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`operationId ${first.operationId} is declared twice in the spec`);
    expect(message).toContain(`spec operation ${first.operationId} (`);
    expect(message).toContain("handler extraOne matches no operationId of the spec");
  });

  it("takes each handler from its route module's own table", () => {
    expect(HANDLERS.getDatasetCollaborator).toBe(collaborators.handlers.getDatasetCollaborator);
    expect(HANDLERS.putLabel).toBe(labels.handlers.putLabel);
  });

  it("refuses an operationId that two route modules both declare, naming both modules", () => {
    const modules = {
      collaborators: { handlers: { ...collaborators.handlers, getLabel: ok } },
      labels,
    };
    expect(() => combineHandlerTables(modules)).toThrow(RouteTableError);
    expect(() => combineHandlerTables(modules)).toThrow(
      "operationId getLabel has a handler in both routes/collaborators.ts and routes/labels.ts",
    );
    expect(combineHandlerTables({ collaborators, labels })).toEqual({
      ...collaborators.handlers,
      ...labels.handlers,
    });
  });

  it("never takes an inherited property for a handler", () => {
    const inherited = { ...(operations[0] as Operation), operationId: "toString" };
    expect(() => compileRoutes([inherited], {})).toThrow("spec operation toString");
  });

  it("makes startEmulator refuse to start, before it opens the database", async () => {
    const handler = HANDLERS.listIssues as Handler;
    delete HANDLERS.listIssues;
    try {
      await expect(startEmulator({ dataDir: "/nonexistent/never-created" })).rejects.toThrow(
        "spec operation listIssues (GET /datasets/{owner}/{dataset}/issues/) has no handler",
      );
    } finally {
      HANDLERS.listIssues = handler;
    }
    HANDLERS.undocumentedOperation = ok;
    try {
      await expect(startEmulator()).rejects.toThrow(RouteTableError);
    } finally {
      delete HANDLERS.undocumentedOperation;
    }
  });
});
