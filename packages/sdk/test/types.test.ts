/** Compile-time checks of the task-type narrowing (verified by `pnpm typecheck`; the runtime part is trivial). */
import { expectTypeOf, test } from "vitest";
import type { APIPromise, Label, LabelFor, SegmentsClient } from "../src/index.js";

declare const client: SegmentsClient;

test("label types narrow by task type", () => {
  const check = () => {
    expectTypeOf(client.getLabel<"bboxes">("u")).toEqualTypeOf<APIPromise<LabelFor<"bboxes">>>();
    expectTypeOf(client.getLabel("u")).toEqualTypeOf<APIPromise<LabelFor<Label["label_type"]>>>();
    // @ts-expect-error a bboxes label has annotations, not a segmentation bitmap
    client.addLabel("u", "gt", { segmentation_bitmap: { url: "x" } }, { taskType: "bboxes" });
    // @ts-expect-error an image dataset's sample needs `image`
    client.addSample("j/f", "x", { pcd: { url: "x", type: "pcd" } }, { taskType: "bboxes" });
    client.addSample("j/f", "x", { image: { url: "x" } }, { taskType: "bboxes" });
  };
  expectTypeOf(check).toBeFunction();
});
