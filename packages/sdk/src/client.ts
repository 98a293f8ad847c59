/**
 * `SegmentsClient`: one method per method of the official Python SDK (v1.30), camelCased, with the same defaults,
 * plus auto-pagination, bulk ingest, release polling and uploads.
 *
 * How to read it: src/methods/ holds the methods, one file per resource (users, datasets, collaborators, samples,
 * bulk samples, labels, labelsets, issues, releases, workunits, assets). Each file is a class that extends the
 * previous one (base.ts, which reads the options, is the root) and holds, per method, its TSDoc, its argument
 * checks and its request (`contextOf(this).api.GET("/path", ...)` on the generated client, run by `call`), plus the
 * file's `*_OPERATIONS` table for src/operation-map.ts. This file names the result.
 */
import { AssetMethods } from "./methods/assets.js";

export { DEFAULT_API_URL, type SegmentsClientOptions } from "./methods/base.js";

/**
 * The Segments.ai API client.
 *
 * Every method returns a promise (an {@link APIPromise}: `.withResponse()` gives the raw `Response` and request id)
 * and accepts per-call {@link RequestOptions} as its last argument. Errors are typed (see `SegmentsError`).
 *
 * @example
 * ```ts
 * import { SegmentsClient } from "@segments-ts/sdk";
 *
 * const client = new SegmentsClient(); // reads SEGMENTS_API_KEY
 * const dataset = await client.addDataset("flowers", { task_type: "bboxes" });
 * await client.addSample(dataset.full_name, "rose.jpg", { image: { url: "https://example.com/rose.jpg" } });
 * for await (const sample of client.iterSamples(dataset.full_name)) console.log(sample.name);
 * ```
 */
export class SegmentsClient extends AssetMethods {}
