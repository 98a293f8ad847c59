/**
 * Checks of a release file, which is user input: what the loader relies on is checked up front, so that a malformed
 * file is reported by position and field rather than failing later in the middle of an iteration.
 */
import { ConversionError } from "../errors.js";
import { isRecord, kindOf } from "../formats/common.js";
import type { ReleaseFile } from "../types.js";

/** Checks what the loader relies on at runtime: release files are user input, and very old ones lack `labelsets`. */
export function asRelease(value: unknown, source: string): ReleaseFile {
  const r = value as ReleaseFile;
  if (typeof r !== "object" || r === null || typeof r.dataset !== "object" || r.dataset === null) {
    throw new ConversionError("not a release file: missing dataset", { file: source, field: "dataset" });
  }
  if (!Array.isArray(r.dataset.samples))
    throw new ConversionError("release has no samples list", { file: source, field: "dataset.samples" });
  if (!Array.isArray(r.dataset.labelsets)) {
    throw new ConversionError(
      "release has no labelsets (very old release files used `tasks`: create a new release)",
      { file: source, field: "dataset.labelsets" },
    );
  }
  r.dataset.labelsets.forEach((l: unknown, i) => {
    if (!isRecord(l) || typeof l.name !== "string")
      throw new ConversionError("labelset must be an object with a name", {
        file: source,
        field: `dataset.labelsets[${i}]`,
      });
  });
  r.dataset.samples.forEach((sample: unknown, i) => {
    checkSample(sample, i, source);
  });
  return r;
}

/**
 * Checks the members of a release sample that the loader reads, so a malformed one is reported by position and field
 * rather than failing later as a `TypeError` in the middle of an iteration.
 */
function checkSample(sample: unknown, i: number, source: string): void {
  const at = (field: string) => ({ file: source, item: `sample #${i}`, field });
  if (!isRecord(sample))
    throw new ConversionError(`sample must be an object, got ${kindOf(sample)}`, at("samples"));
  for (const field of ["uuid", "name"] as const) {
    if (typeof sample[field] !== "string")
      throw new ConversionError(`${field} must be a string, got ${kindOf(sample[field])}`, at(field));
  }
  for (const field of ["attributes", "labels", "metadata"] as const) {
    const value = sample[field];
    if (value !== undefined && value !== null && !isRecord(value))
      throw new ConversionError(`${field} must be an object, got ${kindOf(value)}`, at(field));
  }
  if (isRecord(sample.attributes) && sample.attributes.image !== undefined) {
    const image = sample.attributes.image;
    if (!isRecord(image))
      throw new ConversionError(`image must be an object, got ${kindOf(image)}`, at("attributes.image"));
    for (const key of ["url", "signed_url"] as const) {
      if (image[key] !== undefined && image[key] !== null && typeof image[key] !== "string")
        throw new ConversionError(`${key} must be a string`, at(`attributes.image.${key}`));
    }
  }
  for (const [labelset, label] of Object.entries(isRecord(sample.labels) ? sample.labels : {})) {
    if (label === null) continue;
    if (!isRecord(label))
      throw new ConversionError(`label must be an object, got ${kindOf(label)}`, at(`labels.${labelset}`));
    if (label.label_status !== undefined && typeof label.label_status !== "string")
      throw new ConversionError("label_status must be a string", at(`labels.${labelset}.label_status`));
    if (label.attributes !== undefined && label.attributes !== null && !isRecord(label.attributes))
      throw new ConversionError(
        `attributes must be an object, got ${kindOf(label.attributes)}`,
        at(`labels.${labelset}.attributes`),
      );
  }
}
