// A pass-through HTTP proxy on 127.0.0.1 that remembers every request it forwards (method, path, status). The CLI
// guide's session points the CLI at it, so the build knows which API operations each command really made: that
// is where the API reference's "CLI" samples come from, rather than from a table written by hand.
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { OPERATIONS } from "@segments-ts/client";

export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  status: number;
}

export interface RecordingProxy {
  url: string;
  /** The requests answered since the last call, in the order they were answered. */
  take(): RecordedRequest[];
  close(): Promise<void>;
}

/** Starts a proxy forwarding to `target` (an http://127.0.0.1 address, such as an emulator's). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  if (upstream.protocol !== "http:")
    throw new Error(`the recording proxy forwards to http only, not ${target}`);
  let recorded: RecordedRequest[] = [];
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const path = incoming.url ?? "/";
    const proxied = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        const status = answer.statusCode ?? 502;
        recorded.push({ method: incoming.method ?? "GET", path: path.split("?")[0] as string, status });
        outgoing.writeHead(status, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on("error", (error) => outgoing.destroy(error));
    incoming.pipe(proxied);
  };
  const server = createServer(forward);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A matcher from a concrete request (`GET /datasets/jane/flowers/`) to the spec's operationId (`getDataset`). */
export function operationMatcher(): (method: string, path: string) => string | undefined {
  const routes = Object.entries(OPERATIONS).map(([operationId, operation]) => {
    const pattern = operation.path
      .split(/\{[^}]+\}/)
      .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
      .join("[^/]+");
    return { operationId, method: operation.method as string, pattern: new RegExp(`^${pattern}$`) };
  });
  // The most literal template first, should a placeholder ever match a fixed segment of another one.
  routes.sort(
    (a, b) =>
      b.pattern.source.replaceAll("[^/]+", "").length - a.pattern.source.replaceAll("[^/]+", "").length,
  );
  return (method, path) =>
    routes.find((route) => route.method === method.toUpperCase() && route.pattern.test(path))?.operationId;
}

/** The operationIds of the successful requests, each once, in the order first made. */
export function operationsMade(requests: readonly RecordedRequest[]): string[] {
  const match = operationMatcher();
  const made = requests
    .filter((recorded) => recorded.status < 400)
    .map((recorded) => match(recorded.method, recorded.path))
    .filter((operationId): operationId is string => operationId !== undefined);
  return [...new Set(made)];
}
