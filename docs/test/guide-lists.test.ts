// Guides that spell out one of the spec's lists (label statuses, task types) in prose: the lists themselves are
// generated from the spec (`@segments-ts/client`'s enums), and these checks fail when a guide falls behind them.
import { readFileSync } from "node:fs";
import { LABEL_STATUSES, TASK_TYPES } from "@segments-ts/client";
import { describe, expect, it } from "vitest";

const guide = (name: string) => readFileSync(new URL(`../guides/${name}`, import.meta.url), "utf8");

/** The backquoted words of `text`, in order. */
const codeWords = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

describe("lists the guides spell out", () => {
  it("paging-and-filtering: the label_status filter names every label status", () => {
    const row = guide("paging-and-filtering.md")
      .split("\n")
      .find((line) => line.startsWith("| `label_status` |"));
    expect(row, "the `label_status` row of the filters table").toBeDefined();
    // In the order a label goes through them, not the spec's: compared as sets.
    expect(
      codeWords(row ?? "")
        .slice(1)
        .sort(),
    ).toEqual([...LABEL_STATUSES].sort());
  });

  it('labels: every task type has its tab (`task_type: "..."`) or its row', () => {
    const text = guide("labels.md");
    const missing = TASK_TYPES.filter(
      (taskType) => !text.includes(`\`${taskType}\``) && !text.includes(`task_type: "${taskType}"`),
    );
    expect(missing).toEqual([]);
  });
});
