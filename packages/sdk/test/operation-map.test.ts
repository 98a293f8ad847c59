/**
 * Nothing silently missing: every operation of the spec is reached by a SegmentsClient method or excluded with a
 * reason, every method named exists, every public method is accounted for, and the README's parity table is the
 * one rendered from the map.
 */
import { readFileSync } from "node:fs";
import { OPERATIONS } from "@segments-ts/client";
import { expect, test } from "vitest";
import { README_PATH, renderParityTable, withTable } from "../scripts/parity-table.js";
import { OPERATION_METHODS, SegmentsClient, UNMAPPED_OPERATIONS } from "../src/index.js";
import { ASSET_OPERATIONS } from "../src/methods/assets.js";
import { BULK_SAMPLE_OPERATIONS } from "../src/methods/bulk-samples.js";
import { COLLABORATOR_OPERATIONS } from "../src/methods/collaborators.js";
import { DATASET_OPERATIONS } from "../src/methods/datasets.js";
import { ISSUE_OPERATIONS } from "../src/methods/issues.js";
import { LABEL_OPERATIONS } from "../src/methods/labels.js";
import { LABELSET_OPERATIONS } from "../src/methods/labelsets.js";
import { RELEASE_OPERATIONS } from "../src/methods/releases.js";
import { SAMPLE_OPERATIONS } from "../src/methods/samples.js";
import { USER_OPERATIONS } from "../src/methods/users.js";
import { WORKUNIT_OPERATIONS } from "../src/methods/workunits.js";

const operationIds = Object.keys(OPERATIONS).sort();
const mapped = Object.keys(OPERATION_METHODS);
const unmapped = Object.keys(UNMAPPED_OPERATIONS);

test("every spec operation is mapped to a method or excluded, exactly once", () => {
  expect([...mapped, ...unmapped].sort()).toEqual(operationIds);
  expect(mapped.filter((id) => unmapped.includes(id))).toEqual([]);
  for (const [id, reason] of Object.entries(UNMAPPED_OPERATIONS)) expect(reason, id).not.toBe("");
});

test("each operation is declared by one file of src/methods/ only (a second one would silently win)", () => {
  const perFile = [
    USER_OPERATIONS,
    DATASET_OPERATIONS,
    COLLABORATOR_OPERATIONS,
    SAMPLE_OPERATIONS,
    BULK_SAMPLE_OPERATIONS,
    LABEL_OPERATIONS,
    LABELSET_OPERATIONS,
    ISSUE_OPERATIONS,
    RELEASE_OPERATIONS,
    WORKUNIT_OPERATIONS,
    ASSET_OPERATIONS,
  ].flatMap((table) => Object.keys(table));
  expect(perFile.length).toBe(new Set(perFile).size);
  expect(perFile.length).toBe(mapped.length);
});

test("every method in the map is a method of SegmentsClient", () => {
  for (const [id, methods] of Object.entries(OPERATION_METHODS)) {
    expect(methods.length, id).toBeGreaterThan(0);
    for (const name of methods)
      expect(typeof SegmentsClient.prototype[name], `${id}: ${name}`).toBe("function");
  }
});

test("every public method of SegmentsClient sends at least one operation of the map", () => {
  const inMap = new Set<string>(Object.values(OPERATION_METHODS).flat());
  const publicMethods: string[] = [];
  for (
    let proto = SegmentsClient.prototype;
    proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    publicMethods.push(...Object.getOwnPropertyNames(proto));
  }
  const apiMethods = publicMethods.filter((name) => name !== "constructor" && name !== "toJSON");
  expect(apiMethods.length).toBeGreaterThan(30);
  expect(apiMethods.filter((name) => !inMap.has(name))).toEqual([]);
});

test("the README's parity table is the one rendered from the map (pnpm --filter @segments-ts/sdk parity)", () => {
  const readme = readFileSync(README_PATH, "utf8");
  expect(readme).toBe(withTable(readme, renderParityTable()));
});
