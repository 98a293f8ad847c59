import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { App } from "../src/app.js";
import { buildApp } from "../src/emulator.js";
import { createRequestListener, type Violation } from "../src/http/server.js";

describe("unexpected errors", () => {
  it("answer 500 Internal server error without a stack trace, and are logged", async () => {
    const logged: unknown[] = [];
    const failingStore = {
      getUserByKey() {
        throw new Error("disk on fire");
      },
    };
    const { app } = buildApp({ users: [{ username: "jane", apiKey: "jane-key" }] });
    app.store = failingStore as unknown as App["store"];
    const violations: Violation[] = [];
    const listener = createRequestListener(app, {
      validateResponses: true,
      violations,
      log: (message, error) => logged.push(message, error),
    });
    const server = createServer((req, res) => void listener(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/user`, {
        headers: { Authorization: "APIKey k" },
      });
      expect(response.status).toBe(500);
      expect(await response.text()).toBe('{"detail":"Internal server error."}');
      expect(logged).toContainEqual(expect.objectContaining({ message: "disk on fire" }));
      expect(violations).toEqual([]);
    } finally {
      server.close();
    }
  });
});
