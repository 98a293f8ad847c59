// Which API operations each SegmentsClient method makes, read from the SDK's source. SegmentsClient (client.ts) is a
// chain of classes, one per resource file of packages/sdk/src/methods/, each extending the previous; each method
// calls the typed client itself, as `api.GET("/datasets/{owner}/...")`, directly or through helper functions (of
// its file or a neighbour) and other methods (`this.getSample(...)`). Following the calls from each method to those
// literal (method, path) pairs and looking them up in the client's generated OPERATIONS table gives the
// operationIds, so no table in the docs names a method per operation.
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
          // Any layer of the chain may declare it: methods are keyed by name alone (see clientMethodKey).
          callable.callees.add(clientMethodKey(name));
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

/** SegmentsClient's methods are one namespace, whichever class of the chain declares them. */
const clientMethodKey = (name: string) => `${CLIENT_CLASS}.${name}`;

/** A class of the scanned files: its methods, and the class it extends (a key, resolved through the imports). */
interface ClassInfo {
  methods: { name: string; isPrivate: boolean; body: ts.Block }[];
  scope: ModuleScope;
  base: string | undefined;
}

function classInfo(statement: ts.ClassDeclaration, scope: ModuleScope): ClassInfo {
  const heritage = statement.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
  const baseName = heritage?.types[0]?.expression;
  const base =
    baseName && ts.isIdentifier(baseName)
      ? (scope.imports.get(baseName.text) ?? key(scope.file, baseName.text))
      : undefined;
  const methods: ClassInfo["methods"] = [];
  for (const member of statement.members) {
    if (!ts.isMethodDeclaration(member) || !member.body) continue;
    if (!ts.isIdentifier(member.name) && !ts.isPrivateIdentifier(member.name)) continue;
    const isPrivate =
      ts.isPrivateIdentifier(member.name) ||
      (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Private) !== 0;
    methods.push({ name: member.name.text, isPrivate, body: member.body });
  }
  return { methods, scope, base };
}

/** Adds the functions and arrow-function constants of one file to `callables` by key, and its classes to `classes`. */
function collectFile(file: string, callables: Map<string, Callable>, classes: Map<string, ClassInfo>): void {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const scope = moduleScope(file, source);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      callables.set(key(file, statement.name.text), scanBody(statement.body, scope));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name) && declaration.initializer)
          callables.set(key(file, declaration.name.text), scanBody(declaration.initializer, scope));
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      classes.set(key(file, statement.name.text), classInfo(statement, scope));
    }
  }
}

/** The class `start` and the classes it extends, most derived first, as long as they are among `classes`. */
function classChain(start: string, classes: ReadonlyMap<string, ClassInfo>): ClassInfo[] {
  const chain: ClassInfo[] = [];
  for (let layer = classes.get(start); layer && !chain.includes(layer); ) {
    chain.push(layer);
    layer = layer.base === undefined ? undefined : classes.get(layer.base);
  }
  return chain;
}

/**
 * Every function and arrow-function constant of the given files by key, plus the methods of SegmentsClient: those
 * of the class in `clientFile` and of every class it extends, followed through the imports.
 */
function collectCallables(
  clientFile: string,
  files: readonly string[],
): { callables: Map<string, Callable>; methods: string[] } {
  const callables = new Map<string, Callable>();
  const classes = new Map<string, ClassInfo>();
  for (const file of files) collectFile(file, callables, classes);
  const methods: string[] = [];
  for (const layer of classChain(key(clientFile, CLIENT_CLASS), classes)) {
    for (const method of layer.methods) {
      const name = clientMethodKey(method.name);
      if (callables.has(name)) continue; // overridden by a class further down the chain
      callables.set(name, scanBody(method.body, layer.scope));
      if (!method.isPrivate) methods.push(name);
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
  const clientFile = join(sourceDir, "client.ts");
  const { callables, methods } = collectCallables(clientFile, [
    clientFile,
    ...tsFiles(join(sourceDir, "methods")),
  ]);
  const byRequest = operationIdsByRequest();
  const result = new Map<string, string[]>();
  for (const method of methods) {
    const operationIds = [...reachableRequests(method, callables)].map((request) => {
      const operationId = byRequest.get(request);
      if (!operationId) throw new Error(`${method} requests ${request}, which the spec does not have`);
      return operationId;
    });
    if (operationIds.length > 0) result.set(method.slice(CLIENT_CLASS.length + 1), operationIds.sort());
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
