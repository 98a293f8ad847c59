// The label codec's boundary: what the rest of the package uses of it (see README.md in this folder). Everything else
// in codec/ is internal to it.
export { deflateLabelRows } from "./label-deflate.js";
export { inflateLabelIds } from "./label-inflate.js";
export { ID_MASK } from "./label-rows.js";
export { unfilterLabelRows } from "./label-unfilter.js";
