/** A route compiled from a spec path template such as `/datasets/{owner}/{dataset}/`. */
export interface Route<T> {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  target: T;
}

export type RouteMatch<T> =
  | { kind: "found"; route: Route<T>; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

/**
 * A small router: each template becomes one anchored regular expression with a capture group per `{param}`.
 * Literal templates win over parameterised ones (e.g. `/user/datasets/` before `/users/{user}/datasets/`).
 */
export class Router<T> {
  private readonly routes: Route<T>[] = [];

  add(method: string, template: string, target: T): void {
    const names: string[] = [];
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const param = /^\{([^}]+)\}$/.exec(part);
        if (!param?.[1]) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
        names.push(param[1]);
        return "([^/]+)";
      })
      .join("");
    this.routes.push({ method, template, pattern: new RegExp(`^${source}$`), names, target });
    this.routes.sort((a, b) => a.names.length - b.names.length);
  }

  match(method: string, pathname: string): RouteMatch<T> {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1] ?? "");
      });
      return { kind: "found", route, params };
    }
    return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
