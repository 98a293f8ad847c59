import type { SegmentsClient } from "@segments-ts/sdk";
import { exportRelease } from "./export-release.ts";
import { modelAssistedLabeling } from "./model-assisted-labeling.ts";
import { paging } from "./paging.ts";
import { pointcloudExample } from "./pointcloud.ts";
import { quickstart } from "./quickstart.ts";

/** Every runnable example, by the name `run-with-emulator.ts` takes. */
export const examples: Record<string, (client: SegmentsClient) => Promise<unknown>> = {
  quickstart: (client) => quickstart(client),
  "model-assisted-labeling": (client) => modelAssistedLabeling(client),
  paging: (client) => paging(client),
  "export-release": (client) => exportRelease(client),
  pointcloud: (client) => pointcloudExample(client),
};
