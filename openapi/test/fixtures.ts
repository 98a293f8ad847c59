// Realistic payloads for every sample-attributes and label-attributes schema (modelled on the kinds of payloads
// the Python SDK test suite uses), plus a few deliberately bad ones.

const url = (path: string) => `https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/${path}`;

const pcdFrame = (index: number) => ({
  pcd: { url: url(`lidar/${String(index).padStart(6, "0")}.pcd`), type: "pcd" },
  images: [
    {
      url: url(`camera/front/${String(index).padStart(6, "0")}.jpg`),
      name: "front",
      row: 0,
      col: 0,
      camera_convention: "OpenCV",
      intrinsics: {
        intrinsic_matrix: [
          [1266.4, 0, 816.3],
          [0, 1266.4, 491.5],
          [0, 0, 1],
        ],
      },
      extrinsics: {
        translation: { x: 1.7, y: 0.01, z: 1.5 },
        rotation: { qx: -0.5, qy: 0.5, qz: -0.5, qw: 0.5 },
      },
      distortion: { model: "fisheye", coefficients: { k1: 0.1, k2: -0.02, k3: 0.001, k4: 0 } },
    },
  ],
  ego_pose: { position: { x: 10 * index, y: -3.4, z: 0.1 }, heading: { qx: 0, qy: 0, qz: 0, qw: 1 } },
  default_z: -1.5,
  name: `frame_${index}`,
  timestamp: 1_700_000_000_000_000_000 + index * 100_000_000,
  bounds: { min_x: -50, max_x: 50, min_y: -50, max_y: 50 },
});

const imageFrame = (index: number) => ({
  image: { url: url(`video/frame_${index}.jpg`) },
  name: `frame_${index}`,
  timestamp: index * 100_000_000,
});

export const sampleAttributesFixtures = {
  ImageSampleAttributes: { image: { url: url("donuts.jpg") } },
  ImageSequenceSampleAttributes: { frames: [imageFrame(1), imageFrame(2), imageFrame(3)] },
  PointcloudSampleAttributes: pcdFrame(1),
  PointcloudSequenceSampleAttributes: { frames: [pcdFrame(1), pcdFrame(2)] },
  MultiSensorSampleAttributes: {
    sensors: [
      {
        name: "Lidar",
        task_type: "pointcloud-cuboid-sequence",
        attributes: { frames: [pcdFrame(1), pcdFrame(2)] },
      },
      {
        name: "Camera 1",
        task_type: "image-vector-sequence",
        attributes: { frames: [imageFrame(1), imageFrame(2)] },
      },
    ],
  },
} as const;

const cuboid = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  category_id: 1,
  type: "cuboid",
  position: { x: 12.1, y: -3.5, z: 0.9 },
  dimensions: { x: 4.5, y: 1.9, z: 1.6 },
  yaw: 1.57,
  rotation: { qx: 0, qy: 0, qz: Math.SQRT1_2, qw: Math.SQRT1_2 },
  attributes: { color: "red", occluded: false },
  velocity: { relative: 0.4, absolute: 12.3 },
  acceleration: { relative: null, absolute: 0.7 },
  ...extra,
});

const imageSequenceVectorLabel = {
  format_version: "0.2",
  frames: [
    {
      format_version: "0.2",
      timestamp: 0,
      image_attributes: { weather: "sunny" },
      annotations: [
        {
          id: 1,
          category_id: 1,
          track_id: 1,
          is_keyframe: true,
          type: "bbox",
          points: [
            [10, 10],
            [60, 45],
          ],
        },
      ],
    },
    { annotations: [] },
  ],
};

const imageSequenceSegmentationLabel = {
  format_version: "0.2",
  frames: [
    {
      annotations: [{ id: 1, category_id: 1, track_id: 1, is_keyframe: true }],
      segmentation_bitmap: { url: url("frame1-label.png") },
    },
    { annotations: [], segmentation_bitmap: { url: url("frame2-label.png") } },
  ],
};

const pointcloudSequenceCuboidLabel = {
  format_version: "0.2",
  frames: [
    { timestamp: 1, annotations: [cuboid(1, { track_id: 1, is_keyframe: true })] },
    { timestamp: 2, annotations: [cuboid(1, { track_id: 1, type: "cuboid-sync" })] },
  ],
  links: [{ from_id: 1, to_id: 2, attributes: { relation: "towing" } }],
};

const pointcloudSequenceVectorLabel = {
  format_version: "0.2",
  frames: [
    {
      annotations: [
        {
          id: 1,
          category_id: 2,
          track_id: 1,
          is_keyframe: true,
          type: "polyline",
          points: [
            [0, 0, 0],
            [3, 1, 0],
          ],
        },
        cuboid(2, { track_id: 2, is_keyframe: true }),
      ],
      links: [{ from_id: 1, to_id: 2 }],
    },
  ],
};

const pointcloudSequenceSegmentationLabel = {
  format_version: "0.2",
  frames: [
    {
      annotations: [{ id: 1, category_id: 1, track_id: 1, is_keyframe: true, attributes: { moving: true } }],
      point_annotations: [0, 1, 1, 0, 0],
    },
    { annotations: [{ id: 1, category_id: 1, track_id: 1 }], point_annotations: [1, 1, 0, 0, 0] },
  ],
};

export const labelAttributesFixtures = {
  ImageSegmentationLabelAttributes: {
    format_version: "0.1",
    annotations: [
      { id: 1, category_id: 1 },
      { id: 2, category_id: 2, attributes: { occluded: true } },
    ],
    segmentation_bitmap: { url: url("ddf55e99-1a6f-42d2-83e9-8657de3259a1.png") },
    image_attributes: { weather: "cloudy" },
  },
  ImageVectorLabelAttributes: {
    format_version: "0.1",
    annotations: [
      {
        id: 1,
        category_id: 1,
        type: "bbox",
        points: [
          [12.5, 20],
          [130, 96.25],
        ],
      },
      {
        id: 2,
        category_id: 2,
        type: "polygon",
        points: [
          [10, 10],
          [50, 12],
          [30, 40],
        ],
        attributes: { color: "red" },
      },
      {
        id: 3,
        category_id: 2,
        type: "polyline",
        points: [
          [0, 0],
          [5, 5],
        ],
      },
      { id: 4, category_id: 3, type: "point", points: [[64, 64]] },
    ],
  },
  ImageSequenceVectorLabelAttributes: imageSequenceVectorLabel,
  ImageSequenceSegmentationLabelAttributes: imageSequenceSegmentationLabel,
  PointcloudCuboidLabelAttributes: {
    format_version: "0.2",
    annotations: [cuboid(1), cuboid(2, { category_id: 2, type: "cuboid-sync" })],
    links: [{ from_id: 1, to_id: 2 }],
  },
  PointcloudVectorLabelAttributes: {
    format_version: "0.2",
    annotations: [
      {
        id: 1,
        category_id: 1,
        type: "polygon",
        points: [
          [0, 0, 0],
          [4, 0, 0],
          [4, 3, 0],
        ],
      },
      { id: 2, category_id: 3, type: "point", points: [[1, 2, 3]] },
      cuboid(3),
    ],
  },
  PointcloudSegmentationLabelAttributes: {
    format_version: "0.2",
    annotations: [
      { id: 1, category_id: 1 },
      { id: 2, category_id: 3 },
    ],
    point_annotations: [0, 0, 1, 1, 1, 2, 2, 0],
  },
  PointcloudSequenceCuboidLabelAttributes: pointcloudSequenceCuboidLabel,
  PointcloudSequenceVectorLabelAttributes: pointcloudSequenceVectorLabel,
  PointcloudSequenceSegmentationLabelAttributes: pointcloudSequenceSegmentationLabel,
  MultiSensorLabelAttributes: {
    sensors: [
      { name: "Lidar", task_type: "pointcloud-cuboid-sequence", attributes: pointcloudSequenceCuboidLabel },
      {
        name: "Lidar vectors",
        task_type: "pointcloud-vector-sequence",
        attributes: pointcloudSequenceVectorLabel,
      },
      {
        name: "Lidar segmentation",
        task_type: "pointcloud-segmentation-sequence",
        attributes: pointcloudSequenceSegmentationLabel,
      },
      { name: "Camera 1", task_type: "image-vector-sequence", attributes: imageSequenceVectorLabel },
      {
        name: "Camera 2",
        task_type: "image-segmentation-sequence",
        attributes: imageSequenceSegmentationLabel,
      },
      { name: "Camera 3", task_type: "image-vector-sequence", attributes: [] },
    ],
    links: [{ from_id: 1, to_id: 2 }],
  },
} as const;

export type LabelAttributesSchemaName = keyof typeof labelAttributesFixtures;
export type SampleAttributesSchemaName = keyof typeof sampleAttributesFixtures;

/** A full `Label` response for a task type, with the given attributes. */
export function labelResponse(labelType: string, attributes: unknown) {
  return {
    sample_uuid: "10130ecd-790e-463d-86ce-747f5c545c77",
    label_type: labelType,
    label_status: "LABELED",
    labelset: "ground-truth",
    attributes,
    created_at: "2024-02-01T12:00:00Z",
    created_by: "jane",
    updated_at: "2024-02-01T12:30:00Z",
    updated_by: "jane",
    score: null,
    rating: null,
    reviewed_at: null,
    reviewed_by: null,
  };
}

/** Segmentation label attributes with a null category id (the SDK test suite's deliberately bad label). */
export const badSegmentationCategoryNull = {
  format_version: "0.1",
  annotations: [{ id: 1, category_id: null }],
  segmentation_bitmap: { url: url("label.png") },
};

/** Segmentation label attributes without the bitmap. */
export const badSegmentationNoBitmap = {
  format_version: "0.1",
  annotations: [{ id: 1, category_id: 1 }],
};

/** A sample-create body whose key is mistyped (`atributes`). */
export const badSampleCreateTypo = {
  name: "donuts.jpg",
  atributes: { image: { url: url("donuts.jpg") } },
};
