/**
 * Point clouds: a lidar frame from upload to per-point segmentation.
 *
 * Generates a lidar frame (a ground ring, two cars, a pedestrian) in the vehicle's coordinates, writes it as a
 * binary_compressed PCD, uploads it as a `pointcloud-cuboid` sample with the vehicle's ego pose, labels the objects
 * with cuboids (in world coordinates, as Segments.ai stores them), reads sample, label and PCD back, turns the
 * cuboids into one instance id per point, and exports that: as `segmentation.json` and as a `pointcloud-segmentation`
 * label on the same frame in a second dataset.
 *
 *   pnpm --filter @segments-ts/examples example pointcloud        # against the embedded emulator
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cuboidToSegmentation, loadPointcloudFromUrl, writePcd } from "@segments-ts/pointcloud";
import { SegmentsClient } from "@segments-ts/sdk";
import { isMain, type Log } from "./support.ts";

/** The vehicle in the world: at (100, 50, 0), heading 30° left of the world's x axis. */
const YAW = Math.PI / 6;
const EGO_POSE = {
  position: { x: 100, y: 50, z: 0 },
  heading: { qx: 0, qy: 0, qz: Math.sin(YAW / 2), qw: Math.cos(YAW / 2) },
};

/** The objects, in the vehicle's coordinates (x forward, y left): centre, size and heading relative to the car. */
const OBJECTS = [
  { id: 1, category_id: 1, at: [12, -3, 0], size: [4.5, 1.9, 1.6], yaw: 0.2 },
  { id: 2, category_id: 1, at: [20, 4, 0], size: [4.2, 1.8, 1.5], yaw: -0.4 },
  { id: 3, category_id: 2, at: [8, 5, 0.1], size: [0.6, 0.6, 1.8], yaw: 0 },
] as const;

/** What the example did, for the summary (and the test that runs it). */
export interface PointcloudSummary {
  dataset: string;
  sample: string;
  points: number;
  /** Points per cuboid id, and 0 for the points in none. */
  pointsPerInstance: Record<number, number>;
  segmentationDataset: string;
  segmentationFile: string;
}

export async function pointcloudExample(
  client: SegmentsClient,
  log: Log = console.log,
  outDir?: string,
): Promise<PointcloudSummary> {
  const name = `lidar-${Date.now().toString(36)}`;
  const categories = [
    { id: 1, name: "car", color: [0, 113, 188] as [number, number, number] },
    { id: 2, name: "pedestrian", color: [230, 60, 40] as [number, number, number] },
  ];
  const dataset = await client.addDataset(name, {
    description: "Point cloud example: one lidar frame with cuboids",
    task_type: "pointcloud-cuboid",
    task_attributes: { format_version: "0.1", categories },
  });
  log(`Created dataset ${dataset.full_name}`);

  // The frame: a PCD with intensity, uploaded as an asset, added as a sample with its ego pose.
  const frame = lidarFrame();
  const pcd = writePcd(frame, { encoding: "binary_compressed" });
  const asset = await client.uploadAsset(pcd, "frame-000.pcd");
  const sample = await client.addSample<"pointcloud-cuboid">(dataset.full_name, "frame-000", {
    pcd: { url: asset.url, type: "pcd" },
    ego_pose: EGO_POSE,
    timestamp: 1_700_000_000_000_000_000,
  });
  log(`Uploaded ${frame.positions.length / 3} points (${pcd.length} bytes) as sample ${sample.name}`);

  // The cuboids, in world coordinates: the objects moved by the ego pose.
  const annotations = OBJECTS.map(({ id, category_id, at, size, yaw }) => ({
    id,
    category_id,
    type: "cuboid" as const,
    position: toWorld(at[0], at[1], at[2]),
    dimensions: { x: size[0], y: size[1], z: size[2] },
    yaw: yaw + YAW,
  }));
  await client.addLabel(
    sample.uuid,
    "ground-truth",
    { format_version: "0.2", annotations },
    { taskType: "pointcloud-cuboid", label_status: "LABELED" },
  );
  log(`Labeled ${annotations.length} objects with cuboids`);

  // Read everything back and give every point the id of the cuboid it lies in.
  const stored = await client.getSample(sample.uuid);
  const label = await client.getLabel<"pointcloud-cuboid">(sample.uuid, "ground-truth");
  const attributes = stored.attributes as { pcd: { url: string }; ego_pose?: typeof EGO_POSE };
  if (!label.attributes) throw new Error("the label came back without attributes");
  const cloud = await loadPointcloudFromUrl(attributes.pcd.url);
  const ids = cuboidToSegmentation(cloud, label.attributes, attributes.ego_pose);
  const pointsPerInstance: Record<number, number> = {};
  for (const id of ids) pointsPerInstance[id] = (pointsPerInstance[id] ?? 0) + 1;
  log(`Per-point segmentation: ${JSON.stringify(pointsPerInstance)} (id: points; 0 = in no cuboid)`);

  // Export it: a file, and a pointcloud-segmentation label on the same frame.
  const segmentation = {
    annotations: label.attributes.annotations.map(({ id, category_id }) => ({ id, category_id })),
    point_annotations: Array.from(ids),
  };
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), "segments-pointcloud-")));
  const segmentationFile = join(dir, "segmentation.json");
  await writeFile(segmentationFile, JSON.stringify(segmentation));
  const segDataset = await client.addDataset(`${name}-segmentation`, {
    task_type: "pointcloud-segmentation",
    task_attributes: { format_version: "0.1", categories },
  });
  const segSample = await client.addSample<"pointcloud-segmentation">(segDataset.full_name, "frame-000", {
    pcd: { url: asset.url, type: "pcd" },
    ego_pose: EGO_POSE,
  });
  await client.addLabel(
    segSample.uuid,
    "ground-truth",
    { format_version: "0.2", ...segmentation },
    { taskType: "pointcloud-segmentation", label_status: "LABELED" },
  );
  log(`Exported the segmentation to ${segmentationFile} and to dataset ${segDataset.full_name}`);

  return {
    dataset: dataset.full_name,
    sample: sample.uuid,
    points: ids.length,
    pointsPerInstance,
    segmentationDataset: segDataset.full_name,
    segmentationFile,
  };
}

/** Vehicle coordinates to world coordinates: rotate by the heading, then add the position. */
function toWorld(x: number, y: number, z: number) {
  const [c, s] = [Math.cos(YAW), Math.sin(YAW)];
  return {
    x: EGO_POSE.position.x + c * x - s * y,
    y: EGO_POSE.position.y + s * x + c * y,
    z: EGO_POSE.position.z + z,
  };
}

/** A lidar-like frame in vehicle coordinates: rings on the ground, and points on the objects' sides and tops. */
function lidarFrame() {
  const xyz: number[] = [];
  const intensity: number[] = [];
  for (let ring = 0; ring < 16; ring++) {
    const range = 4 + ring * 2.5;
    for (let k = 0; k < 360; k++) {
      const angle = (k / 360) * 2 * Math.PI;
      xyz.push(range * Math.cos(angle), range * Math.sin(angle), -1.6 + 0.02 * Math.sin(k));
      intensity.push(0.1 + 0.05 * (ring % 3));
    }
  }
  for (const { at, size, yaw } of OBJECTS) {
    const [c, s] = [Math.cos(yaw), Math.sin(yaw)];
    // A grid of points on the box's surface, just inside it (so every one of them belongs to it).
    for (let i = 0; i <= 10; i++)
      for (let j = 0; j <= 10; j++)
        for (const face of [-1, 1]) {
          const u = (i / 10 - 0.5) * 0.98 * size[0];
          const v = face * 0.49 * size[1];
          const w = (j / 10 - 0.5) * 0.98 * size[2];
          xyz.push(at[0] + c * u - s * v, at[1] + s * u + c * v, at[2] + w);
          intensity.push(0.8);
        }
  }
  return { positions: Float32Array.from(xyz), intensity: Float32Array.from(intensity) };
}

if (isMain(import.meta.url)) {
  await pointcloudExample(new SegmentsClient());
}
