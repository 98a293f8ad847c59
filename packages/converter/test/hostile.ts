/**
 * A release whose every name is an attack on the exporters' file names: path traversal, absolute paths, drive
 * letters, UNC paths, NUL and control characters, names longer than a file system allows, Windows device names,
 * and names that only differ by case, normalisation, separator or an unsafe character (they collide once cleaned).
 * Images and label bitmaps are served by index, whatever the names say.
 */
import { readdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { bitmap2file, encodePng } from "@segments-ts/bitmap";
import type { ReleaseFile } from "../src/types.js";

export const HOSTILE_NAMES: readonly string[] = [
  "../../../escaped.jpg",
  "..\\..\\..\\escaped-windows.jpg",
  "/tmp/absolute.jpg",
  "C:\\Windows\\drive.jpg",
  "C:drive-relative.jpg",
  "\\\\server\\share\\unc.jpg",
  "nul\u0000byte.jpg",
  "control\u0001\u001b[31m.jpg",
  `${"long".repeat(100)}.jpg`,
  `${"é".repeat(200)}.jpg`,
  `${"deep/".repeat(300)}a.jpg`,
  "CON.jpg",
  "aux",
  "com1.txt.jpg",
  "trailing dots..",
  "trailing space .jpg ",
  ".",
  "..",
  "",
  "/",
  "a/./b/../c.jpg",
  "%2e%2e%2fencoded.jpg",
  "question?.jpg",
  'star*pipe|quote".jpg',
  "lt<gt>.jpg",
  "dup.jpg",
  "DUP.jpg",
  "dup.png",
  "dup",
  "dup.jpg",
  "sub/dup.jpg",
  "sub\\dup.jpg",
  "dirfile.txt",
  "dirfile.txt/inner.jpg",
  "classes.jpg",
  "caf\u00e9.jpg",
  "cafe\u0301.jpg",
];

/** Frame names of the sequence sample: traversal, separators, collisions once cleaned, and missing ones. */
export const HOSTILE_FRAME_NAMES: readonly (string | undefined)[] = [
  "../../../frame.jpg",
  "a/b.jpg",
  "a\\b.jpg",
  undefined,
  "00002",
  "\u0000",
];

export const SIZE = { width: 8, height: 6 };

/** A local server for the fixture's files: `/img/<i>.png` (an RGB image) and `/label/<i>.png` (a label bitmap). */
export async function serveFixture(): Promise<{ base: string; close: () => Promise<void> }> {
  const { width, height } = SIZE;
  const image = encodePng({ width, height, data: new Uint8Array(width * height * 3), colorType: "rgb" });
  const ids = new Uint32Array(width * height);
  ids.fill(1, 0, 10);
  ids.fill(2, 20, 30);
  const label = bitmap2file(ids, { width, height });
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "";
    if (url.startsWith("/img/")) res.end(image);
    else if (url.startsWith("/label/")) res.end(label);
    else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const categories = [
  { id: 1, name: "../../category", color: [255, 0, 0] },
  { id: 2, name: "second", has_instances: true },
];

function release(taskType: string, samples: ReleaseFile["dataset"]["samples"]): ReleaseFile {
  return {
    name: "../../../release\u0000v1",
    dataset: {
      name: "../../dataset",
      owner: "..",
      task_type: taskType as ReleaseFile["dataset"]["task_type"],
      task_attributes: { categories },
      labelsets: [{ name: "../labelset" }],
      samples,
    },
  };
}

const box = (id: number) => ({
  id,
  category_id: 1,
  type: "bbox" as const,
  points: [
    [1, 1],
    [4, 3],
  ],
});

/** A release of `taskType` with one labeled sample per hostile name. */
export function hostileRelease(base: string, taskType: "segmentation-bitmap" | "vector"): ReleaseFile {
  return release(
    taskType,
    HOSTILE_NAMES.map((name, i) => ({
      uuid: `u${i}`,
      name,
      attributes: { image: { url: `${base}/img/${i}.png` } },
      labels: {
        "../labelset": {
          label_status: "LABELED",
          attributes:
            taskType === "vector"
              ? { format_version: "0.1", annotations: [box(1)] }
              : {
                  format_version: "0.1",
                  annotations: [
                    { id: 1, category_id: 1 },
                    { id: 2, category_id: 2 },
                  ],
                  segmentation_bitmap: { url: `${base}/label/${i}.png` },
                },
        },
      },
    })),
  );
}

/** An `image-vector-sequence` release: every hostile sample name, each with the hostile frame names. */
export function hostileSequenceRelease(base: string): ReleaseFile {
  return release(
    "image-vector-sequence",
    HOSTILE_NAMES.map((name, i): ReleaseFile["dataset"]["samples"][number] => ({
      uuid: `q${i}`,
      name,
      attributes: {
        frames: HOSTILE_FRAME_NAMES.map((frame, j) => ({
          image: { url: `${base}/img/${i}-${j}.png` },
          ...(frame === undefined ? {} : { name: frame }),
        })),
      },
      labels: {
        "../labelset": {
          label_status: "LABELED",
          attributes: {
            frames: HOSTILE_FRAME_NAMES.map((_, j) => ({ annotations: [{ ...box(j + 1), track_id: 1 }] })),
          },
        },
      },
    })),
  );
}

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join((e as { parentPath?: string }).parentPath ?? dir, e.name)));
}
