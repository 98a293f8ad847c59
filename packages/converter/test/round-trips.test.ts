/**
 * Cross-format round trips (Segments <-> COCO <-> YOLO <-> labelme <-> VOC, and YOLO pose): what each keeps, as the
 * README's loss table states it (rendered by scripts/round-trips.ts; test/registry.test.ts checks the README is
 * current), asserted here cell by cell and against the geometry itself.
 */
import { describe, expect, it } from "vitest";
import { KINDS, kindLoss, lossTable, roundTrip, roundTripDataset, TRIPS } from "../scripts/round-trips.js";
import { datasetFormat } from "../src/formats/dataset-formats.js";
import type { ImageVectorAnnotation } from "../src/types.js";

const EXACT = "exact";
const YOLO_ROUNDING = "to 1e-6 of the image size";
const RENUMBERED = "renumbered 1, 2, ... (names kept)";

/** What the README says each trip keeps (columns: the KINDS, attributes, category ids). */
const EXPECTED: Record<string, string[]> = {
  "`coco`": [EXACT, EXACT, EXACT, "dropped", "one instance, exact", "kept", "kept"],
  "`yolo` (detect)": [
    YOLO_ROUNDING,
    "as its bounding box",
    "dropped",
    "dropped",
    "its box only (keypoints dropped)",
    "dropped",
    RENUMBERED,
  ],
  "`yolo` (segment)": [
    "as a 4-point polygon",
    YOLO_ROUNDING,
    "dropped",
    "dropped",
    "its box only (keypoints dropped)",
    "dropped",
    RENUMBERED,
  ],
  "`yolo-pose`": [
    YOLO_ROUNDING,
    "as its bounding box",
    "dropped",
    "dropped",
    `one instance, ${YOLO_ROUNDING}`,
    "dropped",
    RENUMBERED,
  ],
  "`voc`": [
    "rounded to pixels",
    "as its bounding box",
    "dropped",
    "dropped",
    "its box only (keypoints dropped)",
    "kept",
    RENUMBERED,
  ],
  "`labelme`": [
    EXACT,
    EXACT,
    EXACT,
    EXACT,
    "box and 2 separate points (instance, names lost)",
    "dropped",
    RENUMBERED,
  ],
};

const annotationsOf = (
  dataset: ReturnType<typeof roundTripDataset>,
  name: string,
): ImageVectorAnnotation[] => {
  const ids = new Set(dataset.categories.filter((c) => c.name === name).map((c) => c.id));
  return (dataset.images[0]?.vector?.annotations ?? []).filter((a) => ids.has(a.category_id));
};

describe("round trips through each format", () => {
  const table = lossTable();

  it.each(Object.entries(EXPECTED))("%s keeps what the README says", (label, expected) => {
    const row = table.find((r) => r[0] === label);
    expect(row?.slice(1)).toEqual(expected);
  });

  it("COCO gives the Segments label back unchanged but for the polyline, which it reports", () => {
    const before = roundTripDataset();
    const written = datasetFormat("coco").write(before);
    expect(written.warnings.map((w) => w.item)).toEqual(["image images/a.jpg, annotation 4"]);
    const after = datasetFormat("coco").read(written.value).value;
    const expected = before.images[0]?.vector?.annotations
      .filter((a) => a.type !== "polyline")
      .map((a, i) => ({ ...a, id: i + 1 }));
    expect(after.images[0]?.vector?.annotations).toEqual(expected);
    expect(after.categories).toMatchObject(before.categories);
  });

  it("YOLO (detect) writes a polygon's bounding box, and reports every point and polyline it cannot hold", () => {
    const before = roundTripDataset();
    const written = datasetFormat("yolo").write(before);
    const skipped = written.warnings.filter((w) => /skipped/.test(w.message)).map((w) => w.item);
    expect(skipped).toEqual([
      "image images/a.jpg, annotation 3",
      "image images/a.jpg, annotation 4",
      "image images/a.jpg, annotation 6",
      "image images/a.jpg, annotation 7",
    ]);
    const after = roundTrip([{ format: "yolo" }], before);
    const [box] = annotationsOf(after, "polygon");
    expect(box?.type).toBe("bbox");
    const expected = [
      [100.5, 10],
      [150, 60],
    ];
    box?.points.forEach((p, i) => {
      expect(p[0]).toBeCloseTo(expected[i]?.[0] as number, 3);
      expect(p[1]).toBeCloseTo(expected[i]?.[1] as number, 3);
    });
  });

  it("VOC rounds boxes to whole pixels and keeps the box's attributes", () => {
    const after = roundTrip([{ format: "voc" }], roundTripDataset());
    const [box] = annotationsOf(after, "box");
    expect(box?.points).toEqual([
      [10, 21],
      [61, 80],
    ]);
    expect(box?.attributes).toMatchObject({ occluded: true });
  });

  it("a chain COCO -> YOLO -> labelme -> VOC -> Segments, and the reverse, keeps the boxes of everything with one", () => {
    const before = roundTripDataset();
    const forward = TRIPS.find((t) => t.trip.length > 1)?.trip ?? [];
    const reverse = [...forward].reverse();
    for (const trip of [forward, reverse]) {
      const after = roundTrip(trip, before);
      for (const kind of KINDS) {
        const loss = kindLoss(before, after, kind);
        if (kind === "point" || kind === "polyline") expect(loss).toBe("dropped");
        else expect(loss, kind).toMatch(/rounded to pixels|as its bounding box|box only/);
      }
      // every box within a pixel of where it was
      const [box] = annotationsOf(after, "box");
      const [was] = annotationsOf(before, "box");
      box?.points.flat().forEach((v, i) => {
        expect(Math.abs(v - (was?.points.flat()[i] as number))).toBeLessThanOrEqual(0.5);
      });
    }
  });
});
