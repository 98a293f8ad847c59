/**
 * `@segments-ts/converter/node`: what needs the file system.
 *
 * | file | what |
 * | --- | --- |
 * | `cache.ts` | `DirectoryCache`, a `ByteCache` in a directory |
 * | `release-file.ts` | `loadReleaseFile`, a release file from disk |
 * | `coco-files.ts` | `importCocoFile` / `writeCocoInstanceFile`, COCO files streamed |
 * | `export.ts` | `exportDataset`, an export into a directory |
 * | `output.ts` | `OutputDirectory` (safe, unique names), `openTextFile` |
 * | `folder.ts` | `readDatasetFiles` / `writeDatasetFiles` / `importDatasetFolder`, a folder as a `DatasetFormat`'s files |
 * @packageDocumentation
 */

// Kept here for the users of `exportDataset`, as before the registry.
export type { ExportFormat, ExportOptions, ExportResult } from "../export/index.js";
export { DirectoryCache } from "./cache.js";
export { importCocoFile, writeCocoInstanceFile } from "./coco-files.js";
export { exportDataset } from "./export.js";
export { importDatasetFolder, readDatasetFiles, writeDatasetFiles } from "./folder.js";
export { OutputDirectory, openTextFile } from "./output.js";
export { loadReleaseFile } from "./release-file.js";
