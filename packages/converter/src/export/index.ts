/**
 * Exports of a loaded release (`SegmentsDataset`) in the Python SDK's formats.
 *
 * | file | what |
 * | --- | --- |
 * | `types.ts` | the `Exporter` shape, `FileSink`, options and result |
 * | `registry.ts` | every format, in order: `EXPORTERS`, `EXPORT_FORMATS`, `exporterFor` |
 * | `run.ts` | `exportTo`: a lookup and a loop |
 * | `common.ts` | the Python SDK's file names, the `info` block |
 * | one file per format | its `Exporter` (`label-pngs.ts` holds four PNG formats); `registry.ts` lists them |
 */
export { EXPORT_FORMATS, EXPORTERS, type ExportFormat, exporterFor } from "./registry.js";
export { exportTo } from "./run.js";
export {
  type ClaimOptions,
  defineExporter,
  type ExportContext,
  type Exporter,
  type ExportOptions,
  type ExportResult,
  type ExportRun,
  type FileSink,
  type TextFileWriter,
} from "./types.js";
