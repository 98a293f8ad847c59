// The pointcloud benchmarks: `pnpm --filter @segments-ts/pointcloud bench`. Every figure is printed as a ratio
// against a baseline measured in the same run (targets in README.md); runs go in bench/RESULTS.md.
import { cpus } from "node:os";
import { readPcd, writePcd } from "../src/index.ts";
import { benchCuboids } from "./cuboids.ts";
import { median, time } from "./timing.ts";

const N = 1_000_000;

function lidarLikeCloud(n: number) {
  const positions = new Float32Array(3 * n);
  const intensity = new Float32Array(n);
  let s = 12345;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < n; i++) {
    const angle = random() * 2 * Math.PI;
    const range = 2 + 80 * random();
    positions[3 * i] = range * Math.cos(angle);
    positions[3 * i + 1] = range * Math.sin(angle);
    positions[3 * i + 2] = -1.8 + 3 * random();
    intensity[i] = random();
  }
  return { positions, intensity };
}

function benchPcd(cloud: ReturnType<typeof lidarLikeCloud>): void {
  const pcd = writePcd(cloud, { encoding: "binary" });
  const dataBytes = N * 16;
  const data = pcd.subarray(pcd.length - dataBytes);
  // The baseline: the same bytes copied into a Float32Array (what reading them could cost at the least).
  const aligned = new Uint8Array(dataBytes);
  aligned.set(data);
  const floats = new Float32Array(aligned.buffer);
  const copy = median(() => time(() => new Float32Array(floats)), 15);
  const read = median(() => time(() => readPcd(pcd)), 15);
  const write = median(() => time(() => writePcd(cloud, { encoding: "binary" })), 15);
  const line = (what: string, ms: number) =>
    `  ${what.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / copy).toFixed(2).padStart(6)}x the copy`;
  console.log(
    `PCD binary, ${N.toLocaleString("en")} points (x y z intensity, ${dataBytes / 2 ** 20} MiB of data)`,
  );
  console.log(line("baseline: Float32Array copy of the same bytes", copy));
  console.log(line("readPcd", read));
  console.log(line("writePcd", write));
  console.log("  target: readPcd and writePcd within 3x the copy\n");
}

console.log(`node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"} x ${cpus().length}\n`);
const cloud = lidarLikeCloud(N);
benchPcd(cloud);
benchCuboids(cloud.positions);
