// Compile-time contract of the generated client: these fail to type-check when the spec or generator regress.

import {
  createSegmentsApiClient,
  type Dataset,
  type Label,
  type LabelAttributesFor,
  type LabelFor,
  type SampleAttributesFor,
  type TaskType,
} from "@segments-ts/client";
import { describe, expectTypeOf, test } from "vitest";

const api = createSegmentsApiClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" });

describe("paths", () => {
  test("a wrong path does not compile", () => {
    // @ts-expect-error the API has no /datasets/{owner}/ route
    void api.GET("/datasets/{owner}/", { params: { path: { owner: "jane" } } });
    // @ts-expect-error collaborator paths have no trailing slash on the real API
    void api.GET("/datasets/{owner}/{dataset}/collaborators/{username}/", {
      params: { path: { owner: "jane", dataset: "flowers", username: "bob" } },
    });
  });

  test("a missing path parameter does not compile", () => {
    // @ts-expect-error `dataset` is required
    void api.GET("/datasets/{owner}/{dataset}/", { params: { path: { owner: "jane" } } });
  });

  test("responses are typed from the spec", async () => {
    const { data } = await api.GET("/datasets/{owner}/{dataset}/", {
      params: { path: { owner: "jane", dataset: "flowers" } },
    });
    expectTypeOf(data).toExtend<Dataset | undefined>();
    expectTypeOf(data?.full_name).toEqualTypeOf<string | undefined>();
    // datasets created before a task type was chosen report the empty string
    expectTypeOf(data?.task_type).toEqualTypeOf<TaskType | "" | undefined>();
    const samples = await api.GET("/datasets/{owner}/{dataset}/samples/", {
      params: { path: { owner: "jane", dataset: "flowers" }, query: { per_page: 10, sort: "-priority" } },
    });
    expectTypeOf(samples.data).toExtend<unknown[] | undefined>();
  });
});

describe("request bodies", () => {
  test("a missing required body field does not compile", () => {
    void api.POST("/datasets/{owner}/{dataset}/releases/", {
      params: { path: { owner: "jane", dataset: "flowers" } },
      // @ts-expect-error `name` is required to create a release
      body: { description: "no name" },
    });
    void api.POST("/datasets/{owner}/{dataset}/samples/", {
      params: { path: { owner: "jane", dataset: "flowers" } },
      // @ts-expect-error `attributes` is required to create a sample
      body: { name: "a.jpg" },
    });
  });

  test("an unknown sort order does not compile", () => {
    void api.GET("/datasets/{owner}/{dataset}/samples/", {
      // @ts-expect-error sort must be one of the documented fields, optionally prefixed with "-"
      params: { path: { owner: "jane", dataset: "flowers" }, query: { sort: "updated_at" } },
    });
  });
});

describe("task-type narrowing", () => {
  test("a label of the wrong shape for the task type does not compile", () => {
    const bbox: LabelAttributesFor<"bboxes"> = {
      format_version: "0.1",
      annotations: [
        {
          id: 1,
          category_id: 1,
          type: "bbox",
          points: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    };
    expectTypeOf(bbox).toExtend<LabelAttributesFor<"vector">>();

    // @ts-expect-error a segmentation label needs `segmentation_bitmap`, vector annotations are not enough
    const segmentation: LabelAttributesFor<"segmentation-bitmap"> = { annotations: bbox.annotations };
    void segmentation;

    // @ts-expect-error a cuboid-sequence label is made of frames, not a flat annotation list
    const cuboids: LabelAttributesFor<"pointcloud-cuboid-sequence"> = { annotations: [] };
    void cuboids;
  });

  test("sample attributes follow the data type", () => {
    const image: SampleAttributesFor<"segmentation-bitmap"> = { image: { url: "https://example.com/a.jpg" } };
    void image;
    const pointcloud: SampleAttributesFor<"pointcloud-cuboid"> = {
      // @ts-expect-error a point-cloud sample needs a `pcd`, not an image
      image: { url: "https://example.com/a.jpg" },
    };
    void pointcloud;
  });

  test("LabelFor narrows the response union by label_type", () => {
    expectTypeOf<
      LabelFor<"pointcloud-cuboid-sequence">["label_type"]
    >().toEqualTypeOf<"pointcloud-cuboid-sequence">();
    expectTypeOf<NonNullable<LabelFor<"segmentation-bitmap">["attributes"]>>().toEqualTypeOf<
      LabelAttributesFor<"segmentation-bitmap">
    >();
    expectTypeOf<LabelFor<TaskType>>().toExtend<Label>();
  });
});
