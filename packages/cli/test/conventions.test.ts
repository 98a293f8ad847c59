/**
 * The conventions of the `gh` CLI: `--json FIELDS`, tab-separated output off a terminal, colour only on a terminal
 * and never with NO_COLOR, `whoami`, shell completion, help text, and one-line errors for a file given as a folder.
 * Runs in-process against a real emulator; a sink with `isTTY` stands in for a terminal.
 */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SegmentsClient } from "@segments-ts/sdk";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { commandReference } from "../src/run.ts";
import { baseEnv, type EmulatorProcess, killAll, runInProcess, spawnEmulator, tempDir } from "./helpers.ts";

const KEY = "conventions-key-0123456789";
let emulator: EmulatorProcess;
let env: NodeJS.ProcessEnv;

const cli = (args: string[], options: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) =>
  runInProcess(args, options.env ?? env, options.tty);

beforeAll(async () => {
  emulator = await spawnEmulator([`jane:${KEY}`]);
  env = baseEnv({ SEGMENTS_API_URL: emulator.url, SEGMENTS_API_KEY: KEY });
  const client = new SegmentsClient({ apiKey: KEY, baseUrl: emulator.url });
  await client.addDataset("alpha", { task_type: "bboxes" });
  await client.addDataset("beta", { task_type: "segmentation-bitmap" });
});

afterAll(async () => {
  await emulator?.stop();
  killAll();
});

describe("--json FIELDS", () => {
  test("selects fields, in the order asked, for every item of a list", async () => {
    const result = await cli(["datasets", "list", "--json", "task_type,full_name"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { task_type: "bboxes", full_name: "jane/alpha" },
      { task_type: "segmentation-bitmap", full_name: "jane/beta" },
    ]);
    expect(Object.keys((JSON.parse(result.stdout) as object[])[0] ?? {})).toEqual(["task_type", "full_name"]);
  });

  test("--json alone lists the fields (exit 2); an unknown field is named", async () => {
    const alone = await cli(["datasets", "get", "jane/alpha", "--json"]);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toBe("");
    expect(alone.stderr).toMatch(
      /^error: specify one or more comma-separated fields for --json:\n {2}name\n {2}full_name\n/,
    );
    const unknown = await cli(["datasets", "get", "jane/alpha", "--json", "full_name,nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--json: unknown field "nope"');
  });
});

describe("plain output and colour", () => {
  test("off a terminal: tab-separated rows without a header, no colour", async () => {
    const result = await cli(["datasets", "list"]);
    const rows = result.stdout.trimEnd().split("\n");
    expect(rows.map((row) => row.split("\t").slice(0, 3))).toEqual([
      ["jane/alpha", "bboxes", "0"],
      ["jane/beta", "segmentation-bitmap", "0"],
    ]);
    expect(result.stdout).not.toContain("\x1b");
  });

  test("on a terminal: an aligned table with a bold header; NO_COLOR turns colour off", async () => {
    const coloured = await cli(["datasets", "list"], { tty: true });
    const header = coloured.stdout.split("\n")[0] ?? "";
    expect(header.startsWith("\u001b[1mDATASET")).toBe(true);
    expect(header).toMatch(/DATASET {4,}TASK TYPE/);
    const plain = await cli(["datasets", "list"], { tty: true, env: { ...env, NO_COLOR: "1" } });
    expect(plain.stdout.split("\n")[0]).toMatch(/^DATASET {4,}TASK TYPE/);
    expect(plain.stdout).not.toContain("\x1b");
    const error = await cli(["datasets", "get", "jane/nope"], { tty: true });
    expect(error.stderr.startsWith('\u001b[31merror:\u001b[39m dataset "jane/nope" not found')).toBe(true);
  });
});

test("whoami names the key's account and the API; --json selects its fields", async () => {
  const human = await cli(["whoami"]);
  expect(human.code).toBe(0);
  expect(human.stdout).toContain(`api\t${emulator.url}\n`);
  const json = await cli(["whoami", "--json", "username"]);
  expect(JSON.parse(json.stdout)).toEqual({ username: "jane" });
});

describe("completion", () => {
  test("bash completes commands, subcommands and options from the command tree", async () => {
    const { stdout: script } = await cli(["completion", "bash"]);
    const ask = (words: string[]) => {
      const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _segments; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return spawnSync("bash", ["-c", program], { encoding: "utf8" }).stdout.trim().split("\n");
    };
    expect(ask(["segments", "da"])).toEqual(["datasets"]);
    expect(ask(["segments", "datasets", "l"])).toEqual(["list"]);
    expect(ask(["segments", "releases", "download", "jane/x", "v1", "--m"])).toEqual(["--max-size"]);
    expect(ask(["segments", "who"])).toEqual(["whoami"]);
  });

  test("zsh and fish scripts cover every command; an unknown shell is a usage error", async () => {
    const zsh = await cli(["completion", "zsh"]);
    expect(zsh.stdout).toMatch(/^#compdef segments\n/);
    const fish = await cli(["completion", "fish"]);
    for (const command of commandReference())
      if (command.path.length > 0)
        expect(fish.stdout).toContain(`-a '${command.path[command.path.length - 1]}'`);
    expect(fish.stdout).toContain("-l max-size -r");
    expect((await cli(["completion", "tcsh"])).code).toBe(2);
  });
});

describe("help text", () => {
  test("defaults are printed once, in the unit the flag takes; lists have no stray punctuation", async () => {
    for (const command of commandReference()) {
      const help = await cli([...command.path, "--help"]);
      expect(help.code).toBe(0);
      for (const option of command.options) {
        if (option.default === undefined) continue;
        const line = help.stdout.slice(help.stdout.indexOf(option.flags));
        const block = line.slice(0, line.search(/\n {2}-|\n\n|$/));
        expect(block.match(/default/g) ?? [], `${command.path.join(" ")} ${option.flags}`).toHaveLength(1);
      }
      expect(help.stdout, command.path.join(" ")).not.toMatch(
        /,\s*,|,\s*\)|:\s*,|\(default: ""\)|600000|1073741824/,
      );
    }
    const download = await cli(["releases", "download", "--help"]);
    expect(download.stdout).toMatch(/--timeout <seconds>\s+give up waiting after this long \(default: 600\)/);
    expect(download.stdout).toMatch(/--max-size <MiB>\s+refuse a larger release file \(default: 1024\)/);
  });

  test("a file given where a folder is expected is a one-line usage error naming it", async () => {
    const file = join(await tempDir("not-a-folder"), "photo.png");
    await writeFile(file, "not a folder");
    const upload = await cli(["samples", "upload", file, "-d", "jane/alpha"]);
    expect(upload.code).toBe(2);
    expect(upload.stderr).toBe(`error: ${file} is a file, not a folder. Give a folder.\n`);
    const coco = join(await tempDir("coco"), "in.json");
    await writeFile(coco, JSON.stringify({ images: [], annotations: [], categories: [] }));
    const out = await cli(["convert", "--from", "coco", "--to", "yolo", coco, "--out", file]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`error: ${file} is a file, not a folder. Give a folder.\n`);
  });
});
