/**
 * Presigned uploads whatever the order of the multipart fields: an attacker holding a valid policy for their own
 * object reorders, repeats, re-cases and appends fields (after the file part too), and sends extra file parts, to
 * write another principal's object, store an unsigned content type, or pass the size limit. Seeded random cases on
 * top of the hand-written ones; after every case the victim's object is unchanged and the attacker's object (if
 * stored) has exactly the signed key, type and size range.
 */
import { type Emulator, startEmulator } from "@segments-ts/emulator";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bump, recordFigures } from "../src/report.ts";

const MAX_BYTES = 2048;
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_261_207);
const RANDOM_CASES = 120;

interface Asset {
  url: string;
  presignedPostFields: { url: string; fields: Record<string, string> };
}

type Part = { kind: "field"; name: string; value: string } | { kind: "file"; bytes: Uint8Array };

const ATTACKER_FILE = new Uint8Array(64).fill(0x41);
const VICTIM_FILE = new Uint8Array(32).fill(0x56);

function multipart(parts: Part[]): { body: Buffer; type: string } {
  const boundary = "----tamper-boundary-5d1f";
  const chunks: Uint8Array[] = [];
  const text = (value: string) => chunks.push(new TextEncoder().encode(value));
  for (const part of parts) {
    if (part.kind === "field") {
      text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`);
    } else {
      text(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x"\r\nContent-Type: text/html\r\n\r\n`,
      );
      chunks.push(part.bytes);
      text("\r\n");
    }
  }
  text(`--${boundary}--\r\n`);
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const recase = (name: string, style: number) =>
  style === 0
    ? name
    : style === 1
      ? name.toUpperCase()
      : [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join("");

describe("presigned uploads: field order, repeats and case cannot change what is stored", () => {
  let emulator: Emulator;
  let victim: Asset;
  const outcomes: Record<string, number> = {};
  const violations: string[] = [];
  let cases = 0;

  async function presign(apiKey: string, filename: string): Promise<Asset> {
    const response = await fetch(`${emulator.url}/assets/`, {
      method: "POST",
      headers: { Authorization: `APIKey ${apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ filename }),
    });
    return (await response.json()) as Asset;
  }

  async function send(asset: Asset, parts: Part[]): Promise<string> {
    const { body, type } = multipart(parts);
    const response = await fetch(asset.presignedPostFields.url, {
      method: "POST",
      headers: { "Content-Type": type },
      body: new Uint8Array(body),
    });
    const text = await response.text();
    return `${response.status} ${/<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? ""}`.trim();
  }

  /** The invariants after one case: checked by fetching both objects back. */
  async function check(label: string, attacker: Asset, tamperedKeys: string[]): Promise<void> {
    cases++;
    const victimServed = await fetch(victim.url);
    const victimBytes = new Uint8Array(await victimServed.arrayBuffer());
    if (
      victimServed.headers.get("content-type") !== "image/png" ||
      !Buffer.from(victimBytes).equals(VICTIM_FILE)
    ) {
      violations.push(`${label}: the victim's object changed`);
    }
    const served = await fetch(attacker.url);
    if (served.status === 200) {
      const bytes = new Uint8Array(await served.arrayBuffer());
      const type = served.headers.get("content-type");
      if (type !== "image/png") violations.push(`${label}: stored as ${type}`);
      if (bytes.length > MAX_BYTES) violations.push(`${label}: stored ${bytes.length} bytes`);
      if (served.headers.get("x-content-type-options") !== "nosniff") violations.push(`${label}: no nosniff`);
    }
    const origin = new URL(victim.url).origin;
    for (const key of tamperedKeys) {
      if (key === victim.presignedPostFields.fields.key) continue;
      const other = await fetch(`${origin}/_storage/${key.split("/").map(encodeURIComponent).join("/")}`);
      if (other.status !== 404) violations.push(`${label}: wrote ${key}`);
    }
  }

  beforeAll(async () => {
    emulator = await startEmulator({
      users: [
        { username: "attacker", apiKey: "attacker-key" },
        { username: "victim", apiKey: "victim-key" },
      ],
      maxUploadBytes: MAX_BYTES,
    });
    victim = await presign("victim-key", "victim.png");
    const stored = await send(victim, [
      ...Object.entries(victim.presignedPostFields.fields).map(
        ([name, value]): Part => ({ kind: "field", name, value }),
      ),
      { kind: "file", bytes: VICTIM_FILE },
    ]);
    expect(stored).toBe("204");
  });

  afterAll(async () => {
    recordFigures("Security: upload field order", {
      "tampering cases": cases,
      "outcomes (status code)": outcomes,
      "invariant violations": violations.length,
      seed: SEED,
    });
    await emulator?.close();
  });

  test("seeded random orders, repeats, cases and extra parts never break the invariants", async () => {
    const victimFields = victim.presignedPostFields.fields;
    const tampering = fc.constantFrom(
      { name: "key", value: victimFields.key as string },
      { name: "key", value: "releases/forged.json" },
      { name: "Content-Type", value: "text/html" },
      { name: "Content-Type", value: "image/svg+xml" },
      { name: "policy", value: victimFields.policy as string },
      { name: "x-amz-signature", value: victimFields["x-amz-signature"] as string },
      { name: "acl", value: "private" },
      { name: "success_action_status", value: "201" },
    );
    const plan = fc.record({
      order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      extras: fc.array(fc.record({ field: tampering, position: fc.nat(), style: fc.nat({ max: 2 }) }), {
        maxLength: 3,
      }),
      recaseSigned: fc.nat({ max: 2 }),
      fileAt: fc.nat(),
      secondFile: fc.constantFrom("none", "big", "victim"),
    });
    const plans = fc.sample(plan, { seed: SEED, numRuns: RANDOM_CASES });
    for (const [index, p] of plans.entries()) {
      const attacker = await presign("attacker-key", `a-${index}.png`);
      const signed = Object.entries(attacker.presignedPostFields.fields)
        .map(([name, value], i) => ({
          name: recase(name, name === "key" ? 0 : p.recaseSigned),
          value,
          sort: p.order[i] ?? 0,
        }))
        .sort((a, b) => a.sort - b.sort)
        .map(({ name, value }): Part => ({ kind: "field", name, value }));
      const parts: Part[] = [...signed];
      parts.splice(p.fileAt % (parts.length + 1), 0, { kind: "file", bytes: ATTACKER_FILE });
      for (const extra of p.extras) {
        const field: Part = {
          kind: "field",
          name: recase(extra.field.name, extra.style),
          value: extra.field.value,
        };
        parts.splice(extra.position % (parts.length + 1), 0, field);
      }
      if (p.secondFile !== "none") {
        parts.push({
          kind: "file",
          bytes: p.secondFile === "big" ? new Uint8Array(MAX_BYTES * 2) : VICTIM_FILE,
        });
      }
      bump(outcomes, await send(attacker, parts));
      const keys = p.extras.filter((extra) => extra.field.name === "key").map((extra) => extra.field.value);
      await check(
        `case ${index} ${JSON.stringify(parts.map((part) => (part.kind === "file" ? "FILE" : part.name)))}`,
        attacker,
        keys,
      );
    }
    expect(violations).toEqual([]);
  });

  test("the hand-written orders: everything after the file, the victim's key last, the type re-cased", async () => {
    const attacker = await presign("attacker-key", "hand.png");
    const fields = Object.entries(attacker.presignedPostFields.fields).map(
      ([name, value]): Part => ({ kind: "field", name, value }),
    );
    const file: Part = { kind: "file", bytes: ATTACKER_FILE };
    const victimKey = victim.presignedPostFields.fields.key as string;
    const variants: [string, Part[]][] = [
      ["all fields after the file", [file, ...fields]],
      ["victim key after the file", [...fields, file, { kind: "field", name: "key", value: victimKey }]],
      [
        "html type after the file",
        [...fields, file, { kind: "field", name: "Content-Type", value: "text/html" }],
      ],
      ["victim key repeated before", [{ kind: "field", name: "KEY", value: victimKey }, ...fields, file]],
      [
        "type repeated in odd case",
        [...fields, { kind: "field", name: "cOnTeNt-TyPe", value: "text/html" }, file],
      ],
    ];
    for (const [label, parts] of variants) {
      bump(outcomes, await send(attacker, parts));
      await check(label, attacker, [victimKey]);
    }
    expect(violations).toEqual([]);
  });
});
