// The README's parity table takes the Python SDK's side from the spec's `x-python-sdk` extension.
import { OPERATIONS } from "@segments-ts/client";
import { expect, test } from "vitest";
import { pythonSdkByOperation, renderParityTable } from "../scripts/parity-table.js";

test("reads the Python SDK's call of every spec operation", () => {
  const python = pythonSdkByOperation();
  expect([...python.keys()].sort()).toEqual(Object.keys(OPERATIONS).sort());
  expect(python.get("getDatasetCollaborator")).toEqual({ call: "get_dataset_collaborator(id, username)" });
});

test("renders the spec's call and note, and says none with the reason when there is no Python method", () => {
  const rendered = renderParityTable();
  expect(rendered).toMatch(
    /\| `getDatasetCollaborator` \(GET [^|]+\| `get_dataset_collaborator\(id, username\)` +\|/,
  );
  expect(rendered).toMatch(
    /\| `createLabelset` [^|]+\| `add_labelset\(id, name\)`: sends `attributes: "\{\}"` +\|/,
  );
  expect(rendered).toMatch(/\| `getApiStatus` [^|]+\| none: called by the client's constructor/);
});

test("an operation without x-python-sdk is an error naming it and where to add it", () => {
  const python = pythonSdkByOperation();
  python.delete("getDatasetCollaborator");
  expect(() => renderParityTable(python)).toThrow(
    "getDatasetCollaborator has no x-python-sdk in the spec: add it to its openapi/paths/*.yaml",
  );
});
