/**
 * `@segments-ts/pointcloud`: the Python SDK's point cloud and label-picture utilities, typed, for Node and browsers.
 * The file-path helpers are in `@segments-ts/pointcloud/node`.
 * @packageDocumentation
 */

export { type CuboidLike, cuboidToSegmentation, type PointsInput } from "./cuboids.js";
export {
  PointcloudFileError,
  type PointcloudFileErrorCode,
  PointcloudInputError,
  type PointcloudInputErrorCode,
} from "./errors.js";
export { addKinematicsToLabel, type KinematicsOptions } from "./kinematics.js";
export { type LasHeader, type LasToPcdOptions, lasToPcd, type ReadLasOptions, readLas } from "./las.js";
export {
  DEFAULT_MAX_BYTES,
  detectFormat,
  type LoadPointcloudOptions,
  loadPointcloudFromUrl,
  type PointcloudFormat,
} from "./load.js";
export type { PcdEncoding, PcdField, PcdFieldType, PcdHeader } from "./pcd/header.js";
export { type PcdPointCloud, readPcd } from "./pcd/read.js";
export {
  type ArrayToPcdOptions,
  arrayToPcd,
  formatFloat32,
  type PointRows,
  type WritePcdOptions,
  writePcd,
} from "./pcd/write.js";
export { plyToPcd, type ReadPlyOptions, readPly, type ToPcdOptions } from "./ply.js";
export {
  type ImageLabelAttributes,
  type RenderCategory,
  type RenderOptions,
  renderLabel,
  renderLabelPng,
} from "./render/index.js";
export { type SampleOptions, samplePcd } from "./sample.js";
export { DEFAULT_MAX_POINTS, type PointCloud, pointCount, type ReadLimits } from "./types.js";
