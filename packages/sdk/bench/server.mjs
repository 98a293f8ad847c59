// A minimal stand-in for the API, run in its own process so the client and the server don't share an event loop.
// It answers the three routes the benchmark uses with realistic JSON, and prints its URL on stdout.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";

function sampleJson(name, attributes) {
  return {
    uuid: randomUUID(),
    name,
    attributes,
    metadata: {},
    created_at: "2024-05-01T00:00:00.000000Z",
    created_by: "bench",
    priority: 0,
    readme: "",
    assigned_labeler: null,
    assigned_reviewer: null,
    dataset_full_name: "bench/ds",
  };
}

const fixedSample = JSON.stringify(
  sampleJson("fixed.jpg", { image: { url: "https://example.com/fixed.jpg" } }),
);
const byName = new Map();

function reply(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const raw = Buffer.concat(chunks);
    const body = raw.length
      ? JSON.parse(req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw)
      : undefined;
    if (req.method === "GET" && req.url.startsWith("/samples/")) return reply(res, 200, fixedSample);
    if (req.method === "POST" && req.url === "/datasets/bench/ds/samples/") {
      return reply(res, 201, JSON.stringify(sampleJson(body.name, body.attributes)));
    }
    if (req.method === "POST" && req.url === "/datasets/bench/ds/samples_bulk/") {
      // Like the API: an existing name returns the existing sample.
      const created = body.map(
        (s) => byName.get(s.name) ?? byName.set(s.name, sampleJson(s.name, s.attributes)).get(s.name),
      );
      return reply(res, 201, JSON.stringify(created));
    }
    if (req.method === "POST" && req.url === "/reset") {
      byName.clear();
      return reply(res, 200, "{}");
    }
    reply(res, 404, '{"detail":"Not found."}');
  });
}).listen(0, "127.0.0.1", function () {
  console.log(`http://127.0.0.1:${this.address().port}`);
});
