// Every operation says what the official Python SDK (v1.30) calls for it, in the `x-python-sdk` extension: the SDK's
// parity table (packages/sdk/scripts/parity-table.ts) and the docs read it from here, so a new operation without it
// fails this test instead of showing an empty cell.
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { loadSpec, operations } from "./spec";

// A Python call such as `get_dataset(id)`, with the defaults worth knowing, and an optional note; or no call
// (null), and a note saying why the Python SDK has no method for the operation.
const X_PYTHON_SDK = {
  oneOf: [
    {
      type: "object",
      required: ["call"],
      additionalProperties: false,
      properties: {
        call: { type: "string", pattern: "^[a-z_]+\\(.*\\)$" },
        note: { type: "string", minLength: 1 },
      },
    },
    {
      type: "object",
      required: ["call", "note"],
      additionalProperties: false,
      properties: { call: { type: "null" }, note: { type: "string", minLength: 1 } },
    },
  ],
};

const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(X_PYTHON_SDK);

describe("x-python-sdk", () => {
  const all = operations(loadSpec());

  it.each(all.map(({ operation }) => [String(operation.operationId), operation]))(
    "%s declares the Python SDK's call",
    (_id, operation) => {
      expect(operation["x-python-sdk"], "add `x-python-sdk: { call: ... }` to the operation").toBeDefined();
      expect(validate(operation["x-python-sdk"]), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  it("rejects a missing note on an operation without a Python method, and a call that is not a call", () => {
    expect(validate({ call: null })).toBe(false);
    expect(validate({ call: "get_dataset" })).toBe(false);
    expect(validate({ call: "get_dataset(id)", extra: 1 })).toBe(false);
    expect(validate({ call: null, note: "checked by the constructor" })).toBe(true);
  });
});
