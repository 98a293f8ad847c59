/**
 * Child process of the benchmark: starts the emulator (with a dataset and one sample) and a bare `node:http` server
 * answering the same JSON, prints their URLs as one JSON line, and runs until killed. Keeping the servers out of the
 * load generator's process means both get a core of their own.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator } from "../src/index.js";

const emulator = await startEmulator({
  validateResponses: false,
  users: [{ username: "bench", apiKey: "bench-key" }],
});
const headers = { Authorization: "APIKey bench-key", "Content-Type": "application/json" };
await fetch(`${emulator.url}/user/datasets/`, {
  method: "POST",
  headers,
  body: JSON.stringify({ name: "bench", task_type: "vector" }),
});
const created = await fetch(`${emulator.url}/datasets/bench/bench/samples/`, {
  method: "POST",
  headers,
  body: JSON.stringify({
    name: "one.jpg",
    attributes: { image: { url: "https://example.com/one.jpg" } },
    metadata: { a: 1 },
  }),
});
const sample = (await created.json()) as { uuid: string };
// The emulator's GET answer, byte for byte, is what the bare server sends.
const sampleJson = await (await fetch(`${emulator.url}/samples/${sample.uuid}/`, { headers })).text();

/** GET answers the fixed sample JSON; POST parses the JSON body and answers it back (the minimum a server does). */
const bare = createServer((req, res) => {
  if (req.method === "GET") {
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Content-Length": Buffer.byteLength(sampleJson),
    });
    res.end(sampleJson);
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const payload = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(201, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
    res.end(payload);
  });
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
console.log(JSON.stringify({ emulatorUrl: emulator.url, bareUrl, sampleUuid: sample.uuid }));
