// Generated from openapi/bundle/openapi.json by packages/emulator/scripts/generate.mjs. Do not edit.

/** Every `CameraConvention` of the API spec, in spec order. */
export const CAMERA_CONVENTIONS = ["OpenCV","OpenGL"] as const;
/** One `CameraConvention` of the API spec. */
export type CameraConvention = (typeof CAMERA_CONVENTIONS)[number];

/** Every `InputType` of the API spec, in spec order. */
export const INPUT_TYPES = ["select","multiselect","text","number","checkbox","vector3","quaternion","points"] as const;
/** One `InputType` of the API spec. */
export type InputType = (typeof INPUT_TYPES)[number];

/** Every `IssueStatus` of the API spec, in spec order. */
export const ISSUE_STATUSES = ["OPEN","CLOSED"] as const;
/** One `IssueStatus` of the API spec. */
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** Every `LabelStatus` of the API spec, in spec order. */
export const LABEL_STATUSES = ["REVIEWED","REVIEWING_IN_PROGRESS","LABELED","LABELING_IN_PROGRESS","REJECTED","PRELABELED","SKIPPED","VERIFIED","UNLABELED"] as const;
/** One `LabelStatus` of the API spec. */
export type LabelStatus = (typeof LABEL_STATUSES)[number];

/** Every `PCDType` of the API spec, in spec order. */
export const PCD_TYPES = ["pcd","binary-xyzi","kitti","binary-xyzir","nuscenes","ply","las","splat"] as const;
/** One `PCDType` of the API spec. */
export type PCDType = (typeof PCD_TYPES)[number];

/** Every `ReleaseStatus` of the API spec, in spec order. */
export const RELEASE_STATUSES = ["PENDING","SUCCEEDED","FAILED"] as const;
/** One `ReleaseStatus` of the API spec. */
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** Every `Role` of the API spec, in spec order. */
export const ROLES = ["labeler","reviewer","manager","admin"] as const;
/** One `Role` of the API spec. */
export type Role = (typeof ROLES)[number];

/** Every `Subscription` of the API spec, in spec order. */
export const SUBSCRIPTIONS = ["FREE","STANDARD","ENTERPRISE","ACADEMIC","TRIAL"] as const;
/** One `Subscription` of the API spec. */
export type Subscription = (typeof SUBSCRIPTIONS)[number];

/** Every `TaskType` of the API spec, in spec order. */
export const TASK_TYPES = ["segmentation-bitmap","segmentation-bitmap-highres","image-segmentation-sequence","bboxes","vector","image-vector-sequence","keypoints","pointcloud-cuboid","pointcloud-cuboid-sequence","pointcloud-segmentation","pointcloud-segmentation-sequence","pointcloud-vector","pointcloud-vector-sequence","multisensor-sequence"] as const;
/** One `TaskType` of the API spec. */
export type TaskType = (typeof TASK_TYPES)[number];
