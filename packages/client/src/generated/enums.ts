// Generated from openapi/bundle/openapi.json by packages/client/scripts/generate.mjs. Do not edit.

import type { CameraConvention, InputType, IssueStatus, LabelStatus, PCDType, ReleaseStatus, Role, Subscription, TaskType } from "./models";

/** Every `CameraConvention` of the API spec, in spec order. */
export const CAMERA_CONVENTIONS = ["OpenCV","OpenGL"] as const satisfies readonly CameraConvention[];

/** Every `InputType` of the API spec, in spec order. */
export const INPUT_TYPES = ["select","multiselect","text","number","checkbox","vector3","quaternion","points"] as const satisfies readonly InputType[];

/** Every `IssueStatus` of the API spec, in spec order. */
export const ISSUE_STATUSES = ["OPEN","CLOSED"] as const satisfies readonly IssueStatus[];

/** Every `LabelStatus` of the API spec, in spec order. */
export const LABEL_STATUSES = ["REVIEWED","REVIEWING_IN_PROGRESS","LABELED","LABELING_IN_PROGRESS","REJECTED","PRELABELED","SKIPPED","VERIFIED","UNLABELED"] as const satisfies readonly LabelStatus[];

/** Every `PCDType` of the API spec, in spec order. */
export const PCD_TYPES = ["pcd","binary-xyzi","kitti","binary-xyzir","nuscenes","ply","las","splat"] as const satisfies readonly PCDType[];

/** Every `ReleaseStatus` of the API spec, in spec order. */
export const RELEASE_STATUSES = ["PENDING","SUCCEEDED","FAILED"] as const satisfies readonly ReleaseStatus[];

/** Every `Role` of the API spec, in spec order. */
export const ROLES = ["labeler","reviewer","manager","admin"] as const satisfies readonly Role[];

/** Every `Subscription` of the API spec, in spec order. */
export const SUBSCRIPTIONS = ["FREE","STANDARD","ENTERPRISE","ACADEMIC","TRIAL"] as const satisfies readonly Subscription[];

/** Every `TaskType` of the API spec, in spec order. */
export const TASK_TYPES = ["segmentation-bitmap","segmentation-bitmap-highres","image-segmentation-sequence","bboxes","vector","image-vector-sequence","keypoints","pointcloud-cuboid","pointcloud-cuboid-sequence","pointcloud-segmentation","pointcloud-segmentation-sequence","pointcloud-vector","pointcloud-vector-sequence","multisensor-sequence"] as const satisfies readonly TaskType[];
