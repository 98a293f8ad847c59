// cuboidToSegmentation of 1M points x 100 cuboids (the target: under 1 s), against one pass over the points.
import { type CuboidLike, cuboidToSegmentation } from "../src/index.ts";
import { median, time } from "./timing.ts";

export function benchCuboids(positions: Float32Array): void {
  const n = positions.length / 3;
  // 100 car-sized cuboids at random yaws on a ring around the sensor, some of them overlapping.
  const annotations: CuboidLike[] = Array.from({ length: 100 }, (_, k) => {
    const angle = (k / 100) * 2 * Math.PI;
    const range = 5 + (k % 10) * 7;
    return {
      id: k + 1,
      position: { x: range * Math.cos(angle), y: range * Math.sin(angle), z: 0 },
      dimensions: { x: 4.5, y: 1.9, z: 1.6 },
      yaw: angle * 3,
    };
  });
  // The baseline: one pass that reads every coordinate (what any per-point labelling costs at the least).
  const pass = median(
    () =>
      time(() => {
        let sum = 0;
        for (let i = 0; i < positions.length; i++) sum += positions[i] as number;
        return sum;
      }),
    9,
  );
  let inside = 0;
  const cuboids = median(
    () =>
      time(() => {
        inside = cuboidToSegmentation(positions, { annotations }).filter((id) => id !== 0).length;
      }),
    9,
  );
  console.log(`cuboidToSegmentation, ${n.toLocaleString("en")} points x ${annotations.length} cuboids`);
  console.log(`  baseline: one pass over the coordinates       ${pass.toFixed(2).padStart(8)} ms`);
  console.log(
    `  cuboidToSegmentation                           ${cuboids.toFixed(2).padStart(8)} ms  ${(cuboids / pass).toFixed(1)}x the pass (${inside.toLocaleString("en")} points in a cuboid)`,
  );
  console.log("  target: under 1000 ms\n");
}
