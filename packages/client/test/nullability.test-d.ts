// Compile-time contract of the honest types: the fields the real API can omit or send as null are typed so (the
// full table is openapi/test/python-sdk-models.yaml), and bodies the real API accepts compile.

import type {
  Dataset,
  DatasetCreate,
  ImageFrame,
  Label,
  Release,
  Sample,
  TaskAttributeCategory,
  TaskAttributes,
  User,
} from "@segments-ts/client";
import { describe, expectTypeOf, test } from "vitest";

describe("responses", () => {
  test("Optional fields of the Python SDK models may be missing or null", () => {
    expectTypeOf<Dataset["readme"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Dataset["task_attributes"]>().toEqualTypeOf<TaskAttributes | null | undefined>();
    expectTypeOf<Sample["attributes"]>().extract<null>().toEqualTypeOf<null>();
    expectTypeOf<Label["attributes"]>().extract<null>().toEqualTypeOf<null>();
    expectTypeOf<Release["attributes"]["url"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<User["organization_role"]>().extract<null>().toEqualTypeOf<null>();
    expectTypeOf<ImageFrame["timestamp"]>().extract<null>().toEqualTypeOf<null>();
  });

  test("required fields stay required and non-null", () => {
    expectTypeOf<Dataset["metadata"]>().not.toBeNullable();
    expectTypeOf<Sample["metadata"]>().not.toBeNullable();
    expectTypeOf<Release["attributes"]>().not.toBeNullable();
    // The SDK's `bool = None`: may be missing, but pydantic rejects an explicit null.
    expectTypeOf<Dataset["enable_extrapolation"]>().toEqualTypeOf<boolean | undefined>();
  });

  test("reading a nullable field without a check does not compile", () => {
    const release = {} as Release;
    // @ts-expect-error a pending release has no URL yet
    release.attributes.url.startsWith("https:");
    const dataset = {} as Dataset;
    // @ts-expect-error task_attributes may be null
    void dataset.task_attributes.categories;
  });
});

describe("request bodies", () => {
  test("the fields the API requires stay required", () => {
    // @ts-expect-error a dataset needs a name
    const dataset: DatasetCreate = { description: "no name" };
    expectTypeOf(dataset).toExtend<DatasetCreate>();
  });

  test("the extra keys the API keeps on task attributes and categories compile", () => {
    // Python SDK: TaskAttributes and TaskAttributeCategory are `extra="allow"` (docs: circle_radius, lock_*).
    const category: TaskAttributeCategory = {
      id: 1,
      name: "car",
      lock_dimensions: true,
      lock_rotation: false,
    };
    const attributes: TaskAttributes = { format_version: "0.1", categories: [category], circle_radius: 4 };
    expectTypeOf(attributes).toExtend<TaskAttributes>();
  });
});
