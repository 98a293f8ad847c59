// The point cloud every reader returns and every writer takes.

/**
 * Points as typed arrays: `positions` holds x, y, z of point i at `3i`, `3i+1`, `3i+2`; `intensity` one value per
 * point; `rgb` r, g, b (0-255) of point i at `3i`..`3i+2`.
 */
export interface PointCloud {
  positions: Float32Array;
  intensity?: Float32Array | undefined;
  rgb?: Uint8Array | undefined;
}

/** Limits every reader checks before it allocates anything. */
export interface ReadLimits {
  /** Name used in error messages (a path or URL). Default `"<bytes>"`. */
  file?: string;
  /** The most points a file may announce (default 2^27, about 134 million). */
  maxPoints?: number;
  /**
   * What to do with points whose x, y or z is NaN or infinite (PCL writes them for missing returns of organized
   * clouds): `"error"` (default) throws a `NAN_COORDINATE` {@link PointcloudFileError}, `"drop"` leaves them out.
   */
  nonFinite?: "error" | "drop";
}

/** The default of {@link ReadLimits.maxPoints}. */
export const DEFAULT_MAX_POINTS = 2 ** 27;

/** Number of points of a cloud. */
export function pointCount(cloud: PointCloud): number {
  return cloud.positions.length / 3;
}
