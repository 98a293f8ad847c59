/**
 * Where the end-to-end suite runs. By default a fresh emulator per suite; when `SEGMENTS_API_KEY` and
 * `SEGMENTS_API_URL` are both set, the same suite also runs against that real service (tests needing a second
 * account or server-side fault control run only where the target supports them).
 */
import { randomBytes } from "node:crypto";
import { startEmulator } from "@segments-ts/emulator";
import { SegmentsClient, type SegmentsClientOptions } from "../../src/index.js";

export interface Target {
  kind: "emulator" | "real";
  baseUrl: string;
  apiKey: string;
  username: string;
  /** A second account with its own key (emulator only, or SEGMENTS_E2E_OTHER_USER/_KEY on the real service). */
  other: { username: string; apiKey: string } | undefined;
  /** An organization the main user administers (emulator only). */
  organization: string | undefined;
  /**
   * True when a validating proxy (the Prism contract run) sits in front of the target: it answers a request that
   * breaks the spec itself, so tests that send one on purpose run only where this is false.
   */
  behindValidatingProxy: boolean;
  client(options?: SegmentsClientOptions): SegmentsClient;
  close(): Promise<void>;
}

export interface TargetFactory {
  name: string;
  start(): Promise<Target>;
}

function key(prefix: string) {
  return `${prefix}-${randomBytes(12).toString("hex")}`;
}

const emulatorTarget: TargetFactory = {
  name: "emulator",
  async start() {
    const alice = { username: "alice", apiKey: key("alice") };
    const bob = { username: "bob", apiKey: key("bob") };
    const emulator = await startEmulator({
      users: [alice, bob],
      organizations: [{ name: "acme", members: [{ username: "alice", role: "admin" }] }],
      releaseDelayMs: 50,
      // Production records workunits from labeling sessions only; the workunit tests need some from label writes.
      recordWorkunits: true,
    });
    return {
      kind: "emulator",
      baseUrl: emulator.url,
      apiKey: alice.apiKey,
      username: alice.username,
      other: bob,
      organization: "acme",
      behindValidatingProxy: false,
      client: (options) =>
        new SegmentsClient({ apiKey: alice.apiKey, baseUrl: emulator.url, logLevel: "off", ...options }),
      close: () => emulator.close(),
    };
  },
};

function realTarget(apiKey: string, baseUrl: string): TargetFactory {
  return {
    name: `real service (${baseUrl})`,
    async start() {
      const probe = new SegmentsClient({ apiKey, baseUrl, logLevel: "off" });
      const { username } = await probe.getUser();
      const otherUser = process.env.SEGMENTS_E2E_OTHER_USER;
      const otherKey = process.env.SEGMENTS_E2E_OTHER_KEY;
      return {
        kind: "real",
        baseUrl,
        apiKey,
        username,
        other: otherUser && otherKey ? { username: otherUser, apiKey: otherKey } : undefined,
        organization: process.env.SEGMENTS_E2E_ORGANIZATION,
        behindValidatingProxy: process.env.SEGMENTS_E2E_VIA_PRISM === "1",
        client: (options) => new SegmentsClient({ apiKey, baseUrl, logLevel: "off", ...options }),
        close: async () => {},
      };
    },
  };
}

/** The emulator always; the real service when its key and URL are configured (with a note when they are not). */
export function e2eTargets(): TargetFactory[] {
  const apiKey = process.env.SEGMENTS_API_KEY;
  const baseUrl = process.env.SEGMENTS_API_URL;
  // The Prism contract run checks only the proxied traffic; the direct emulator run is this package's own test.
  if (apiKey && baseUrl && process.env.SEGMENTS_E2E_VIA_PRISM === "1") return [realTarget(apiKey, baseUrl)];
  if (apiKey && baseUrl) return [emulatorTarget, realTarget(apiKey, baseUrl)];
  console.info(
    "[sdk e2e] SEGMENTS_API_KEY and SEGMENTS_API_URL are not both set: the real-service run is skipped " +
      "(the suite runs against the emulator only).",
  );
  return [emulatorTarget];
}

/** A dataset name that cannot collide between runs. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}
