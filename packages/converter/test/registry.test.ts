/**
 * The export registry: the formats of the Python SDK, each with task types and a description; `exportTo` into any
 * `FileSink` writes what `exportDataset` writes into a directory; the README's tables are the registries'.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { README, renderReadme } from "../scripts/readme-tables.js";
import { ConversionError } from "../src/errors.js";
import {
  EXPORT_FORMATS,
  EXPORTERS,
  exporterFor,
  exportTo,
  type FileSink,
  type TextFileWriter,
} from "../src/export/index.js";
import { UniqueNames } from "../src/names.js";
import { exportDataset } from "../src/node/index.js";
import { SegmentsDataset } from "../src/release/index.js";
import { hostileRelease, serveFixture } from "./hostile.js";

let base = "";
let close: () => Promise<void> = async () => {};
const dirs: string[] = [];
beforeAll(async () => {
  ({ base, close } = await serveFixture());
});
afterAll(async () => {
  await close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A FileSink in memory, as a browser app would write a zip. */
class MemorySink implements FileSink {
  readonly contents = new Map<string, string | Uint8Array>();
  readonly files: string[] = [];
  readonly #names = new UniqueNames();
  claim(name: string, options: { directories?: boolean } = {}): string {
    return this.#names.claim(name, options).path;
  }
  pathOf(claimed: string): string {
    return claimed;
  }
  async writeClaimed(claimed: string, data: string | Uint8Array): Promise<string> {
    this.contents.set(claimed, data);
    this.files.push(claimed);
    return claimed;
  }
  async open(claimed: string): Promise<TextFileWriter> {
    let text = "";
    this.files.push(claimed);
    return {
      write: async (chunk) => {
        text += chunk;
      },
      close: async () => {
        this.contents.set(claimed, text);
        return claimed;
      },
    };
  }
}

describe("export registry", () => {
  it("has the Python SDK's export formats, each described, with task types", () => {
    // The Python SDK's `export_dataset` formats; the registry may have more.
    for (const format of [
      "coco-instance",
      "coco-panoptic",
      "instance",
      "instance-color",
      "polygon",
      "semantic",
      "semantic-color",
      "yolo",
    ])
      expect(EXPORT_FORMATS).toContain(format);
    for (const exporter of EXPORTERS) {
      expect(exporter.description.length, exporter.format).toBeGreaterThan(10);
      expect(exporter.taskTypes.length, exporter.format).toBeGreaterThan(0);
      expect(exporterFor(exporter.format)).toBe(exporter);
    }
    expect(() => exporterFor("coco")).toThrow(/unknown export format "coco" \(formats: coco-instance, /);
  });

  it.each(EXPORTERS.map((e) => e.format))(
    "%s: exportTo a FileSink writes what exportDataset writes",
    async (format) => {
      const exporter = exporterFor(format);
      const taskType = exporter.taskTypes.includes("segmentation-bitmap") ? "segmentation-bitmap" : "vector";
      const release = hostileRelease(base, taskType);
      const dataset = new SegmentsDataset(release, { labelset: "../labelset" });
      const sink = new MemorySink();
      const inMemory = await exportTo(dataset, format, sink);
      const dir = await mkdtemp(join(tmpdir(), "conv-registry-"));
      dirs.push(dir);
      const onDisk = await exportDataset(
        new SegmentsDataset(release, { labelset: "../labelset" }),
        format,
        dir,
      );
      expect(onDisk.files.map((f) => relative(dir, f).split("\\").join("/"))).toEqual(inMemory.files);
      for (const [name, content] of sink.contents)
        expect(new Uint8Array(await readFile(join(dir, name))), name).toEqual(
          typeof content === "string" ? new TextEncoder().encode(content) : content,
        );
      // The same warnings, but for the directory's notes on renamed files (the memory sink makes none).
      const messages = (list: { message: string }[]) =>
        list.map((w) => w.message).filter((m) => !/is unsafe or taken: written as/.test(m));
      expect(messages(onDisk.warnings)).toEqual(messages(inMemory.warnings));
    },
  );

  it("refuses a dataset of another task type, naming the ones the format takes", async () => {
    const dataset = new SegmentsDataset(hostileRelease(base, "vector"), { labelset: "../labelset" });
    const error = await exportTo(dataset, "semantic", new MemorySink()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect(String(error)).toMatch(
      /format semantic needs a segmentation-bitmap \/ segmentation-bitmap-highres dataset, this one is vector/,
    );
  });

  it("the README's tables of formats are the registries' (pnpm generate rewrites them)", async () => {
    const text = await readFile(README, "utf8");
    expect(renderReadme(text), "README.md is stale: run pnpm generate").toBe(text);
  });
});
