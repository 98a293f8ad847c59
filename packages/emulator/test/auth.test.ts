import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { client, start } from "./helpers.js";

describe("authentication and users", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start({
      organizations: [{ name: "acme", members: [{ username: "jane", role: "admin" }] }],
    });
  });
  afterAll(async () => {
    expect(emulator.violations).toEqual([]);
    await emulator.close();
  });

  it("answers 401 with the real API's body when the key is missing", async () => {
    const response = await client(emulator, null)("GET", "/user");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Authentication credentials were not provided." });
  });

  it("answers 401 Invalid token for a wrong key, also on /api_status/", async () => {
    const response = await client(emulator, "nope")("GET", "/api_status/?lib_version=1.30.0");
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: "Invalid token." });
  });

  it("accepts Authorization: APIKey <key> and reports the user", async () => {
    const request = client(emulator);
    expect((await request("GET", "/api_status/?lib_version=1.30.0")).status).toBe(200);
    const me = await request("GET", "/user");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: "jane", is_organization: false });
    expect(me.body.organizations).toEqual([
      expect.objectContaining({ username: "acme", organization_role: "admin" }),
    ]);
  });

  it("tags every answer, success or error, with a distinct X-Request-Id", async () => {
    const ok = await fetch(`${emulator.url}/user`, {
      headers: { Authorization: `APIKey ${emulator.apiKey}` },
    });
    const denied = await fetch(`${emulator.url}/user`);
    const ids = [ok.headers.get("x-request-id"), denied.headers.get("x-request-id")];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it("looks up other users and organizations, 404 for unknown ones", async () => {
    const request = client(emulator);
    expect((await request("GET", "/users/viewer")).body).toMatchObject({
      username: "viewer",
      is_organization: false,
    });
    const org = await request("GET", "/users/acme");
    expect(org.body).toMatchObject({ username: "acme", is_organization: true });
    expect(org.body.members).toEqual([expect.objectContaining({ username: "jane" })]);
    const missing = await request("GET", "/users/nobody");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: "Not found." });
  });

  it("answers unknown routes with 404 and wrong methods with 405", async () => {
    const request = client(emulator);
    expect((await request("GET", "/nothing/here/")).status).toBe(404);
    const wrongMethod = await request("PUT", "/user");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.detail).toContain("PUT");
  });

  it("creates a demo user with a key when no users are given", async () => {
    const { startEmulator } = await import("../src/index.js");
    const demo = await startEmulator();
    try {
      expect(demo.username).toBe("demo");
      expect(demo.apiKey).toMatch(/^demo-[0-9a-f]{32}$/);
      const me = await client(demo)("GET", "/user");
      expect(me.body.username).toBe("demo");
    } finally {
      await demo.close();
    }
  });
});
