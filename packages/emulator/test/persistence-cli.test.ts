import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCli } from "../src/cli-args.js";
import { startEmulator } from "../src/index.js";
import { client, createDataset, createSample, start, vectorLabel } from "./helpers.js";

const packageDir = join(import.meta.dirname, "..");
// Run the CLI as ONE node process (tsx as a loader, not the tsx wrapper, which would leave its child running when
// killed with SIGKILL), so the signals below reach the server itself.
const nodeArgs = ["--import", "tsx/esm", "--conditions=source", "src/cli.ts"];
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "segments-emulator-"));
  dirs.push(dir);
  return dir;
};
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Starts the CLI from source and resolves with its base URL once it printed it. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: packageDir, stdio: "pipe" });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`CLI did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] && /API key: \S+/.test(output)) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`CLI exited with ${code}:\n${output}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

describe("persistence with dataDir", () => {
  it("keeps the generated demo user's key across restarts", async () => {
    const dataDir = tempDir();
    const first = await startEmulator({ dataDir });
    await first.close();
    const second = await startEmulator({ dataDir });
    await second.close();
    expect(second.username).toBe("demo");
    expect(second.apiKey).toBe(first.apiKey);
  });

  it("keeps datasets, samples and labels across a restart", async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    const jane = client(first);
    await createDataset(jane, "kept");
    const sample = await createSample(jane, "jane/kept", "k.jpg");
    await jane("PUT", `/labels/${sample.uuid}/ground-truth/`, {
      label_status: "LABELED",
      attributes: vectorLabel,
    });
    await first.close();

    const second = await start({ dataDir });
    try {
      const again = client(second);
      expect((await again("GET", "/datasets/jane/kept/")).body.label_stats).toMatchObject({
        LABELED: 1,
        TOTAL: 1,
      });
      expect((await again("GET", `/labels/${sample.uuid}/ground-truth/`)).body.label_status).toBe("LABELED");
    } finally {
      await second.close();
    }
  });

  it("builds a release left PENDING by a stopped emulator on the next start", async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir, releaseDelayMs: 60_000 });
    await createDataset(client(first), "later");
    expect((await client(first)("POST", "/datasets/jane/later/releases/", { name: "r1" })).body.status).toBe(
      "PENDING",
    );
    await first.close();
    const second = await start({ dataDir, releaseDelayMs: 10 });
    try {
      let status = "PENDING";
      for (let i = 0; i < 50 && status === "PENDING"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await client(second)("GET", "/datasets/jane/later/releases/r1/")).body.status;
      }
      expect(status).toBe("SUCCEEDED");
    } finally {
      await second.close();
    }
  });
});

describe("storage URLs across restarts", () => {
  async function upload(asset: { presignedPostFields: { url: string; fields: Record<string, string> } }) {
    const form = new FormData();
    for (const [name, value] of Object.entries(asset.presignedPostFields.fields)) form.append(name, value);
    form.append("file", new Blob([new Uint8Array([1, 2, 3])]), "a.png");
    return (await fetch(asset.presignedPostFields.url, { method: "POST", body: form })).status;
  }

  it("keeps asset and release URLs working after a restart on another port (and per Host header)", async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir, releaseDelayMs: 10 });
    const jane = client(first);
    const asset = (await jane("POST", "/assets/", { filename: "a.png" })).body;
    expect(await upload(asset)).toBe(204);
    await createDataset(jane, "moved");
    const sample = await createSample(jane, "jane/moved", "a.png", {
      attributes: { image: { url: asset.url } },
    });
    await jane("POST", "/datasets/jane/moved/releases/", { name: "v1" });
    let status = "PENDING";
    while (status === "PENDING")
      status = (await jane("GET", "/datasets/jane/moved/releases/v1/")).body.status;
    await first.close();

    const second = await start({ dataDir });
    try {
      expect(second.url).not.toBe(first.url);
      const again = client(second);
      const imageUrl = (await again("GET", `/samples/${sample.uuid}/`)).body.attributes.image.url as string;
      expect(imageUrl.startsWith(`${second.url}/_storage/`)).toBe(true);
      expect((await fetch(imageUrl)).status).toBe(200);
      const release = (await again("GET", "/datasets/jane/moved/releases/v1/")).body;
      expect(release.attributes.url.startsWith(`${second.url}/_storage/`)).toBe(true);
      const file = await (await fetch(release.attributes.url)).json();
      expect(file.dataset.samples[0].attributes.image.url).toBe(imageUrl);

      // A client that reaches the emulator under another name gets URLs under that name.
      const port = new URL(second.url).port;
      const viaLocalhost = await fetch(`http://localhost:${port}/samples/${sample.uuid}/`, {
        headers: { Authorization: "APIKey jane-key" },
      });
      const { attributes } = await viaLocalhost.json();
      expect(attributes.image.url.startsWith(`http://localhost:${port}/_storage/`)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

describe("CLI", () => {
  it("parses its flags", () => {
    expect(
      parseCli([
        "--port",
        "0",
        "--user",
        "a:k1",
        "--user",
        "b:k:2",
        "--rate-limit",
        "5/s",
        "--data-dir",
        "/tmp/x",
      ]),
    ).toMatchObject({
      host: "127.0.0.1",
      port: 0,
      dataDir: "/tmp/x",
      users: [
        { username: "a", apiKey: "k1" },
        { username: "b", apiKey: "k:2" },
      ],
      rateLimit: "5/s",
    });
    expect(parseCli([])).toMatchObject({ host: "127.0.0.1", port: 8787 });
    expect(() => parseCli(["--user", "nokey"])).toThrow(/--user/);
    expect(() => parseCli(["--port", "http"])).toThrow(/--port/);
    expect(() => parseCli(["--bogus"])).toThrow();
  });

  it("prints its URL and default key, serves requests and stops cleanly on SIGTERM", async () => {
    const { child, url, output } = await startCli(["--port", "0", "--user", "cli:cli-key"]);
    const exited = exitOf(child);
    expect(output()).toContain("API key: cli-key");
    const me = await fetch(`${url}/user`, { headers: { Authorization: "APIKey cli-key" } });
    expect((await me.json()).username).toBe("cli");
    child.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it("loses no acknowledged write when killed with SIGKILL (--data-dir)", async () => {
    const dataDir = tempDir();
    const { child, url } = await startCli(["--port", "0", "--user", "jane:jane-key", "--data-dir", dataDir]);
    const exited = exitOf(child);
    const headers = { Authorization: "APIKey jane-key", "Content-Type": "application/json" };
    await fetch(`${url}/user/datasets/`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "durable" }),
    });
    const written = await fetch(`${url}/datasets/jane/durable/samples_bulk/`, {
      method: "POST",
      headers,
      body: JSON.stringify(
        Array.from({ length: 20 }, (_, i) => ({ name: `${i}.jpg`, attributes: { image: { url: "u" } } })),
      ),
    });
    expect(written.status).toBe(201);
    child.kill("SIGKILL");
    expect((await exited).signal).toBe("SIGKILL");

    const restarted = await start({ dataDir });
    try {
      const samples = await client(restarted)("GET", "/datasets/jane/durable/samples/");
      expect(samples.body).toHaveLength(20);
    } finally {
      await restarted.close();
    }
  });
});
