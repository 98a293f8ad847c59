// Which API operations each SegmentsClient method makes, read from the SDK's source: every method (in client.ts, or
// in the classes of packages/sdk/src/methods/* that SegmentsClient extends) delegates to functions in
// packages/sdk/src/resources/*, which call the typed client as `ctx.api.GET("/datasets/{owner}/...")`.
// Following the calls from each method to those literal (method, path) pairs and looking them up in the client's
// generated OPERATIONS table gives the operationIds, so no table in the docs names a method per operation.
//
// The SDK now exports that table (OPERATION_METHODS), which src/operations.ts reads; this module stays as a second,
// independent reading of the code.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { OPERATIONS } from "@segments-ts/client";
import ts from "typescript";
import { ROOT_DIR } from "./paths.ts";

export const SDK_SOURCE_DIR = join(ROOT_DIR, "packages", "sdk", "src");
const HTTP_VERBS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const CLIENT_CLASS = "SegmentsClient";

/** A function (or class method) of the SDK's source: its direct API calls and the functions it calls. */
interface Callable {
  requests: Set<string>;
  callees: Set<string>;
}

interface ModuleScope {
  file: string;
  /** Local name -> callable key, for named imports of another module's function. */
  imports: Map<string, string>;
  /** Namespace import name -> module file. */
  namespaces: Map<string, string>;
}

const key = (file: string, name: string) => `${file}#${name}`;

function importedFile(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  return resolve(dirname(from), specifier.replace(/\.js$/, ".ts"));
}

function moduleScope(file: string, source: ts.SourceFile): ModuleScope {
  const scope: ModuleScope = { file, imports: new Map(), namespaces: new Map() };
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = importedFile(file, statement.moduleSpecifier.text);
    const bindings = statement.importClause?.namedBindings;
    if (!target || !bindings) continue;
    if (ts.isNamespaceImport(bindings)) scope.namespaces.set(bindings.name.text, target);
    else
      for (const element of bindings.elements)
        scope.imports.set(element.name.text, key(target, (element.propertyName ?? element.name).text));
  }
  return scope;
}

/** The (method, path) requests and the callees found anywhere under `body`, nested callbacks included. */
function scanBody(body: ts.Node, scope: ModuleScope): Callable {
  const callable: Callable = { requests: new Set(), callees: new Set() };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [first] = node.arguments;
      if (ts.isIdentifier(callee)) {
        callable.callees.add(scope.imports.get(callee.text) ?? key(scope.file, callee.text));
      } else if (ts.isPropertyAccessExpression(callee)) {
        const target = callee.expression;
        const name = callee.name.text;
        if (HTTP_VERBS.has(name) && first && ts.isStringLiteralLike(first)) {
          callable.requests.add(`${name} ${first.text}`);
        } else if (target.kind === ts.SyntaxKind.ThisKeyword) {
          callable.callees.add(key(scope.file, `${CLIENT_CLASS}.${name}`));
        } else if (ts.isIdentifier(target) && scope.namespaces.has(target.text)) {
          callable.callees.add(key(scope.namespaces.get(target.text) as string, name));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return callable;
}

/** A file of packages/sdk/src/methods/: its class is a layer of SegmentsClient. */
const isMethodLayer = (file: string) => dirname(file).endsWith(`${join("src", "methods")}`);

/** Every function, arrow-function constant and SegmentsClient method of the given files, by key. */
function collectCallables(files: readonly string[]): { callables: Map<string, Callable>; methods: string[] } {
  const callables = new Map<string, Callable>();
  const methods: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const scope = moduleScope(file, source);
    for (const statement of source.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
        callables.set(key(file, statement.name.text), scanBody(statement.body, scope));
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations)
          if (ts.isIdentifier(declaration.name) && declaration.initializer)
            callables.set(key(file, declaration.name.text), scanBody(declaration.initializer, scope));
      } else if (
        ts.isClassDeclaration(statement) &&
        (statement.name?.text === CLIENT_CLASS || isMethodLayer(file))
      ) {
        for (const member of statement.members) {
          if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name)) continue;
          const name = member.name.text;
          callables.set(key(file, `${CLIENT_CLASS}.${name}`), scanBody(member.body, scope));
          const isPrivate = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Private;
          if (!isPrivate) methods.push(key(file, `${CLIENT_CLASS}.${name}`));
        }
      }
    }
  }
  return { callables, methods };
}

/** The requests `start` makes, itself or through the functions it calls. */
function reachableRequests(start: string, callables: ReadonlyMap<string, Callable>): Set<string> {
  const requests = new Set<string>();
  const seen = new Set<string>();
  const pending = [start];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const callable = callables.get(next);
    if (!callable) continue; // a function outside the scanned files (validation, errors): makes no request
    for (const request of callable.requests) requests.add(request);
    pending.push(...callable.callees);
  }
  return requests;
}

/** `GET /datasets/{owner}/{dataset}/` -> `getDataset`, from the client's generated table. */
export function operationIdsByRequest(): Map<string, string> {
  return new Map(
    Object.entries(OPERATIONS).map(([operationId, operation]) => [
      `${operation.method} ${operation.path}`,
      operationId,
    ]),
  );
}

/**
 * For each public SegmentsClient method, the operationIds it makes. Throws on a request literal the spec does not
 * have (the SDK and the spec disagree).
 */
export function sdkMethodOperations(sourceDir: string = SDK_SOURCE_DIR): Map<string, string[]> {
  const tsFiles = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith(".ts"))
          .map((name) => join(dir, name))
      : [];
  const files = [
    join(sourceDir, "client.ts"),
    ...tsFiles(join(sourceDir, "methods")),
    ...tsFiles(join(sourceDir, "resources")),
  ];
  const { callables, methods } = collectCallables(files);
  const byRequest = operationIdsByRequest();
  const result = new Map<string, string[]>();
  for (const method of methods) {
    const operationIds = [...reachableRequests(method, callables)].map((request) => {
      const operationId = byRequest.get(request);
      if (!operationId) throw new Error(`${method} requests ${request}, which the spec does not have`);
      return operationId;
    });
    if (operationIds.length > 0)
      result.set(method.split(`#${CLIENT_CLASS}.`)[1] as string, operationIds.sort());
  }
  return result;
}

/**
 * For each operationId, the SegmentsClient methods that make it, the most direct first: the method making the
 * fewest operations (`getDataset` before a method that reads the dataset on its way), then plain before `iter*`.
 */
export function sdkMethodsByOperation(
  methods: ReadonlyMap<string, readonly string[]>,
): Map<string, string[]> {
  const byOperation = new Map<string, string[]>();
  for (const [method, operationIds] of methods)
    for (const operationId of operationIds)
      byOperation.set(operationId, [...(byOperation.get(operationId) ?? []), method]);
  const rank = (method: string) =>
    [methods.get(method)?.length ?? 0, method.startsWith("iter") ? 1 : 0] as const;
  for (const candidates of byOperation.values())
    candidates.sort((a, b) => {
      const [countA, iterA] = rank(a);
      const [countB, iterB] = rank(b);
      return countA - countB || iterA - iterB || a.localeCompare(b);
    });
  return byOperation;
}
