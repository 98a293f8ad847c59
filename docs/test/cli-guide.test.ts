// The CLI guide shows every `segments` command (its cli-session blocks are run against the emulator by the build,
// src/cli-session.ts), and its blocks parse and render as the build expects.
import { readFileSync } from "node:fs";
import { commandReference } from "@segments-ts/cli";
import { describe, expect, it } from "vitest";
import { cliReferenceMarkdown } from "../src/cli-reference.ts";
import { CLI_GUIDE, runCliSession } from "../src/cli-session.ts";
import {
  type CliCommandResult,
  type CliSessionBlock,
  parseCliSessions,
  renderSession,
  splitCommandLine,
} from "../src/cli-session-markdown.ts";
import { cliCommandNames } from "../src/operations.ts";

describe("the CLI guide", () => {
  const blocks = parseCliSessions(readFileSync(CLI_GUIDE, "utf8"));

  it("shows every segments command succeeding at least once", () => {
    const shown = blocks
      .filter((block) => !block.fails)
      .flatMap((block) => block.commands.map((command) => splitCommandLine(command).slice(1).join(" ")));
    const missing = cliCommandNames().filter(
      (name) => !shown.some((command) => command === name || command.startsWith(`${name} `)),
    );
    expect(missing).toEqual([]);
  });

  it("shows a failing command with its exit code table", () => {
    expect(blocks.some((block) => block.fails && block.commands.length > 0)).toBe(true);
  });
});

describe("runCliSession", () => {
  it("records each command's output and the operations it made", async () => {
    const markdown = [
      "```console cli-session",
      "$ segments whoami",
      "$ segments datasets create flowers --task-type bboxes",
      "```",
      "```console cli-session fails",
      "$ segments datasets get jane/tulips",
      "```",
    ].join("\n");
    const [[whoami, create], [missing]] = (await runCliSession(markdown)) as [
      CliCommandResult[],
      CliCommandResult[],
    ];
    expect(whoami).toMatchObject({ exitCode: 0, operations: ["getAuthenticatedUser"] });
    expect(whoami?.output).toContain("jane");
    expect(create?.operations).toContain("createDataset");
    expect(missing).toMatchObject({ exitCode: 4, operations: [] }); // 4: not found
  });
});

describe("splitCommandLine", () => {
  it("splits like a shell, with quotes and backslashes", () => {
    expect(
      splitCommandLine(
        `segments releases create jane/flowers v1 --description "first labels" 'a b' c\\ d ""`,
      ),
    ).toEqual([
      "segments",
      "releases",
      "create",
      "jane/flowers",
      "v1",
      "--description",
      "first labels",
      "a b",
      "c d",
      "",
    ]);
  });

  it("refuses what would need a shell", () => {
    expect(() => splitCommandLine("segments datasets list | head")).toThrow('without a shell: "|"');
    expect(() => splitCommandLine('segments datasets get "jane/flowers')).toThrow("unterminated");
  });
});

describe("cli-session blocks", () => {
  const markdown = ["```console cli-session", "# make one", "$ segments datasets list", "```"].join("\n");

  it("print each command's recorded output under it", () => {
    const [block] = parseCliSessions(markdown);
    const result: CliCommandResult = {
      command: "segments datasets list",
      shown: "segments datasets list",
      exitCode: 0,
      output: "DATASET\njane/a",
      operations: [],
    };
    expect(renderSession(block as CliSessionBlock, [result])).toBe(
      "# make one\n$ segments datasets list\nDATASET\njane/a\n",
    );
  });

  it("show a command with its placeholders filled in", () => {
    const [block] = parseCliSessions(
      "```console cli-session\n$ segments labels render {sample:jane/a:x.png}\n```\n",
    );
    const result: CliCommandResult = {
      command: "segments labels render {sample:jane/a:x.png}",
      shown: "segments labels render 0b7c",
      exitCode: 0,
      output: "Wrote label.png",
      operations: [],
    };
    expect(renderSession(block as CliSessionBlock, [result])).toBe(
      "$ segments labels render 0b7c\nWrote label.png\n",
    );
  });

  it("fail the build when the recorded session is stale", () => {
    const [block] = parseCliSessions(markdown);
    const stale: CliCommandResult = {
      command: "segments datasets get jane/a",
      shown: "segments datasets get jane/a",
      exitCode: 0,
      output: "",
      operations: [],
    };
    expect(() => renderSession(block as CliSessionBlock, [stale])).toThrow("has no recorded output");
  });

  it("hold only commands and comments", () => {
    expect(() => parseCliSessions("```console cli-session\nsegments datasets list\n```\n")).toThrow(
      'cli-session blocks hold "$ " commands',
    );
  });
});

describe("cliReferenceMarkdown", () => {
  const markdown = cliReferenceMarkdown();

  it("has a section per command with its usage and every option", () => {
    const headings = [...markdown.matchAll(/^### segments (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(cliCommandNames());
    const upload = commandReference().find((command) => command.path.join(" ") === "samples upload");
    for (const option of upload?.options ?? [])
      expect(markdown).toContain(`<code>${option.flags.replaceAll("<", "&lt;")}</code>`);
    expect(markdown).toContain("segments datasets get [options] <dataset>");
  });

  it("escapes what Markdown tables and Vue would misread", () => {
    const markdown = cliReferenceMarkdown([
      {
        path: ["x"],
        description: "a|b <c> {{ d }}",
        usage: "[options]",
        arguments: [],
        options: [{ flags: "--to <a|b>", names: ["--to"], description: "pick <one>", takesValue: true }],
        subcommands: [],
      },
    ]);
    expect(markdown).toContain("a\\|b &lt;c> {&#8203;{ d }}");
    expect(markdown).toContain("| <code>--to &lt;a&#124;b></code> | pick &lt;one> |  |");
  });
});
