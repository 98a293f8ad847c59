// Generated from openapi/bundle/openapi.json by packages/client/scripts/generate.mjs. Do not edit.
/* eslint-disable */
export interface paths {
    "/api_status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the API status and the SDK version
         * @description Called by the SDK when a client is constructed, with its version in `lib_version`. 200 means OK; 426 means a
         *     newer SDK version is available (the Python SDK only warns and keeps working); 429 means throttled (the Python
         *     SDK raises APILimitError here, the only place it does). Any other error is reported by the Python SDK as
         *     "Something went wrong. Did you use the right API key?", and a connection failure (no HTTP response) crashes its
         *     constructor with an AttributeError. Also a cheap way to check an API key.
         */
        get: operations["getApiStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the authenticated user
         * @description Returns the user owning the API key. Note that this path has no trailing slash.
         */
        get: operations["getAuthenticatedUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of a user or organization.
                 * @example jane
                 */
                user: components["parameters"]["UserPath"];
            };
            cookie?: never;
        };
        /**
         * Get a user or organization
         * @description Returns a user or organization by username. Note that this path has no trailing slash.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/datasets/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the datasets of the authenticated user
         * @description Datasets the authenticated user owns or collaborates on, one page at a time. The response is a plain array with
         *     no total/next information: request pages until one is shorter than `per_page` (a page past the end answers 404
         *     `Invalid page.`).
         */
        get: operations["listAuthenticatedUserDatasets"];
        put?: never;
        /**
         * Create a dataset owned by the authenticated user
         * @description Creates a dataset for the authenticated user (use createOrganizationDataset for an organization).
         *     The Python SDK validates `task_attributes` client-side (invalid ones never reach the API), defaults them to
         *     `{"format_version": "0.1", "categories": [{"id": 1, "name": "object"}]}`, always sends `data_type: "IMAGE"`, and
         *     sends its `enable_confirm_on_commit` argument as `enable_confirm_on_submit`.
         */
        post: operations["createDataset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user}/datasets/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of a user or organization.
                 * @example jane
                 */
                user: components["parameters"]["UserPath"];
            };
            cookie?: never;
        };
        /**
         * List the datasets of a user or organization
         * @description Datasets of another user or organization that are visible to the authenticated user (public ones, and private
         *     ones where they collaborate). Paginated like listAuthenticatedUserDatasets: a plain array, 404 `Invalid page.` past
         *     the end.
         */
        get: operations["listUserDatasets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{organization}/datasets/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization name.
                 * @example acme
                 */
                organization: components["parameters"]["OrganizationPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a dataset owned by an organization
         * @description Creates a dataset in an organization; only organization administrators may do this.
         *     The Python SDK validates `task_attributes` client-side (invalid ones never reach the API), defaults them to
         *     `{"format_version": "0.1", "categories": [{"id": 1, "name": "object"}]}`, always sends `data_type: "IMAGE"`, and
         *     sends its `enable_confirm_on_commit` argument as `enable_confirm_on_submit`.
         */
        post: operations["createOrganizationDataset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        /**
         * Get a dataset
         * @description The dataset `owner/dataset`. A private dataset the authenticated user cannot see answers 404 (not 403). The
         *     Python SDK passes the dataset identifier into the path unescaped.
         */
        get: operations["getDataset"];
        put?: never;
        post?: never;
        /**
         * Delete a dataset
         * @description Deletes the dataset with its samples, labels and releases. Requires the admin role.
         */
        delete: operations["deleteDataset"];
        options?: never;
        head?: never;
        /**
         * Update a dataset
         * @description Changes the given settings (the SDK sends only the arguments that are not None; `enable_confirm_on_commit` is sent
         *     as `enable_confirm_on_submit`). `task_type` can be changed. Requires the admin role.
         */
        patch: operations["updateDataset"];
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/clone/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Clone a dataset
         * @description Copies the dataset (settings and samples; labels only with `clone_labels: true`). The Python SDK always sends
         *     `name` (default `<name>-clone`) and `clone_labels` (default false); `owner` selects an organization as the new
         *     owner.
         */
        post: operations["cloneDataset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/collaborators/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a collaborator to a dataset
         * @description Adds a user with a role (default `labeler`). Managers may add collaborators but not admins. A user who already
         *     collaborates answers an error whose text contains "is already a collaborator" (the Python SDK maps it to
         *     CollaboratorError).
         */
        post: operations["addDatasetCollaborator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/collaborators/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Username of the collaborator.
                 * @example john
                 */
                username: components["parameters"]["UsernamePath"];
            };
            cookie?: never;
        };
        /**
         * Get a collaborator of a dataset
         * @description The collaborator `username` and their role. Note that this path has no trailing slash.
         */
        get: operations["getDatasetCollaborator"];
        put?: never;
        post?: never;
        /**
         * Remove a collaborator from a dataset
         * @description Removes the user's access to the dataset. No trailing slash.
         */
        delete: operations["deleteDatasetCollaborator"];
        options?: never;
        head?: never;
        /**
         * Change the role of a collaborator
         * @description Changes the role (the SDK omits `role` when it is None). No trailing slash.
         */
        patch: operations["updateDatasetCollaborator"];
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/samples/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        /**
         * List the samples of a dataset
         * @description One page of samples, as a plain JSON array (no envelope, no auto-pagination): request `page=1,2,…` until a page is
         *     shorter than `per_page`; a page past the end answers 404 `{"detail": "Invalid page."}`. With `labelset`, each
         *     sample carries `label` (a `LabelSummary`, or the full `Label` with `include_full_label=1`; the Python SDK refuses
         *     include_full_label without a labelset). The Python SDK builds this query string without URL-encoding, so
         *     `name__contains` / metadata filters containing `&` or `,` break; encode them properly.
         */
        get: operations["listSamples"];
        put?: never;
        /**
         * Add a sample to a dataset
         * @description Adds one sample. `attributes` must match the dataset's data type (root extension `x-segments-task-types`). The
         *     Python SDK gzips the body by default (`Content-Encoding: gzip`), always sends `priority` (0) and `readme` ("").
         *     Requires the admin role.
         */
        post: operations["createSample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/samples_bulk/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add samples in bulk
         * @description Adds many samples in one request; the body is a JSON array of at most 10,000 samples (the emulator's limit; the
         *     production limit is not documented). Samples whose name already exists are not an error: the existing samples
         *     are returned unchanged, so resending a batch is safe. The Python SDK gzips the body by default and cannot send `Sample`
         *     objects (only dicts). Requires the admin role.
         */
        post: operations["createSamples"];
        /**
         * Delete samples in bulk
         * @description Deletes up to 1000 samples of the dataset by uuid, atomically; unknown uuids are skipped silently (then
         *     `deleted_count` is smaller). The Python SDK refuses an empty list or more than 1000 uuids client-side. This is the
         *     only DELETE with a body. Requires the admin role.
         */
        delete: operations["deleteSamples"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/samples/{sample_uuid}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
            };
            cookie?: never;
        };
        /**
         * Get a sample
         * @description The sample, with `dataset_full_name`. With `labelset`, the label of that labelset is attached; with
         *     `include_signed_urls=1`, `signed_url` is filled in the `URL` / `PCD` / `CalibratedImage` objects. Python SDK bug:
         *     when both are given it builds `?labelset=X?include_signed_urls=1` (a second `?`); a correct client joins them
         *     with `&`.
         */
        get: operations["getSample"];
        put?: never;
        post?: never;
        /**
         * Delete a sample
         * @description Deletes the sample and its labels. Requires the admin role.
         */
        delete: operations["deleteSample"];
        options?: never;
        head?: never;
        /**
         * Update a sample
         * @description Changes the given fields. `metadata` replaces the whole metadata object (no merge). `assigned_labeler` /
         *     `assigned_reviewer` set to null unassign the user (the Python SDK sends them whenever passed, even None). The
         *     Python SDK gzips the body by default.
         */
        patch: operations["updateSample"];
        trace?: never;
    };
    "/labels/{sample_uuid}/{labelset}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        /**
         * Get the label of a sample
         * @description The label of the sample in the labelset (default labelset `ground-truth`). A sample without a label answers 404.
         *     The response is discriminated on `label_type` (the dataset's task type). The Python SDK's
         *     `transform_to_ego_coordinates` option is client-side only (an extra getSample call).
         */
        get: operations["getLabel"];
        /**
         * Create or replace the label of a sample
         * @description Creates the label (201) or replaces an existing one (200). `attributes` must match the dataset's task type (root
         *     extension `x-segments-task-types`); upload segmentation bitmaps with createAsset first. The Python SDK always
         *     sends `label_status` (default `PRELABELED`) and gzips the body by default.
         */
        put: operations["putLabel"];
        post?: never;
        /**
         * Delete the label of a sample
         * @description Deletes the label of the sample in the labelset.
         */
        delete: operations["deleteLabel"];
        options?: never;
        head?: never;
        /**
         * Update the label of a sample
         * @description Changes the given fields. Caveat of the Python SDK's resource API: `Sample.update_label` / `Label.update` default
         *     `label_status` to PRELABELED, so calling them without a status resets it (the client method does not). The
         *     Python SDK gzips the body by default.
         */
        patch: operations["updateLabel"];
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/labelsets/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        /**
         * List the labelsets of a dataset
         * @description All labelsets of the dataset, as a plain array (not paginated).
         */
        get: operations["listLabelsets"];
        put?: never;
        /**
         * Create a labelset
         * @description Adds a labelset (e.g. for model predictions). The Python SDK sends `attributes` as the JSON-encoded STRING `"{}"`;
         *     an object is accepted as well.
         */
        post: operations["createLabelset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/labelsets/{labelset}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        /**
         * Get a labelset
         * @description The labelset by name.
         */
        get: operations["getLabelset"];
        put?: never;
        post?: never;
        /**
         * Delete a labelset
         * @description Deletes the labelset and all its labels.
         */
        delete: operations["deleteLabelset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/issues/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        /**
         * List the issues of a dataset
         * @description All issues of the dataset, as a plain array (not paginated). Python SDK bug: the resource API's
         *     `Sample.get_issues()` calls this path with the sample uuid in place of the dataset identifier (which answers 404);
         *     filter this list by `sample_uuid` instead.
         */
        get: operations["listIssues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/samples/{sample_uuid}/issues/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an issue on a sample
         * @description Opens an issue (status default `OPEN`), optionally anchored. Any collaborator, including viewers, may create
         *     issues. The Python SDK inserts `anchor` into the body as given, so it must be a plain JSON object.
         */
        post: operations["createIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/issues/{issue_uuid}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the issue.
                 * @example 6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f
                 */
                issue_uuid: components["parameters"]["IssueUuidPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an issue
         * @description Deletes the issue. Requires the manager role.
         */
        delete: operations["deleteIssue"];
        options?: never;
        head?: never;
        /**
         * Update an issue
         * @description Changes the description, status or anchor. Resolving (closing) issues requires the manager role.
         */
        patch: operations["updateIssue"];
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/releases/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        /**
         * List the releases of a dataset
         * @description All releases of the dataset, as a plain array (not paginated). Requires the admin role.
         */
        get: operations["listReleases"];
        put?: never;
        /**
         * Create a release
         * @description Starts generating a release (export snapshot) asynchronously: the answer has status `PENDING` and possibly no
         *     `attributes.url`. Poll getRelease until the status is `SUCCEEDED` (then `attributes.url` points to the
         *     `ReleaseFile` JSON) or `FAILED`. Release files are not supported for pointcloud-segmentation datasets. Requires
         *     the admin role.
         */
        post: operations["createRelease"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/releases/{release}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Release name.
                 * @example v0.1
                 */
                release: components["parameters"]["ReleasePath"];
            };
            cookie?: never;
        };
        /**
         * Get a release
         * @description The release by name; poll this after createRelease until `status` is no longer `PENDING`.
         */
        get: operations["getRelease"];
        put?: never;
        post?: never;
        /**
         * Delete a release
         * @description Deletes the release. Requires the admin role.
         */
        delete: operations["deleteRelease"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/datasets/{owner}/{dataset}/workunits/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        /**
         * List the workunits of a dataset
         * @description Time-tracking records of labeling/reviewing work, one page at a time, as a plain JSON array (no envelope).
         *     Default order is newest first (`-created_at`). `start`/`end` bound `created_at`. They accept RFC 3339
         *     date-times and also the zone-less `YYYY-MM-DDTHH:MM:SS` the Python SDK sends, which is read as UTC.
         */
        get: operations["listWorkunits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an asset upload
         * @description First step of uploading a file (e.g. a segmentation bitmap PNG): returns the asset's final public `url` and an
         *     S3 presigned POST. Second step (not part of this API): POST `multipart/form-data` to `presignedPostFields.url`
         *     with every `presignedPostFields.fields` entry as a form field, in order, followed by the file part named `file`,
         *     WITHOUT the Authorization header (S3 answers 204). The body is never gzipped.
         */
        post: operations["createAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AWSFields
         * @description Form fields of an S3 presigned POST, to send (in this order) before the `file` part.
         */
        AWSFields: {
            acl: string;
            "Content-Type": string;
            key: string;
            "x-amz-algorithm": string;
            "x-amz-credential": string;
            "x-amz-date": string;
            policy: string;
            "x-amz-signature": string;
        };
        /**
         * Acceleration
         * @description Acceleration of a cuboid; `relative` (to the ego vehicle) may be null, but the key is required.
         * @example {
         *       "relative": null,
         *       "absolute": 0.7
         *     }
         */
        Acceleration: {
            relative: number | null;
            absolute: number;
        };
        /**
         * Annotation
         * @description An object of a segmentation label (links an instance id of the bitmap/points to a category).
         * @example {
         *       "id": 1,
         *       "category_id": 2,
         *       "attributes": {
         *         "occluded": false
         *       }
         *     }
         */
        Annotation: {
            id: components["schemas"]["AnnotationId"];
            category_id: components["schemas"]["CategoryId"];
            attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * AnnotationId
         * @description Instance (object) id of an annotation; 0 means "no object" in bitmaps and point annotations.
         * @example 1
         */
        AnnotationId: number;
        /**
         * ApiStatus
         * @description Body of a successful status check. Its content is not specified; the SDK only looks at the status code.
         * @example {}
         */
        ApiStatus: {
            [key: string]: unknown;
        };
        /**
         * AssetCreate
         * @example {
         *       "filename": "label.png"
         *     }
         */
        AssetCreate: {
            filename: string;
        };
        /**
         * Bounds
         * @description Region of a point cloud to show/load; every bound is optional.
         * @example {
         *       "min_x": -50,
         *       "max_x": 50,
         *       "min_z": -3
         *     }
         */
        Bounds: {
            min_x?: number | null;
            max_x?: number | null;
            min_y?: number | null;
            max_y?: number | null;
            min_z?: number | null;
            max_z?: number | null;
        };
        /** BrownConradyDistortion */
        BrownConradyDistortion: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "brown-conrady";
            coefficients: {
                k1: number;
                k2: number;
                p1: number;
                p2: number;
                k3: number;
                k4?: number | null;
                k5?: number | null;
                k6?: number | null;
            };
        };
        /**
         * CalibratedImage
         * @description A camera image attached to a point cloud frame, with optional calibration (extends `URL`).
         * @example {
         *       "url": "https://example-bucket.s3.amazonaws.com/camera/front/000001.jpg",
         *       "row": 0,
         *       "col": 0,
         *       "name": "front",
         *       "camera_convention": "OpenCV",
         *       "intrinsics": {
         *         "intrinsic_matrix": [
         *           [
         *             1266.4,
         *             0,
         *             816.3
         *           ],
         *           [
         *             0,
         *             1266.4,
         *             491.5
         *           ],
         *           [
         *             0,
         *             0,
         *             1
         *           ]
         *         ]
         *       },
         *       "extrinsics": {
         *         "translation": {
         *           "x": 1.7,
         *           "y": 0.01,
         *           "z": 1.5
         *         },
         *         "rotation": {
         *           "qx": -0.5,
         *           "qy": 0.5,
         *           "qz": -0.5,
         *           "qw": 0.5
         *         }
         *       },
         *       "distortion": {
         *         "model": "brown-conrady",
         *         "coefficients": {
         *           "k1": -0.05,
         *           "k2": 0.01,
         *           "p1": 0,
         *           "p2": 0,
         *           "k3": 0
         *         }
         *       }
         *     }
         */
        CalibratedImage: {
            url?: string | null;
            signed_url?: string | null;
            row?: number | null;
            col?: number | null;
            intrinsics?: components["schemas"]["CameraIntrinsics"] | null;
            extrinsics?: components["schemas"]["CameraExtrinsics"] | null;
            distortion?: components["schemas"]["Distortion"] | null;
            camera_convention?: components["schemas"]["CameraConvention"];
            name?: string | null;
            /** @description Rotation of the displayed image, in radians. */
            rotation?: number | null;
        };
        /**
         * CameraConvention
         * @description Camera coordinate convention of a calibrated image. Defaults to `OpenGL`.
         * @default OpenGL
         * @enum {string}
         */
        CameraConvention: "OpenCV" | "OpenGL";
        /** CameraExtrinsics */
        CameraExtrinsics: {
            translation: components["schemas"]["XYZ"];
            rotation: components["schemas"]["XYZW"];
        };
        /** CameraIntrinsics */
        CameraIntrinsics: {
            /** @description 3x3 camera matrix, row-major. */
            intrinsic_matrix: number[][];
        };
        /**
         * Category
         * @description Dataset category: one of the predefined values, or a custom category written as `custom-<anything>`.
         * @example other
         * @example custom-warehouse
         */
        Category: ("street_scenery" | "garden" | "agriculture" | "satellite" | "people" | "medical" | "fruit" | "other") | string;
        /**
         * CategoryId
         * @description Id of a category of the dataset's `task_attributes.categories`.
         * @example 1
         */
        CategoryId: number;
        /**
         * CheckboxTaskAttribute
         * @description A boolean (checkbox) attribute.
         */
        CheckboxTaskAttribute: components["schemas"]["TaskAttributeBase"] & {
            /** @enum {string} */
            input_type: "checkbox";
            default_value?: boolean | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            input_type: "checkbox";
        };
        /**
         * CloneDatasetRequest
         * @description Body of cloneDataset. The SDK sends `name` (default `<name>-clone`) and `clone_labels` always.
         * @example {
         *       "name": "flowers-clone",
         *       "clone_labels": false
         *     }
         */
        CloneDatasetRequest: {
            name: string;
            task_type?: components["schemas"]["TaskType"];
            public?: boolean;
            /** @description Organization that should own the clone (defaults to the authenticated user). */
            owner?: string;
            /** @default false */
            clone_labels?: boolean;
        };
        /** Collaborator */
        Collaborator: {
            user: components["schemas"]["User"];
            role: components["schemas"]["Role"];
        };
        /**
         * CollaboratorCreate
         * @example {
         *       "user": "john",
         *       "role": "reviewer"
         *     }
         */
        CollaboratorCreate: {
            /** @description Username of the user to add. */
            user: string;
            role?: components["schemas"]["Role"];
        };
        /**
         * CollaboratorUpdate
         * @example {
         *       "role": "manager"
         *     }
         */
        CollaboratorUpdate: {
            role?: components["schemas"]["Role"];
        };
        /**
         * CuboidDimensionLimitsRule
         * @description Warn when cuboids of the given categories are smaller than `min` or larger than `max`.
         */
        CuboidDimensionLimitsRule: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            name: "cuboid-dimension-limits";
            categories?: components["schemas"]["CategoryId"][] | null;
            min?: components["schemas"]["PartialXYZ"] | null;
            max?: components["schemas"]["PartialXYZ"] | null;
        };
        /**
         * Dataset
         * @description A dataset. Legacy fields such as `data_type` may still be returned and are ignored.
         */
        Dataset: {
            name: string;
            /** @description `owner/name`, the dataset identifier used in paths. */
            full_name: string;
            cloned_from?: string | null;
            description: string;
            category: components["schemas"]["Category"];
            public: boolean;
            archived: boolean;
            owner: components["schemas"]["Owner"];
            /** Format: date-time */
            created_at: string;
            enable_ratings: boolean;
            enable_skip_labeling: boolean;
            enable_skip_reviewing: boolean;
            enable_save_button: boolean;
            enable_label_status_verified: boolean;
            enable_same_dimensions_track_constraint: boolean;
            enable_3d_region_of_interest: boolean;
            enable_interpolation: boolean;
            use_timestamps_for_interpolation: boolean;
            enable_object_linking: boolean;
            enable_3d_cuboid_rotation?: boolean | null;
            enable_confirm_on_submit?: boolean | null;
            enable_object_link_category_restrictions?: boolean;
            enable_extrapolation?: boolean;
            /** @description The task type; legacy datasets may report the empty string (the SDK's `TaskType.EMPTY`). */
            task_type: components["schemas"]["TaskType"] | "";
            task_attributes?: components["schemas"]["TaskAttributes"] | null;
            label_stats: components["schemas"]["LabelStats"];
            labeling_inactivity_timeout_seconds?: number | null;
            /** @description Number of samples (some endpoints return it as a string). */
            samples_count?: number | string | null;
            collaborators_count?: number | null;
            labelsets?: components["schemas"]["Labelset"][] | null;
            /** @description Role of the authenticated user on this dataset. */
            role?: string | null;
            readme?: string | null;
            metadata: components["schemas"]["Metadata"];
            noncollaborator_can_label?: boolean | null;
            noncollaborator_can_review?: boolean | null;
            insights_urls?: {
                [key: string]: string;
            } | null;
            region_of_interest?: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * DatasetCreate
         * @description Body of createDataset / createOrganizationDataset. Only `name` is required; the SDK always sends name,
         *     description, task_type, task_attributes, category, public, readme, labeling_inactivity_timeout_seconds, the
         *     enable_* flags, archived and `data_type: "IMAGE"`.
         * @example {
         *       "name": "flowers",
         *       "description": "A dataset of flower images.",
         *       "task_type": "segmentation-bitmap",
         *       "task_attributes": {
         *         "format_version": "0.1",
         *         "categories": [
         *           {
         *             "id": 1,
         *             "name": "object"
         *           }
         *         ]
         *       },
         *       "category": "garden",
         *       "public": false,
         *       "readme": "",
         *       "labeling_inactivity_timeout_seconds": 300,
         *       "enable_skip_labeling": true,
         *       "enable_skip_reviewing": false,
         *       "enable_ratings": false,
         *       "enable_interpolation": true,
         *       "enable_same_dimensions_track_constraint": false,
         *       "enable_save_button": false,
         *       "enable_label_status_verified": false,
         *       "enable_3d_cuboid_rotation": false,
         *       "enable_confirm_on_submit": false,
         *       "archived": false,
         *       "enable_3d_region_of_interest": false,
         *       "data_type": "IMAGE"
         *     }
         */
        DatasetCreate: {
            /** @description Dataset name (unique per owner; no `/`). */
            name: string;
            description?: string;
            task_type?: components["schemas"]["TaskType"];
            task_attributes?: components["schemas"]["TaskAttributes"];
            category?: components["schemas"]["Category"];
            public?: boolean;
            readme?: string;
            metadata?: components["schemas"]["Metadata"];
            labeling_inactivity_timeout_seconds?: number;
            enable_skip_labeling?: boolean;
            enable_skip_reviewing?: boolean;
            enable_ratings?: boolean;
            enable_interpolation?: boolean;
            enable_same_dimensions_track_constraint?: boolean;
            enable_save_button?: boolean;
            enable_label_status_verified?: boolean;
            enable_3d_cuboid_rotation?: boolean;
            /** @description The SDK's `enable_confirm_on_commit` argument is sent under this key. */
            enable_confirm_on_submit?: boolean;
            archived?: boolean;
            enable_3d_region_of_interest?: boolean;
            region_of_interest?: {
                [key: string]: unknown;
            };
            enable_object_linking?: boolean;
            enable_object_link_category_restrictions?: boolean;
            enable_extrapolation?: boolean;
            /**
             * @description Legacy; the SDK always sends `IMAGE` whatever the task type.
             * @enum {string}
             */
            data_type?: "IMAGE";
        };
        /**
         * DatasetUpdate
         * @description Body of updateDataset; only the keys to change (the SDK drops None values). The name cannot be changed.
         * @example {
         *       "description": "Flowers, relabeled.",
         *       "enable_ratings": true
         *     }
         */
        DatasetUpdate: {
            description?: string;
            task_type?: components["schemas"]["TaskType"];
            task_attributes?: components["schemas"]["TaskAttributes"];
            category?: components["schemas"]["Category"];
            public?: boolean;
            readme?: string;
            metadata?: components["schemas"]["Metadata"];
            labeling_inactivity_timeout_seconds?: number;
            enable_skip_labeling?: boolean;
            enable_skip_reviewing?: boolean;
            enable_ratings?: boolean;
            enable_interpolation?: boolean;
            enable_same_dimensions_track_constraint?: boolean;
            enable_save_button?: boolean;
            enable_label_status_verified?: boolean;
            enable_3d_cuboid_rotation?: boolean;
            /** @description The SDK's `enable_confirm_on_commit` argument is sent under this key. */
            enable_confirm_on_submit?: boolean;
            archived?: boolean;
            enable_3d_region_of_interest?: boolean;
            region_of_interest?: {
                [key: string]: unknown;
            };
            enable_object_linking?: boolean;
            enable_object_link_category_restrictions?: boolean;
            enable_extrapolation?: boolean;
            use_timestamps_for_interpolation?: boolean;
        };
        /**
         * DeleteSamplesRequest
         * @example {
         *       "uuids": [
         *         "10130ecd-790e-463d-86ce-747f5c545c77",
         *         "5b8e4f2a-3c1d-4e6f-8a9b-0c1d2e3f4a5b"
         *       ]
         *     }
         */
        DeleteSamplesRequest: {
            uuids: string[];
        };
        /**
         * DeleteSamplesResponse
         * @example {
         *       "deleted_count": 2
         *     }
         */
        DeleteSamplesResponse: {
            /** @description Number of samples deleted (unknown uuids are skipped silently). */
            deleted_count: number;
        };
        /**
         * Distortion
         * @description Lens distortion of a calibrated camera, discriminated on `model` (`CameraDistortionModel`).
         */
        Distortion: components["schemas"]["FisheyeDistortion"] | components["schemas"]["BrownConradyDistortion"];
        /**
         * EgoPose
         * @description Pose of the ego vehicle (world coordinates) for a point cloud frame.
         */
        EgoPose: {
            position: components["schemas"]["XYZ"];
            heading: components["schemas"]["XYZW"];
        };
        /**
         * EmptySensorLabelAttributes
         * @description The empty list `[]`, sent for a multi-sensor sensor that has no labels.
         */
        EmptySensorLabelAttributes: unknown[];
        /**
         * Error
         * @description Error body (Django REST framework style): usually `{"detail": "..."}`. A validation error may instead (or also)
         *     carry one key per invalid field whose value is the list of messages for that field, without `detail`; the
         *     Python SDK reads `detail` with a fallback and matches on the response text.
         * @example {
         *       "detail": "Not found."
         *     }
         * @example {
         *       "detail": "Invalid request body.",
         *       "name": [
         *         "This field is required."
         *       ]
         *     }
         */
        Error: {
            /** @description Human-readable error message. */
            detail?: string;
        } & {
            [key: string]: string[] | string;
        };
        /**
         * File
         * @description An uploaded asset. `url` is the final public URL, known before the S3 upload finishes.
         */
        File: {
            /** Format: uuid */
            uuid: string;
            filename: string;
            url: string;
            /** Format: date-time */
            created_at: string;
            presignedPostFields: components["schemas"]["PresignedPostFields"];
        };
        /** FisheyeDistortion */
        FisheyeDistortion: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            model: "fisheye";
            coefficients: {
                k1: number;
                k2: number;
                k3: number;
                k4: number;
            };
        };
        /**
         * FormatVersion
         * @description Version of the attributes format, e.g. `"0.1"` (older payloads send a number).
         * @example 0.1
         */
        FormatVersion: string | number;
        /**
         * GeometryTaskAttribute
         * @description A `vector3`, `quaternion` or `points` attribute (no extra settings).
         */
        GeometryTaskAttribute: components["schemas"]["TaskAttributeBase"] & {
            /** @enum {string} */
            input_type: "vector3" | "quaternion" | "points";
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            input_type: "vector3" | "quaternion" | "points";
        };
        /**
         * ImageFrame
         * @description One frame of an image sequence.
         */
        ImageFrame: {
            image: components["schemas"]["URL"];
            name?: string | null;
            timestamp?: components["schemas"]["Timestamp"] | null;
        };
        /**
         * ImageSampleAttributes
         * @description Sample attributes of an image sample (task types segmentation-bitmap(-highres), bboxes, vector, keypoints).
         * @example {
         *       "image": {
         *         "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/donuts.jpg"
         *       }
         *     }
         */
        ImageSampleAttributes: {
            image: components["schemas"]["URL"];
        };
        /**
         * ImageSegmentationLabelAttributes
         * @description Label attributes of segmentation-bitmap and segmentation-bitmap-highres labels. `segmentation_bitmap` is an RGBA
         *     PNG whose pixels encode instance ids (`id = R + 256*G + 65536*B`, alpha 255, 0 = unlabeled); upload it with
         *     createAsset first.
         * @example {
         *       "format_version": "0.1",
         *       "annotations": [
         *         {
         *           "id": 1,
         *           "category_id": 1
         *         },
         *         {
         *           "id": 2,
         *           "category_id": 2
         *         }
         *       ],
         *       "segmentation_bitmap": {
         *         "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/ddf55e99-1a6f-42d2-83e9-8657de3259a1.png"
         *       }
         *     }
         */
        ImageSegmentationLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            annotations: components["schemas"]["Annotation"][];
            segmentation_bitmap: components["schemas"]["URL"];
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * ImageSequenceSampleAttributes
         * @description Sample attributes of an image sequence (image-vector-sequence, image-segmentation-sequence).
         * @example {
         *       "frames": [
         *         {
         *           "image": {
         *             "url": "https://example-bucket.s3.amazonaws.com/video/frame_00001.jpg"
         *           },
         *           "name": "frame_00001",
         *           "timestamp": 0
         *         },
         *         {
         *           "image": {
         *             "url": "https://example-bucket.s3.amazonaws.com/video/frame_00002.jpg"
         *           },
         *           "name": "frame_00002",
         *           "timestamp": 100000000
         *         }
         *       ]
         *     }
         */
        ImageSequenceSampleAttributes: {
            frames: components["schemas"]["ImageFrame"][];
        };
        /**
         * ImageSequenceSegmentationAnnotation
         * @description A segmentation object in one frame of an image sequence (an `Annotation` with a track).
         */
        ImageSequenceSegmentationAnnotation: components["schemas"]["Annotation"] & components["schemas"]["SequenceAnnotationTrack"];
        /** ImageSequenceSegmentationFrame */
        ImageSequenceSegmentationFrame: {
            annotations: components["schemas"]["ImageSequenceSegmentationAnnotation"][];
            segmentation_bitmap?: components["schemas"]["URL"] | null;
            timestamp?: components["schemas"]["Timestamp"] | null;
            format_version?: components["schemas"]["FormatVersion"] | null;
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * ImageSequenceSegmentationLabel
         * @description A label whose `label_type` is `image-segmentation-sequence`; its `attributes` are `ImageSequenceSegmentationLabelAttributes`.
         */
        ImageSequenceSegmentationLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "image-segmentation-sequence";
            attributes?: components["schemas"]["ImageSequenceSegmentationLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "image-segmentation-sequence";
        };
        /**
         * ImageSequenceSegmentationLabelAttributes
         * @description Label attributes of image-segmentation-sequence labels.
         * @example {
         *       "format_version": "0.2",
         *       "frames": [
         *         {
         *           "annotations": [
         *             {
         *               "id": 1,
         *               "category_id": 1,
         *               "track_id": 1,
         *               "is_keyframe": true
         *             }
         *           ],
         *           "segmentation_bitmap": {
         *             "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/frame1-label.png"
         *           }
         *         }
         *       ]
         *     }
         */
        ImageSequenceSegmentationLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            frames: components["schemas"]["ImageSequenceSegmentationFrame"][];
        };
        /**
         * ImageSequenceVectorAnnotation
         * @description A vector object in one frame of an image sequence (an `ImageVectorAnnotation` with a track).
         */
        ImageSequenceVectorAnnotation: components["schemas"]["ImageVectorAnnotation"] & components["schemas"]["SequenceAnnotationTrack"];
        /**
         * ImageSequenceVectorLabel
         * @description A label whose `label_type` is `image-vector-sequence`; its `attributes` are `ImageSequenceVectorLabelAttributes`.
         */
        ImageSequenceVectorLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "image-vector-sequence";
            attributes?: components["schemas"]["ImageSequenceVectorLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "image-vector-sequence";
        };
        /**
         * ImageSequenceVectorLabelAttributes
         * @description Label attributes of image-vector-sequence labels (one frame per sample frame).
         * @example {
         *       "format_version": "0.2",
         *       "frames": [
         *         {
         *           "annotations": [
         *             {
         *               "id": 1,
         *               "category_id": 1,
         *               "track_id": 1,
         *               "is_keyframe": true,
         *               "type": "bbox",
         *               "points": [
         *                 [
         *                   10,
         *                   10
         *                 ],
         *                 [
         *                   60,
         *                   45
         *                 ]
         *               ]
         *             }
         *           ]
         *         },
         *         {
         *           "annotations": []
         *         }
         *       ]
         *     }
         */
        ImageSequenceVectorLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            frames: components["schemas"]["ImageVectorFrame"][];
        };
        /**
         * ImageVectorAnnotation
         * @description A vector object on an image. `bbox` points are `[[x0, y0], [x1, y1]]`; a `point` has one point.
         * @example {
         *       "id": 1,
         *       "category_id": 1,
         *       "type": "bbox",
         *       "points": [
         *         [
         *           12.5,
         *           20
         *         ],
         *         [
         *           130,
         *           96.25
         *         ]
         *       ]
         *     }
         */
        ImageVectorAnnotation: {
            id: components["schemas"]["AnnotationId"];
            category_id: components["schemas"]["CategoryId"];
            points: components["schemas"]["Point2D"][];
            /** @enum {string} */
            type: "bbox" | "polygon" | "polyline" | "point";
            attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /** ImageVectorFrame */
        ImageVectorFrame: {
            annotations: components["schemas"]["ImageSequenceVectorAnnotation"][];
            timestamp?: components["schemas"]["Timestamp"] | null;
            format_version?: components["schemas"]["FormatVersion"] | null;
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * ImageVectorLabel
         * @description A label whose `label_type` is `bboxes`, `vector`, `keypoints`; its `attributes` are `ImageVectorLabelAttributes`.
         */
        ImageVectorLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "bboxes" | "vector" | "keypoints";
            attributes?: components["schemas"]["ImageVectorLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "bboxes" | "vector" | "keypoints";
        };
        /**
         * ImageVectorLabelAttributes
         * @description Label attributes of bboxes, vector and keypoints labels.
         * @example {
         *       "format_version": "0.1",
         *       "annotations": [
         *         {
         *           "id": 1,
         *           "category_id": 1,
         *           "type": "polygon",
         *           "points": [
         *             [
         *               10,
         *               10
         *             ],
         *             [
         *               50,
         *               12
         *             ],
         *             [
         *               30,
         *               40
         *             ]
         *           ]
         *         },
         *         {
         *           "id": 2,
         *           "category_id": 2,
         *           "type": "point",
         *           "points": [
         *             [
         *               64,
         *               64
         *             ]
         *           ]
         *         }
         *       ]
         *     }
         */
        ImageVectorLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            annotations: components["schemas"]["ImageVectorAnnotation"][];
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * InputType
         * @description Input type of an object, image or link attribute in the label editor.
         * @enum {string}
         */
        InputType: "select" | "multiselect" | "text" | "number" | "checkbox" | "vector3" | "quaternion" | "points";
        /**
         * IntersectingCuboidsRule
         * @description Warn when cuboids intersect (except for the excluded categories).
         */
        IntersectingCuboidsRule: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            name: "intersecting-cuboids";
            excluded_categories?: components["schemas"]["CategoryId"][] | null;
            excluded_set_of_categories?: components["schemas"]["CategoryId"][] | null;
        };
        /** Issue */
        Issue: {
            /** Format: uuid */
            uuid: string;
            description: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            created_by: string;
            updated_by: string;
            status: components["schemas"]["IssueStatus"];
            comments: components["schemas"]["IssueComment"][];
            /** Format: uuid */
            sample_uuid: string;
            sample_name: string;
            anchor?: components["schemas"]["IssueAnchor"] | null;
        };
        /**
         * IssueAnchor
         * @description Where an issue is anchored, discriminated on `type`. Keys are camelCase on the wire (`trackNumber`,
         *     `trackAttribute`, `sceneAttribute`).
         * @example {
         *       "type": "location",
         *       "frame": 0,
         *       "sensor": "Lidar",
         *       "location": {
         *         "type": "2d",
         *         "x": 1.2,
         *         "y": 3.5
         *       }
         *     }
         * @example {
         *       "type": "track",
         *       "trackNumber": 3,
         *       "trackAttribute": "color"
         *     }
         */
        IssueAnchor: components["schemas"]["IssueAnchorBasic"] | components["schemas"]["IssueAnchorTrack"] | components["schemas"]["IssueAnchorSceneAttribute"] | components["schemas"]["IssueAnchorLocation"];
        /** IssueAnchorBasic */
        IssueAnchorBasic: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "basic";
            /** @description Sensor name (multi-sensor datasets). */
            sensor?: string | null;
            /** @description Frame index (sequences). */
            frame?: number | null;
        };
        /** IssueAnchorLocation */
        IssueAnchorLocation: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "location";
            /** @description Sensor name (multi-sensor datasets). */
            sensor?: string | null;
            /** @description Frame index (sequences). */
            frame?: number | null;
            location: components["schemas"]["IssueAnchorPoint"];
        };
        /**
         * IssueAnchorPoint
         * @description Location of a location anchor, discriminated on `type` (`2d` image point or `3d` point cloud point).
         */
        IssueAnchorPoint: components["schemas"]["IssueAnchorPoint2D"] | components["schemas"]["IssueAnchorPoint3D"];
        /** IssueAnchorPoint2D */
        IssueAnchorPoint2D: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "2d";
            x: number;
            y: number;
        };
        /** IssueAnchorPoint3D */
        IssueAnchorPoint3D: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "3d";
            x: number;
            y: number;
            z: number;
        };
        /** IssueAnchorSceneAttribute */
        IssueAnchorSceneAttribute: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "sceneAttribute";
            /** @description Sensor name (multi-sensor datasets). */
            sensor?: string | null;
            /** @description Frame index (sequences). */
            frame?: number | null;
            sceneAttribute: string;
        };
        /** IssueAnchorTrack */
        IssueAnchorTrack: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "track";
            /** @description Sensor name (multi-sensor datasets). */
            sensor?: string | null;
            /** @description Frame index (sequences). */
            frame?: number | null;
            trackNumber: number;
            trackAttribute?: string | null;
        };
        /** IssueComment */
        IssueComment: {
            /** Format: date-time */
            created_at: string;
            created_by: string;
            text: string;
        };
        /**
         * IssueCreate
         * @example {
         *       "description": "The car on the left is not labeled.",
         *       "status": "OPEN",
         *       "anchor": {
         *         "type": "location",
         *         "frame": 0,
         *         "sensor": "Lidar",
         *         "location": {
         *           "type": "2d",
         *           "x": 1.2,
         *           "y": 3.5
         *         }
         *       }
         *     }
         */
        IssueCreate: {
            description: string;
            status?: components["schemas"]["IssueStatus"];
            anchor?: components["schemas"]["IssueAnchor"];
        };
        /**
         * IssueStatus
         * @enum {string}
         */
        IssueStatus: "OPEN" | "CLOSED";
        /**
         * IssueUpdate
         * @example {
         *       "status": "CLOSED"
         *     }
         */
        IssueUpdate: {
            description?: string;
            status?: components["schemas"]["IssueStatus"];
            anchor?: components["schemas"]["IssueAnchor"];
        };
        /**
         * Label
         * @description A label of a sample in a labelset, discriminated on `label_type` (the dataset's task type): each variant restricts
         *     `label_type` to its task types and `attributes` to the matching label-attributes schema, so e.g. a
         *     pointcloud-cuboid-sequence label can never be read as a segmentation label. `attributes` may be missing or null
         *     (the Python SDK's `Label.attributes` is Optional).
         */
        Label: components["schemas"]["SegmentationBitmapLabel"] | components["schemas"]["ImageVectorLabel"] | components["schemas"]["ImageSequenceVectorLabel"] | components["schemas"]["ImageSequenceSegmentationLabel"] | components["schemas"]["PointcloudCuboidLabel"] | components["schemas"]["PointcloudVectorLabel"] | components["schemas"]["PointcloudSegmentationLabel"] | components["schemas"]["PointcloudSequenceCuboidLabel"] | components["schemas"]["PointcloudSequenceVectorLabel"] | components["schemas"]["PointcloudSequenceSegmentationLabel"] | components["schemas"]["MultiSensorLabel"];
        /**
         * LabelAttributes
         * @description Label attributes of any task type (used by PUT/PATCH label bodies, which do not carry the task type). The branches
         *     overlap (e.g. `{"annotations": []}` or `{"frames": []}` match several), hence `anyOf`: the dataset's task type
         *     decides which branch applies (root `x-segments-task-types` extension); the `Label` response model is
         *     discriminated on `label_type` instead.
         */
        LabelAttributes: components["schemas"]["ImageVectorLabelAttributes"] | components["schemas"]["ImageSegmentationLabelAttributes"] | components["schemas"]["ImageSequenceVectorLabelAttributes"] | components["schemas"]["ImageSequenceSegmentationLabelAttributes"] | components["schemas"]["PointcloudCuboidLabelAttributes"] | components["schemas"]["PointcloudVectorLabelAttributes"] | components["schemas"]["PointcloudSegmentationLabelAttributes"] | components["schemas"]["PointcloudSequenceCuboidLabelAttributes"] | components["schemas"]["PointcloudSequenceVectorLabelAttributes"] | components["schemas"]["PointcloudSequenceSegmentationLabelAttributes"] | components["schemas"]["MultiSensorLabelAttributes"];
        /**
         * LabelBase
         * @description Fields shared by every `Label` variant.
         */
        LabelBase: {
            /** Format: uuid */
            sample_uuid: string;
            label_type: components["schemas"]["TaskType"];
            label_status: components["schemas"]["LabelStatus"];
            labelset: string;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** Format: date-time */
            updated_at: string;
            updated_by?: string | null;
            score?: number | null;
            rating?: number | null;
            /** Format: date-time */
            reviewed_at?: string | null;
            reviewed_by?: string | null;
        };
        /**
         * LabelPut
         * @description Body of putLabel (create or replace). `attributes` must match the dataset's task type (see
         *     `x-segments-task-types`); the SDK always sends `label_status` (default `PRELABELED`).
         * @example {
         *       "attributes": {
         *         "format_version": "0.1",
         *         "annotations": [
         *           {
         *             "id": 1,
         *             "category_id": 1
         *           }
         *         ],
         *         "segmentation_bitmap": {
         *           "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/ddf55e99-1a6f-42d2-83e9-8657de3259a1.png"
         *         }
         *       },
         *       "label_status": "PRELABELED",
         *       "score": 0.9254
         *     }
         */
        LabelPut: {
            attributes: components["schemas"]["LabelAttributes"];
            label_status?: components["schemas"]["LabelStatus"];
            /** @description Prediction score (e.g. model confidence). */
            score?: number;
        };
        /**
         * LabelStats
         * @description Number of labels of the ground-truth labelset per label status, and the total number of samples.
         * @example {
         *       "REVIEWED": 10,
         *       "LABELED": 25,
         *       "PRELABELED": 5,
         *       "UNLABELED": 54,
         *       "TOTAL": 94
         *     }
         */
        LabelStats: {
            REVIEWED?: number | null;
            REVIEWING_IN_PROGRESS?: number | null;
            LABELED?: number | null;
            LABELING_IN_PROGRESS?: number | null;
            REJECTED?: number | null;
            PRELABELED?: number | null;
            SKIPPED?: number | null;
            VERIFIED?: number | null;
            UNLABELED?: number | null;
            TOTAL?: number | null;
        };
        /**
         * LabelStatus
         * @description Status of a label. `VERIFIED` is only accepted on datasets with `enable_label_status_verified`.
         *     `UNLABELED` is what a sample without a label reports.
         * @example LABELED
         * @enum {string}
         */
        LabelStatus: "REVIEWED" | "REVIEWING_IN_PROGRESS" | "LABELED" | "LABELING_IN_PROGRESS" | "REJECTED" | "PRELABELED" | "SKIPPED" | "VERIFIED" | "UNLABELED";
        /**
         * LabelSummary
         * @description Short label info attached to samples by listSamples when `labelset` is given without `include_full_label`.
         * @example {
         *       "label_status": "LABELED",
         *       "score": null,
         *       "updated_at": "2024-03-01T09:30:00Z",
         *       "created_by": "jane",
         *       "reviewed_by": null
         *     }
         */
        LabelSummary: {
            label_status: components["schemas"]["LabelStatus"];
            score?: number | null;
            /** Format: date-time */
            updated_at?: string | null;
            created_by?: string | null;
            reviewed_by?: string | null;
        };
        /**
         * LabelUpdate
         * @description Body of updateLabel; only the keys to change.
         * @example {
         *       "label_status": "REVIEWED"
         *     }
         */
        LabelUpdate: {
            attributes?: components["schemas"]["LabelAttributes"];
            label_status?: components["schemas"]["LabelStatus"];
            score?: number;
        };
        /**
         * Labelset
         * @description A named set of labels of a dataset (`ground-truth` exists in every dataset).
         * @example {
         *       "name": "ground-truth",
         *       "description": "Ground truth labels.",
         *       "is_groundtruth": true,
         *       "created_at": "2020-07-20T14:59:36.242218Z"
         *     }
         */
        Labelset: {
            name: string;
            description: string;
            is_groundtruth?: boolean | null;
            /** Format: date-time */
            created_at?: string | null;
        };
        /**
         * LabelsetCreate
         * @description Body of createLabelset.
         * @example {
         *       "name": "predictions",
         *       "description": "My model predictions.",
         *       "attributes": "{}"
         *     }
         */
        LabelsetCreate: {
            name: string;
            description?: string;
            /** @description Labelset attributes. The Python SDK sends the JSON-encoded STRING `"{}"`; a JSON object is accepted too. */
            attributes?: string | {
                [key: string]: unknown;
            };
        };
        /**
         * Link
         * @description A link between two objects (object linking).
         */
        Link: {
            from_id: components["schemas"]["AnnotationId"];
            to_id: components["schemas"]["AnnotationId"];
            attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * Metadata
         * @description User-defined metadata (free-form JSON object).
         * @example {
         *       "city": "London",
         *       "weather": "cloudy",
         *       "robot_id": 3
         *     }
         */
        Metadata: {
            [key: string]: unknown;
        };
        /**
         * MultiSensorImageSegmentationSequenceSensorLabel
         * @description Sensor of task type `image-segmentation-sequence` in a multisensor-sequence label; `attributes` is `[]` for a sensor without labels.
         */
        MultiSensorImageSegmentationSequenceSensorLabel: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "image-segmentation-sequence";
            attributes: components["schemas"]["ImageSequenceSegmentationLabelAttributes"] | components["schemas"]["EmptySensorLabelAttributes"];
        };
        /**
         * MultiSensorImageSequenceSampleAttributes
         * @description A camera sensor of a multi-sensor sample.
         */
        MultiSensorImageSequenceSampleAttributes: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "image-vector-sequence" | "image-segmentation-sequence";
            attributes: components["schemas"]["ImageSequenceSampleAttributes"];
        };
        /**
         * MultiSensorImageVectorSequenceSensorLabel
         * @description Sensor of task type `image-vector-sequence` in a multisensor-sequence label; `attributes` is `[]` for a sensor without labels.
         */
        MultiSensorImageVectorSequenceSensorLabel: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "image-vector-sequence";
            attributes: components["schemas"]["ImageSequenceVectorLabelAttributes"] | components["schemas"]["EmptySensorLabelAttributes"];
        };
        /**
         * MultiSensorLabel
         * @description A label whose `label_type` is `multisensor-sequence`; its `attributes` are `MultiSensorLabelAttributes`.
         */
        MultiSensorLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "multisensor-sequence";
            attributes?: components["schemas"]["MultiSensorLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "multisensor-sequence";
        };
        /**
         * MultiSensorLabelAttributes
         * @description Label attributes of multisensor-sequence labels; one entry per sensor, discriminated on `task_type`.
         * @example {
         *       "sensors": [
         *         {
         *           "name": "Lidar",
         *           "task_type": "pointcloud-cuboid-sequence",
         *           "attributes": {
         *             "format_version": "0.2",
         *             "frames": [
         *               {
         *                 "annotations": [
         *                   {
         *                     "id": 1,
         *                     "category_id": 1,
         *                     "track_id": 1,
         *                     "is_keyframe": true,
         *                     "type": "cuboid",
         *                     "position": {
         *                       "x": 12.1,
         *                       "y": -3.5,
         *                       "z": 0.9
         *                     },
         *                     "dimensions": {
         *                       "x": 4.5,
         *                       "y": 1.9,
         *                       "z": 1.6
         *                     },
         *                     "yaw": 1.57
         *                   }
         *                 ]
         *               }
         *             ]
         *           }
         *         },
         *         {
         *           "name": "Camera 1",
         *           "task_type": "image-vector-sequence",
         *           "attributes": []
         *         }
         *       ]
         *     }
         */
        MultiSensorLabelAttributes: {
            sensors: (components["schemas"]["MultiSensorPointcloudCuboidSequenceSensorLabel"] | components["schemas"]["MultiSensorPointcloudVectorSequenceSensorLabel"] | components["schemas"]["MultiSensorPointcloudSegmentationSequenceSensorLabel"] | components["schemas"]["MultiSensorImageVectorSequenceSensorLabel"] | components["schemas"]["MultiSensorImageSegmentationSequenceSensorLabel"])[];
            links?: components["schemas"]["Link"][] | null;
        };
        /**
         * MultiSensorPointcloudCuboidSequenceSensorLabel
         * @description Sensor of task type `pointcloud-cuboid-sequence` in a multisensor-sequence label; `attributes` is `[]` for a sensor without labels.
         */
        MultiSensorPointcloudCuboidSequenceSensorLabel: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "pointcloud-cuboid-sequence";
            attributes: components["schemas"]["PointcloudSequenceCuboidLabelAttributes"] | components["schemas"]["EmptySensorLabelAttributes"];
        };
        /**
         * MultiSensorPointcloudSegmentationSequenceSensorLabel
         * @description Sensor of task type `pointcloud-segmentation-sequence` in a multisensor-sequence label; `attributes` is `[]` for a sensor without labels.
         */
        MultiSensorPointcloudSegmentationSequenceSensorLabel: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "pointcloud-segmentation-sequence";
            attributes: components["schemas"]["PointcloudSequenceSegmentationLabelAttributes"] | components["schemas"]["EmptySensorLabelAttributes"];
        };
        /**
         * MultiSensorPointcloudSequenceSampleAttributes
         * @description A point cloud sensor of a multi-sensor sample.
         */
        MultiSensorPointcloudSequenceSampleAttributes: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "pointcloud-cuboid-sequence" | "pointcloud-vector-sequence" | "pointcloud-segmentation-sequence";
            attributes: components["schemas"]["PointcloudSequenceSampleAttributes"];
        };
        /**
         * MultiSensorPointcloudVectorSequenceSensorLabel
         * @description Sensor of task type `pointcloud-vector-sequence` in a multisensor-sequence label; `attributes` is `[]` for a sensor without labels.
         */
        MultiSensorPointcloudVectorSequenceSensorLabel: {
            name: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            task_type: "pointcloud-vector-sequence";
            attributes: components["schemas"]["PointcloudSequenceVectorLabelAttributes"] | components["schemas"]["EmptySensorLabelAttributes"];
        };
        /**
         * MultiSensorSampleAttributes
         * @description Sample attributes of a multi-sensor sequence (multisensor-sequence); one entry per sensor.
         * @example {
         *       "sensors": [
         *         {
         *           "name": "Lidar",
         *           "task_type": "pointcloud-cuboid-sequence",
         *           "attributes": {
         *             "frames": [
         *               {
         *                 "pcd": {
         *                   "url": "https://example-bucket.s3.amazonaws.com/lidar/000001.pcd",
         *                   "type": "pcd"
         *                 }
         *               }
         *             ]
         *           }
         *         },
         *         {
         *           "name": "Camera 1",
         *           "task_type": "image-vector-sequence",
         *           "attributes": {
         *             "frames": [
         *               {
         *                 "image": {
         *                   "url": "https://example-bucket.s3.amazonaws.com/camera1/000001.jpg"
         *                 }
         *               }
         *             ]
         *           }
         *         }
         *       ]
         *     }
         */
        MultiSensorSampleAttributes: {
            sensors: (components["schemas"]["MultiSensorPointcloudSequenceSampleAttributes"] | components["schemas"]["MultiSensorImageSequenceSampleAttributes"])[];
        };
        /**
         * NumberTaskAttribute
         * @description A numeric attribute. The API may return an empty string for an unset `min`/`max`/`step`/`default_value` (the SDK
         *     reads it as null), so those accept `""` and null too.
         * @example {
         *       "name": "speed",
         *       "input_type": "number",
         *       "min": 0,
         *       "max": 200,
         *       "step": 0.5
         *     }
         */
        NumberTaskAttribute: components["schemas"]["TaskAttributeBase"] & {
            /** @enum {string} */
            input_type: "number";
            default_value?: components["schemas"]["OptionalNumber"];
            min?: components["schemas"]["OptionalNumber"];
            max?: components["schemas"]["OptionalNumber"];
            step?: components["schemas"]["OptionalNumber"];
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            input_type: "number";
        };
        /**
         * ObjectAttributes
         * @description Values of the attributes of an object, image or link, keyed by attribute name (see `TaskAttribute`).
         *     Values are strings, numbers, booleans, null, or lists (multiselect values; numeric lists for vector3/quaternion).
         * @example {
         *       "color": "red",
         *       "occluded": false,
         *       "tags": [
         *         "a",
         *         "b"
         *       ]
         *     }
         */
        ObjectAttributes: {
            [key: string]: string | number | boolean | null | (string | number)[];
        };
        /**
         * OptionalNumber
         * @description A number, or null / the empty string for "not set".
         */
        OptionalNumber: number | string | null;
        /**
         * Owner
         * @description The user or organization owning a dataset.
         * @example {
         *       "username": "jane",
         *       "created_at": "2020-05-11T14:00:53.763278Z"
         *     }
         */
        Owner: {
            username: string;
            /** Format: date-time */
            created_at: string;
            email?: string | null;
        };
        /**
         * PCD
         * @description A point cloud file.
         * @example {
         *       "url": "https://example-bucket.s3.amazonaws.com/lidar/000001.pcd",
         *       "type": "pcd"
         *     }
         */
        PCD: {
            url: string;
            signed_url?: string | null;
            type: components["schemas"]["PCDType"];
        };
        /**
         * PCDType
         * @description File format of a point cloud.
         * @enum {string}
         */
        PCDType: "pcd" | "binary-xyzi" | "kitti" | "binary-xyzir" | "nuscenes" | "ply" | "las" | "splat";
        /**
         * PartialXYZ
         * @description A 3D vector whose components are each optional (e.g. default cuboid dimensions, dimension limits).
         * @example {
         *       "x": 4.5,
         *       "z": 1.6
         *     }
         */
        PartialXYZ: {
            x?: number | null;
            y?: number | null;
            z?: number | null;
        };
        /**
         * Point2D
         * @description An image point `[x, y]` in pixels.
         */
        Point2D: number[];
        /**
         * Point3D
         * @description A point cloud point `[x, y, z]`.
         */
        Point3D: number[];
        /**
         * PointcloudCuboidAnnotation
         * @description A 3D cuboid. `rotation` is used instead of `yaw` when 3D rotation is enabled on the dataset.
         * @example {
         *       "id": 1,
         *       "category_id": 1,
         *       "type": "cuboid",
         *       "position": {
         *         "x": 12.1,
         *         "y": -3.5,
         *         "z": 0.9
         *       },
         *       "dimensions": {
         *         "x": 4.5,
         *         "y": 1.9,
         *         "z": 1.6
         *       },
         *       "yaw": 1.57
         *     }
         */
        PointcloudCuboidAnnotation: {
            id: components["schemas"]["AnnotationId"];
            category_id: components["schemas"]["CategoryId"];
            position: components["schemas"]["XYZ"];
            dimensions: components["schemas"]["XYZ"];
            yaw: number;
            rotation?: components["schemas"]["XYZW"] | null;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "cuboid" | "cuboid-sync";
            attributes?: components["schemas"]["ObjectAttributes"] | null;
            velocity?: components["schemas"]["Velocity"] | null;
            acceleration?: components["schemas"]["Acceleration"] | null;
        };
        /**
         * PointcloudCuboidLabel
         * @description A label whose `label_type` is `pointcloud-cuboid`; its `attributes` are `PointcloudCuboidLabelAttributes`.
         */
        PointcloudCuboidLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "pointcloud-cuboid";
            attributes?: components["schemas"]["PointcloudCuboidLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "pointcloud-cuboid";
        };
        /**
         * PointcloudCuboidLabelAttributes
         * @description Label attributes of pointcloud-cuboid labels.
         * @example {
         *       "format_version": "0.2",
         *       "annotations": [
         *         {
         *           "id": 1,
         *           "category_id": 1,
         *           "type": "cuboid",
         *           "position": {
         *             "x": 12.1,
         *             "y": -3.5,
         *             "z": 0.9
         *           },
         *           "dimensions": {
         *             "x": 4.5,
         *             "y": 1.9,
         *             "z": 1.6
         *           },
         *           "yaw": 1.57
         *         }
         *       ]
         *     }
         */
        PointcloudCuboidLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            annotations: components["schemas"]["PointcloudCuboidAnnotation"][];
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
            links?: components["schemas"]["Link"][] | null;
        };
        /**
         * PointcloudSampleAttributes
         * @description Sample attributes of a point cloud (pointcloud-cuboid, pointcloud-segmentation, pointcloud-vector); also the
         *     shape of each frame of a point cloud sequence.
         * @example {
         *       "pcd": {
         *         "url": "https://example-bucket.s3.amazonaws.com/lidar/000001.pcd",
         *         "type": "pcd"
         *       },
         *       "images": [],
         *       "ego_pose": {
         *         "position": {
         *           "x": 10.2,
         *           "y": -3.4,
         *           "z": 0.1
         *         },
         *         "heading": {
         *           "qx": 0,
         *           "qy": 0,
         *           "qz": 0,
         *           "qw": 1
         *         }
         *       },
         *       "default_z": -1.5,
         *       "name": "frame_000001",
         *       "timestamp": 1700000000000000000
         *     }
         */
        PointcloudSampleAttributes: {
            pcd: components["schemas"]["PCD"];
            /** @default [] */
            images?: components["schemas"]["CalibratedImage"][];
            ego_pose?: components["schemas"]["EgoPose"] | null;
            default_z?: number | null;
            name?: string | null;
            timestamp?: components["schemas"]["Timestamp"] | null;
            bounds?: components["schemas"]["Bounds"] | null;
        };
        /**
         * PointcloudSegmentationLabel
         * @description A label whose `label_type` is `pointcloud-segmentation`; its `attributes` are `PointcloudSegmentationLabelAttributes`.
         */
        PointcloudSegmentationLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "pointcloud-segmentation";
            attributes?: components["schemas"]["PointcloudSegmentationLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "pointcloud-segmentation";
        };
        /**
         * PointcloudSegmentationLabelAttributes
         * @description Label attributes of pointcloud-segmentation labels. `point_annotations` holds one annotation id per point, in point
         *     order (0 = unlabeled).
         * @example {
         *       "format_version": "0.2",
         *       "annotations": [
         *         {
         *           "id": 1,
         *           "category_id": 1
         *         },
         *         {
         *           "id": 2,
         *           "category_id": 3
         *         }
         *       ],
         *       "point_annotations": [
         *         0,
         *         0,
         *         1,
         *         1,
         *         1,
         *         2,
         *         2,
         *         0
         *       ]
         *     }
         */
        PointcloudSegmentationLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            annotations: components["schemas"]["Annotation"][];
            point_annotations: components["schemas"]["AnnotationId"][];
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * PointcloudSequenceCuboidAnnotation
         * @description A cuboid in one frame of a point cloud sequence (a `PointcloudCuboidAnnotation` with a track).
         */
        PointcloudSequenceCuboidAnnotation: components["schemas"]["PointcloudCuboidAnnotation"] & components["schemas"]["SequenceAnnotationTrack"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "cuboid" | "cuboid-sync";
        };
        /** PointcloudSequenceCuboidFrame */
        PointcloudSequenceCuboidFrame: {
            annotations: components["schemas"]["PointcloudSequenceCuboidAnnotation"][];
            timestamp?: components["schemas"]["Timestamp"] | null;
            format_version?: components["schemas"]["FormatVersion"] | null;
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * PointcloudSequenceCuboidLabel
         * @description A label whose `label_type` is `pointcloud-cuboid-sequence`; its `attributes` are `PointcloudSequenceCuboidLabelAttributes`.
         */
        PointcloudSequenceCuboidLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "pointcloud-cuboid-sequence";
            attributes?: components["schemas"]["PointcloudSequenceCuboidLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "pointcloud-cuboid-sequence";
        };
        /**
         * PointcloudSequenceCuboidLabelAttributes
         * @description Label attributes of pointcloud-cuboid-sequence labels (one frame per sample frame).
         * @example {
         *       "format_version": "0.2",
         *       "frames": [
         *         {
         *           "timestamp": 1700000000000000000,
         *           "annotations": [
         *             {
         *               "id": 1,
         *               "category_id": 1,
         *               "track_id": 1,
         *               "is_keyframe": true,
         *               "type": "cuboid",
         *               "position": {
         *                 "x": 12.1,
         *                 "y": -3.5,
         *                 "z": 0.9
         *               },
         *               "dimensions": {
         *                 "x": 4.5,
         *                 "y": 1.9,
         *                 "z": 1.6
         *               },
         *               "yaw": 1.57
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        PointcloudSequenceCuboidLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            frames: components["schemas"]["PointcloudSequenceCuboidFrame"][];
            links?: components["schemas"]["Link"][] | null;
        };
        /**
         * PointcloudSequenceSampleAttributes
         * @description Sample attributes of a point cloud sequence (pointcloud-*-sequence task types).
         * @example {
         *       "frames": [
         *         {
         *           "pcd": {
         *             "url": "https://example-bucket.s3.amazonaws.com/lidar/000001.pcd",
         *             "type": "pcd"
         *           },
         *           "name": "frame_000001",
         *           "timestamp": 1700000000000000000
         *         }
         *       ]
         *     }
         */
        PointcloudSequenceSampleAttributes: {
            frames: components["schemas"]["PointcloudSampleAttributes"][];
        };
        /**
         * PointcloudSequenceSegmentationAnnotation
         * @description A segmented object in one frame of a point cloud sequence (an `Annotation` with a track).
         */
        PointcloudSequenceSegmentationAnnotation: components["schemas"]["Annotation"] & components["schemas"]["SequenceAnnotationTrack"];
        /** PointcloudSequenceSegmentationFrame */
        PointcloudSequenceSegmentationFrame: {
            annotations: components["schemas"]["PointcloudSequenceSegmentationAnnotation"][];
            point_annotations: components["schemas"]["AnnotationId"][];
            timestamp?: components["schemas"]["Timestamp"] | null;
            format_version?: components["schemas"]["FormatVersion"] | null;
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * PointcloudSequenceSegmentationLabel
         * @description A label whose `label_type` is `pointcloud-segmentation-sequence`; its `attributes` are `PointcloudSequenceSegmentationLabelAttributes`.
         */
        PointcloudSequenceSegmentationLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "pointcloud-segmentation-sequence";
            attributes?: components["schemas"]["PointcloudSequenceSegmentationLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "pointcloud-segmentation-sequence";
        };
        /**
         * PointcloudSequenceSegmentationLabelAttributes
         * @description Label attributes of pointcloud-segmentation-sequence labels.
         * @example {
         *       "format_version": "0.2",
         *       "frames": [
         *         {
         *           "annotations": [
         *             {
         *               "id": 1,
         *               "category_id": 1,
         *               "track_id": 1,
         *               "is_keyframe": true
         *             }
         *           ],
         *           "point_annotations": [
         *             0,
         *             1,
         *             1,
         *             0
         *           ]
         *         }
         *       ]
         *     }
         */
        PointcloudSequenceSegmentationLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            frames: components["schemas"]["PointcloudSequenceSegmentationFrame"][];
        };
        /**
         * PointcloudSequenceVectorAnnotation
         * @description A vector shape in one frame of a point cloud sequence (a `PointcloudVectorAnnotation` with a track).
         */
        PointcloudSequenceVectorAnnotation: components["schemas"]["PointcloudVectorAnnotation"] & components["schemas"]["SequenceAnnotationTrack"] & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "polygon" | "polyline" | "point";
        };
        /** PointcloudSequenceVectorFrame */
        PointcloudSequenceVectorFrame: {
            annotations: components["schemas"]["PointcloudSequenceVectorLabelAnnotation"][];
            timestamp?: components["schemas"]["Timestamp"] | null;
            format_version?: components["schemas"]["FormatVersion"] | null;
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
            links?: components["schemas"]["Link"][] | null;
        };
        /**
         * PointcloudSequenceVectorLabel
         * @description A label whose `label_type` is `pointcloud-vector-sequence`; its `attributes` are `PointcloudSequenceVectorLabelAttributes`.
         */
        PointcloudSequenceVectorLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "pointcloud-vector-sequence";
            attributes?: components["schemas"]["PointcloudSequenceVectorLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "pointcloud-vector-sequence";
        };
        /**
         * PointcloudSequenceVectorLabelAnnotation
         * @description An object in one frame of a pointcloud-vector-sequence label, discriminated on `type`.
         */
        PointcloudSequenceVectorLabelAnnotation: components["schemas"]["PointcloudSequenceVectorAnnotation"] | components["schemas"]["PointcloudSequenceCuboidAnnotation"];
        /**
         * PointcloudSequenceVectorLabelAttributes
         * @description Label attributes of pointcloud-vector-sequence labels.
         * @example {
         *       "format_version": "0.2",
         *       "frames": [
         *         {
         *           "annotations": [
         *             {
         *               "id": 1,
         *               "category_id": 1,
         *               "track_id": 1,
         *               "is_keyframe": true,
         *               "type": "polyline",
         *               "points": [
         *                 [
         *                   0,
         *                   0,
         *                   0
         *                 ],
         *                 [
         *                   3,
         *                   1,
         *                   0
         *                 ]
         *               ]
         *             }
         *           ]
         *         }
         *       ]
         *     }
         */
        PointcloudSequenceVectorLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            frames: components["schemas"]["PointcloudSequenceVectorFrame"][];
            links?: components["schemas"]["Link"][] | null;
        };
        /**
         * PointcloudVectorAnnotation
         * @description A polygon, polyline or point in a point cloud: 3-D points `[x, y, z]`, or 2-D points `[x, y]` as production
         *     accepts them (the Python SDK's fixtures send a 2-D polygon in a pointcloud-sequence-vector label, and its model
         *     types points as `List[List[float]]`).
         * @example {
         *       "id": 3,
         *       "category_id": 2,
         *       "type": "polyline",
         *       "points": [
         *         [
         *           0,
         *           0,
         *           0
         *         ],
         *         [
         *           5.5,
         *           0.2,
         *           0.1
         *         ]
         *       ]
         *     }
         */
        PointcloudVectorAnnotation: {
            id: components["schemas"]["AnnotationId"];
            category_id: components["schemas"]["CategoryId"];
            points: (components["schemas"]["Point3D"] | components["schemas"]["Point2D"])[];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "polygon" | "polyline" | "point";
            attributes?: components["schemas"]["ObjectAttributes"] | null;
        };
        /**
         * PointcloudVectorLabel
         * @description A label whose `label_type` is `pointcloud-vector`; its `attributes` are `PointcloudVectorLabelAttributes`.
         */
        PointcloudVectorLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "pointcloud-vector";
            attributes?: components["schemas"]["PointcloudVectorLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "pointcloud-vector";
        };
        /**
         * PointcloudVectorLabelAnnotation
         * @description An object of a pointcloud-vector label, discriminated on `type` (vector shapes or cuboids).
         */
        PointcloudVectorLabelAnnotation: components["schemas"]["PointcloudVectorAnnotation"] | components["schemas"]["PointcloudCuboidAnnotation"];
        /**
         * PointcloudVectorLabelAttributes
         * @description Label attributes of pointcloud-vector labels (vector shapes, and cuboids).
         * @example {
         *       "format_version": "0.2",
         *       "annotations": [
         *         {
         *           "id": 1,
         *           "category_id": 1,
         *           "type": "polygon",
         *           "points": [
         *             [
         *               0,
         *               0,
         *               0
         *             ],
         *             [
         *               4,
         *               0,
         *               0
         *             ],
         *             [
         *               4,
         *               3,
         *               0
         *             ]
         *           ]
         *         },
         *         {
         *           "id": 2,
         *           "category_id": 2,
         *           "type": "cuboid",
         *           "position": {
         *             "x": 1,
         *             "y": 2,
         *             "z": 0.5
         *           },
         *           "dimensions": {
         *             "x": 1,
         *             "y": 1,
         *             "z": 1
         *           },
         *           "yaw": 0
         *         }
         *       ]
         *     }
         */
        PointcloudVectorLabelAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            annotations: components["schemas"]["PointcloudVectorLabelAnnotation"][];
            image_attributes?: components["schemas"]["ObjectAttributes"] | null;
            links?: components["schemas"]["Link"][] | null;
        };
        /**
         * PresignedPostFields
         * @description Where and how to upload the file: a `multipart/form-data` POST to `url` with `fields` as form fields followed by
         *     the file part named `file`. Do not send the Authorization header to S3.
         */
        PresignedPostFields: {
            /** Format: uri */
            url: string;
            fields: components["schemas"]["AWSFields"];
        };
        /**
         * RGBColor
         * @description An RGB or RGBA colour, each channel 0-255.
         * @example [
         *       255,
         *       0,
         *       0
         *     ]
         */
        RGBColor: number[];
        /**
         * Release
         * @description A dataset release (an export snapshot). `attributes.url` points to the release file (`ReleaseFile`); it is
         *     missing or null while the release is `PENDING` (and when it `FAILED`).
         */
        Release: {
            /** Format: uuid */
            uuid: string;
            name: string;
            description: string;
            /** @enum {string} */
            release_type: "JSON";
            attributes: components["schemas"]["URL"];
            status: components["schemas"]["ReleaseStatus"];
            /** Format: date-time */
            created_at: string;
            samples_count: number;
        };
        /**
         * ReleaseCreate
         * @example {
         *       "name": "v0.1",
         *       "description": "My first release."
         *     }
         */
        ReleaseCreate: {
            name: string;
            description?: string;
        };
        /**
         * ReleaseFile
         * @description The JSON document at `Release.attributes.url` (downloaded from S3, not from the API). Sample `attributes` and label
         *     `attributes` follow the dataset's task type (`x-segments-task-types`). `created_at` uses a space separator, e.g.
         *     `2020-07-09 10:20:19.888887+00:00`.
         * @example {
         *       "name": "v0.1",
         *       "description": "My first release.",
         *       "created_at": "2020-07-09 10:20:19.888887+00:00",
         *       "dataset": {
         *         "name": "flowers",
         *         "owner": "jane",
         *         "task_type": "segmentation-bitmap",
         *         "task_attributes": {
         *           "format_version": "0.1",
         *           "categories": [
         *             {
         *               "id": 1,
         *               "name": "flower",
         *               "color": [
         *                 255,
         *                 0,
         *                 0
         *               ],
         *               "has_instances": true
         *             }
         *           ]
         *         },
         *         "labelsets": [
         *           {
         *             "name": "ground-truth",
         *             "description": ""
         *           }
         *         ],
         *         "samples": [
         *           {
         *             "uuid": "10130ecd-790e-463d-86ce-747f5c545c77",
         *             "name": "donuts.jpg",
         *             "attributes": {
         *               "image": {
         *                 "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/donuts.jpg"
         *               }
         *             },
         *             "metadata": {},
         *             "labels": {
         *               "ground-truth": {
         *                 "label_status": "LABELED",
         *                 "attributes": {
         *                   "format_version": "0.1",
         *                   "annotations": [
         *                     {
         *                       "id": 1,
         *                       "category_id": 1
         *                     }
         *                   ],
         *                   "segmentation_bitmap": {
         *                     "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/label.png"
         *                   }
         *                 },
         *                 "created_at": "2020-07-09 10:00:00.000000+00:00",
         *                 "created_by": "jane"
         *               }
         *             }
         *           },
         *           {
         *             "uuid": "5b8e4f2a-3c1d-4e6f-8a9b-0c1d2e3f4a5b",
         *             "name": "bagel.jpg",
         *             "attributes": {
         *               "image": {
         *                 "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/bagel.jpg"
         *               }
         *             },
         *             "metadata": {},
         *             "labels": {
         *               "ground-truth": null
         *             }
         *           }
         *         ]
         *       }
         *     }
         */
        ReleaseFile: {
            name: string;
            description?: string;
            created_at?: string;
            dataset: components["schemas"]["ReleaseFileDataset"];
        };
        /**
         * ReleaseFileDataset
         * @description The dataset snapshot in a release file. Very old release files had `tasks` instead of `labelsets`; they are not
         *     supported (create a new release).
         */
        ReleaseFileDataset: {
            name: string;
            owner: string;
            task_type: components["schemas"]["TaskType"];
            task_attributes?: components["schemas"]["TaskAttributes"] | null;
            labelsets: components["schemas"]["ReleaseFileLabelset"][];
            samples: components["schemas"]["ReleaseFileSample"][];
        };
        /**
         * ReleaseFileLabel
         * @description A label in a release file. Besides the fields below it carries basic info (creation time, creator, ...).
         */
        ReleaseFileLabel: {
            label_status: components["schemas"]["LabelStatus"];
            attributes?: components["schemas"]["LabelAttributes"] | null;
            created_at?: string;
            created_by?: string;
            reviewed_by?: string | null;
            score?: number | null;
        };
        /** ReleaseFileLabelset */
        ReleaseFileLabelset: {
            name: string;
            description?: string;
        };
        /** ReleaseFileSample */
        ReleaseFileSample: {
            uuid: string;
            name: string;
            attributes: components["schemas"]["SampleAttributes"];
            metadata?: components["schemas"]["Metadata"];
            /** @description Labels keyed by labelset name; null when the sample is unlabeled in that labelset. */
            labels: {
                [key: string]: components["schemas"]["ReleaseFileLabel"] | null;
            };
        };
        /**
         * ReleaseStatus
         * @description Releases are created asynchronously; poll the release until the status is no longer `PENDING`.
         * @enum {string}
         */
        ReleaseStatus: "PENDING" | "SUCCEEDED" | "FAILED";
        /**
         * Role
         * @description Collaborator role on a dataset (the web app's read-only `viewer` role is not accepted by the API).
         * @example labeler
         * @enum {string}
         */
        Role: "labeler" | "reviewer" | "manager" | "admin";
        /**
         * Sample
         * @description A sample (data item) of a dataset. `label` is only present when a labelset was requested (listSamples/getSample
         *     `labelset=`): a `LabelSummary`, or a full `Label` with `include_full_label=1` (null when the sample has no label).
         *     `attributes` may be missing or null (the Python SDK's `Sample.attributes` is Optional); `metadata` is always an
         *     object (`{}` when none was given). Legacy fields `data_type` and `dataset` may still be returned.
         */
        Sample: {
            /** Format: uuid */
            uuid: string;
            name: string;
            attributes?: components["schemas"]["SampleAttributes"] | null;
            metadata: components["schemas"]["Metadata"];
            /** Format: date-time */
            created_at: string;
            created_by: string;
            priority: number;
            /** @default  */
            readme?: string;
            assigned_labeler?: string | null;
            assigned_reviewer?: string | null;
            label?: components["schemas"]["Label"] | components["schemas"]["LabelSummary"] | null;
            issues?: components["schemas"]["Issue"][] | null;
            /** @description `owner/name` of the dataset (returned by getSample). */
            dataset_full_name?: string | null;
        };
        /**
         * SampleAttributes
         * @description Sample attributes of any data type. The branches overlap (e.g. `{"frames": []}` is both an image sequence and a
         *     point cloud sequence), hence `anyOf`: which branch applies is decided by the dataset's task type, see the root
         *     `x-segments-task-types` extension.
         */
        SampleAttributes: components["schemas"]["ImageSampleAttributes"] | components["schemas"]["ImageSequenceSampleAttributes"] | components["schemas"]["PointcloudSampleAttributes"] | components["schemas"]["PointcloudSequenceSampleAttributes"] | components["schemas"]["MultiSensorSampleAttributes"];
        /**
         * SampleCreate
         * @description Body of createSample (and one element of createSamples). `attributes` must match the dataset's data type (see
         *     `x-segments-task-types`). The SDK always sends `priority` (default 0) and `readme` (default "").
         * @example {
         *       "name": "donuts.jpg",
         *       "attributes": {
         *         "image": {
         *           "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/donuts.jpg"
         *         }
         *       },
         *       "metadata": {
         *         "city": "London",
         *         "weather": "cloudy",
         *         "robot_id": 3
         *       },
         *       "priority": 10,
         *       "readme": ""
         *     }
         */
        SampleCreate: {
            name: string;
            attributes: components["schemas"]["SampleAttributes"];
            metadata?: components["schemas"]["Metadata"];
            /** @default 0 */
            priority?: number;
            assigned_labeler?: string | null;
            assigned_reviewer?: string | null;
            /** @default  */
            readme?: string;
        };
        /**
         * SampleUpdate
         * @description Body of updateSample; only the keys to change. `metadata` replaces the whole metadata object. `assigned_labeler`
         *     / `assigned_reviewer` set to null unassign the user.
         * @example {
         *       "priority": 5,
         *       "assigned_labeler": null
         *     }
         */
        SampleUpdate: {
            name?: string;
            attributes?: components["schemas"]["SampleAttributes"];
            metadata?: components["schemas"]["Metadata"];
            priority?: number;
            assigned_labeler?: string | null;
            assigned_reviewer?: string | null;
            readme?: string;
        };
        /**
         * SegmentationBitmapLabel
         * @description A label whose `label_type` is `segmentation-bitmap`, `segmentation-bitmap-highres`; its `attributes` are `ImageSegmentationLabelAttributes`.
         */
        SegmentationBitmapLabel: components["schemas"]["LabelBase"] & {
            /** @enum {string} */
            label_type: "segmentation-bitmap" | "segmentation-bitmap-highres";
            attributes?: components["schemas"]["ImageSegmentationLabelAttributes"] | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            label_type: "segmentation-bitmap" | "segmentation-bitmap-highres";
        };
        /**
         * SelectTaskAttribute
         * @description A dropdown (`select`) or multi-select (`multiselect`) attribute.
         * @example {
         *       "name": "color",
         *       "input_type": "select",
         *       "values": [
         *         "red",
         *         "green",
         *         "blue"
         *       ],
         *       "default_value": "red"
         *     }
         */
        SelectTaskAttribute: components["schemas"]["TaskAttributeBase"] & {
            /** @enum {string} */
            input_type: "select" | "multiselect";
            values: string[];
            default_value?: string | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            input_type: "select" | "multiselect";
        };
        /**
         * SequenceAnnotationTrack
         * @description Track fields shared by every annotation in a sequence label.
         */
        SequenceAnnotationTrack: {
            track_id: components["schemas"]["TrackId"];
            /** @default false */
            is_keyframe?: boolean;
        };
        /**
         * Subscription
         * @enum {string}
         */
        Subscription: "FREE" | "STANDARD" | "ENTERPRISE" | "ACADEMIC" | "TRIAL";
        /**
         * TaskAttribute
         * @description An object or image attribute definition, discriminated on `input_type`.
         */
        TaskAttribute: components["schemas"]["SelectTaskAttribute"] | components["schemas"]["TextTaskAttribute"] | components["schemas"]["NumberTaskAttribute"] | components["schemas"]["CheckboxTaskAttribute"] | components["schemas"]["GeometryTaskAttribute"];
        /**
         * TaskAttributeBase
         * @description Fields shared by every `TaskAttribute` variant.
         */
        TaskAttributeBase: {
            name: string;
            input_type: components["schemas"]["InputType"];
            is_mandatory?: boolean | null;
            is_track_level?: boolean | null;
            synced_across_sensors?: boolean | null;
            sensor_filter?: string | null;
        };
        /**
         * TaskAttributeCategory
         * @description A label category. Besides the fields below the API keeps extra keys (e.g. `lock_dimensions`, `lock_rotation`,
         *     `lock_position`, custom keys), as the Python SDK's model does (`extra="allow"`).
         * @example {
         *       "id": 1,
         *       "name": "car",
         *       "color": [
         *         0,
         *         113,
         *         188
         *       ],
         *       "has_instances": true,
         *       "attributes": [
         *         {
         *           "name": "occluded",
         *           "input_type": "checkbox",
         *           "default_value": false
         *         }
         *       ]
         *     }
         */
        TaskAttributeCategory: {
            id: components["schemas"]["CategoryId"];
            name: string;
            color?: components["schemas"]["RGBColor"] | null;
            has_instances?: boolean | null;
            attributes?: components["schemas"]["TaskAttribute"][] | null;
            dimensions?: components["schemas"]["PartialXYZ"] | null;
            link_attributes?: components["schemas"]["TaskLinkAttribute"][] | null;
            /** @description Allowlist of category ids this category's objects may link to; `[]` means "link to nothing". */
            link_category_restrictions?: components["schemas"]["CategoryId"][] | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * TaskAttributes
         * @description Label-editor configuration of a dataset: categories, image attributes and warning rules. Extra keys (e.g.
         *     `circle_radius`) are kept, as the Python SDK's model does (`extra="allow"`).
         * @example {
         *       "format_version": "0.1",
         *       "categories": [
         *         {
         *           "id": 1,
         *           "name": "car",
         *           "color": [
         *             0,
         *             113,
         *             188
         *           ],
         *           "has_instances": true,
         *           "dimensions": {
         *             "x": 4.5,
         *             "y": 1.9,
         *             "z": 1.6
         *           },
         *           "attributes": [
         *             {
         *               "name": "color",
         *               "input_type": "select",
         *               "values": [
         *                 "red",
         *                 "green"
         *               ],
         *               "default_value": "red"
         *             },
         *             {
         *               "name": "license_plate",
         *               "input_type": "text"
         *             },
         *             {
         *               "name": "speed",
         *               "input_type": "number",
         *               "min": 0,
         *               "max": 200,
         *               "step": 1
         *             },
         *             {
         *               "name": "parked",
         *               "input_type": "checkbox",
         *               "default_value": false
         *             }
         *           ],
         *           "link_attributes": [
         *             {
         *               "name": "relation",
         *               "input_type": "select",
         *               "values": [
         *                 "towing",
         *                 "following"
         *               ]
         *             }
         *           ],
         *           "link_category_restrictions": [
         *             2
         *           ]
         *         },
         *         {
         *           "id": 2,
         *           "name": "trailer"
         *         }
         *       ],
         *       "image_attributes": [
         *         {
         *           "name": "weather",
         *           "input_type": "select",
         *           "values": [
         *             "sunny",
         *             "rainy"
         *           ]
         *         }
         *       ],
         *       "warning_rules": [
         *         {
         *           "name": "intersecting-cuboids",
         *           "excluded_categories": [
         *             2
         *           ]
         *         },
         *         {
         *           "name": "cuboid-dimension-limits",
         *           "categories": [
         *             1
         *           ],
         *           "min": {
         *             "x": 2
         *           },
         *           "max": {
         *             "x": 7,
         *             "z": 3
         *           }
         *         }
         *       ]
         *     }
         */
        TaskAttributes: {
            format_version?: components["schemas"]["FormatVersion"] | null;
            categories?: components["schemas"]["TaskAttributeCategory"][] | null;
            image_attributes?: components["schemas"]["TaskAttribute"][] | null;
            warning_rules?: components["schemas"]["WarningRule"][] | null;
        } & {
            [key: string]: unknown;
        };
        /**
         * TaskLinkAttribute
         * @description An attribute of object links, discriminated on `input_type` (select, multiselect, text, number, checkbox).
         *     Link attributes are always track-level (`is_track_level` is `true` or omitted).
         */
        TaskLinkAttribute: components["schemas"]["SelectTaskAttribute"] | components["schemas"]["TextTaskAttribute"] | components["schemas"]["NumberTaskAttribute"] | components["schemas"]["CheckboxTaskAttribute"];
        /**
         * TaskType
         * @description Task (label) type of a dataset. The SDK's enum also has an empty-string member (`EMPTY = ""`) that some legacy
         *     datasets report; it is deliberately NOT part of this enum (it can never be sent, and a label never has it).
         *     `Dataset.task_type` accepts it separately (see `Dataset`).
         * @example segmentation-bitmap
         * @enum {string}
         */
        TaskType: "segmentation-bitmap" | "segmentation-bitmap-highres" | "image-segmentation-sequence" | "bboxes" | "vector" | "image-vector-sequence" | "keypoints" | "pointcloud-cuboid" | "pointcloud-cuboid-sequence" | "pointcloud-segmentation" | "pointcloud-segmentation-sequence" | "pointcloud-vector" | "pointcloud-vector-sequence" | "multisensor-sequence";
        /**
         * TextTaskAttribute
         * @description A free-text attribute.
         */
        TextTaskAttribute: components["schemas"]["TaskAttributeBase"] & {
            /** @enum {string} */
            input_type: "text";
            default_value?: string | null;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            input_type: "text";
        };
        /**
         * Timestamp
         * @description Timestamp of a frame, as a number (e.g. nanoseconds or seconds) or a string.
         * @example 1700000000000000000
         */
        Timestamp: string | number;
        /**
         * TrackId
         * @description Id of the track (object across frames) an annotation belongs to.
         * @example 1
         */
        TrackId: number;
        /**
         * URL
         * @description Reference to a file. `signed_url` is only present when signed URLs were requested
         *     (`include_signed_urls=1` on getSample). `url` may be missing or null: a release that is still `PENDING` has no
         *     file yet (the Python SDK's `URL` model keeps `url` Optional for that reason). It may also be empty: the Python
         *     SDK's own test fixtures create image-sequence samples with a frame whose image is `{"url": ""}`, and its `URL`
         *     model puts no constraint on the string.
         * @example {
         *       "url": "https://segmentsai-prod.s3.eu-west-2.amazonaws.com/assets/jane/f3c4e7d2-6b0a-4c1e-9d55-0a8b7c6d5e4f.png"
         *     }
         */
        URL: {
            url?: string | null;
            signed_url?: string | null;
        };
        /**
         * User
         * @description A user or an organization (`is_organization`).
         */
        User: {
            username: string;
            /** Format: date-time */
            created_at: string;
            is_organization: boolean;
            email?: string | null;
            webhooks_enabled?: boolean | null;
            private_upload_count?: number | null;
            public_upload_count?: number | null;
            subscription?: components["schemas"]["Subscription"] | null;
            is_trial_expired?: boolean | null;
            organizations?: components["schemas"]["User"][] | null;
            organization_created_by?: string | null;
            organization_role?: components["schemas"]["Role"] | null;
            members?: components["schemas"]["User"][] | null;
            insights_urls?: {
                [key: string]: string;
            } | null;
        };
        /**
         * Velocity
         * @description Velocity of a cuboid; `relative` (to the ego vehicle) may be null, but the key is required.
         * @example {
         *       "relative": 0.4,
         *       "absolute": 12.3
         *     }
         */
        Velocity: {
            relative: number | null;
            absolute: number;
        };
        /**
         * WarningRule
         * @description A label-editor warning rule, discriminated on `name`.
         */
        WarningRule: components["schemas"]["IntersectingCuboidsRule"] | components["schemas"]["CuboidDimensionLimitsRule"];
        /**
         * Workunit
         * @description A unit of labeling/reviewing work on a sample (time tracking).
         */
        Workunit: {
            /** Format: uuid */
            uuid?: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** @description Kind of work, e.g. `labeling` or `reviewing`. */
            work_type: string;
            /** @description Active time in seconds. */
            time: number;
            /** @description Inactive time in seconds. */
            inactive_time: number;
            /** Format: uuid */
            sample_uuid: string;
            sample_name: string;
            next_label_status?: string | null;
            label_rating?: number | null;
            /** @description Only present with `include_session_time_metrics=true`. */
            session_time_metrics?: {
                [key: string]: unknown;
            } | null;
        };
        /**
         * XYZ
         * @description A 3D vector.
         * @example {
         *       "x": 1.5,
         *       "y": -2.25,
         *       "z": 0.8
         *     }
         */
        XYZ: {
            x: number;
            y: number;
            z: number;
        };
        /**
         * XYZW
         * @description A rotation quaternion.
         * @example {
         *       "qx": 0,
         *       "qy": 0,
         *       "qz": 0.3826834,
         *       "qw": 0.9238795
         *     }
         */
        XYZW: {
            qx: number;
            qy: number;
            qz: number;
            qw: number;
        };
    };
    responses: {
        /** @description The request is invalid (bad query parameter, more than 1,000 query parameters on any operation, malformed or invalid body). Field errors are listed under the field name. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A resource with this name already exists. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The authenticated user lacks the permission (dataset role) for this action. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The resource does not exist or is not visible to the authenticated user (private datasets of others answer 404, not 403). A page past the end of a paginated list answers `Invalid page.`. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The request body is larger than the server accepts (after gzip decompression when `Content-Encoding: gzip`).
         *     Split the request, e.g. add samples in smaller bulk batches.
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Unexpected server or gateway error (e.g. 502/504 on very large pages: decrease `per_page`). */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Throttled. Retry after the number of seconds in `Retry-After`. (The Python SDK raises APILimitError only at
         *     client construction; later 429s surface as a generic NetworkError, and only GET/PUT/DELETE are retried.)
         */
        TooManyRequests: {
            headers: {
                /**
                 * @description Seconds to wait before retrying.
                 * @example 3
                 */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No or an invalid API key (header `Authorization: APIKey <key>`). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description A newer SDK version is available (the Python SDK only warns and keeps working). */
        UpgradeRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Dataset name, the part after `/` of `owner/dataset`.
         * @example flowers
         */
        DatasetPath: string;
        /**
         * @description UUID of the issue.
         * @example 6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f
         */
        IssueUuidPath: string;
        /**
         * @description Labelset name (`ground-truth` is the default labelset).
         * @example ground-truth
         */
        LabelsetPath: string;
        /**
         * @description Organization name.
         * @example acme
         */
        OrganizationPath: string;
        /**
         * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
         * @example jane
         */
        OwnerPath: string;
        /**
         * @description 1-based page number. A page past the end answers 404 `{"detail": "Invalid page."}`.
         * @example 2
         */
        Page: number;
        /**
         * @description Page size. Lists are plain JSON arrays; keep requesting pages until one is shorter than `per_page`.
         * @example 50
         */
        PerPage: number;
        /**
         * @description Release name.
         * @example v0.1
         */
        ReleasePath: string;
        /**
         * @description UUID of the sample.
         * @example 10130ecd-790e-463d-86ce-747f5c545c77
         */
        SampleUuidPath: string;
        /**
         * @description Username of a user or organization.
         * @example jane
         */
        UserPath: string;
        /**
         * @description Username of the collaborator.
         * @example john
         */
        UsernamePath: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getApiStatus: {
        parameters: {
            query?: {
                /**
                 * @description Version of the calling SDK.
                 * @example 1.30.0
                 */
                lib_version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API is up and the key is valid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            426: components["responses"]["UpgradeRequired"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getAuthenticatedUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authenticated user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of a user or organization.
                 * @example jane
                 */
                user: components["parameters"]["UserPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listAuthenticatedUserDatasets: {
        parameters: {
            query?: {
                /**
                 * @description Page size. Lists are plain JSON arrays; keep requesting pages until one is shorter than `per_page`.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description 1-based page number. A page past the end answers 404 `{"detail": "Invalid page."}`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of datasets, as a plain JSON array (no pagination envelope). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createDataset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatasetCreate"];
            };
        };
        responses: {
            /** @description The created dataset. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listUserDatasets: {
        parameters: {
            query?: {
                /**
                 * @description Page size. Lists are plain JSON arrays; keep requesting pages until one is shorter than `per_page`.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description 1-based page number. A page past the end answers 404 `{"detail": "Invalid page."}`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
            };
            header?: never;
            path: {
                /**
                 * @description Username of a user or organization.
                 * @example jane
                 */
                user: components["parameters"]["UserPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of datasets, as a plain JSON array (no pagination envelope). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createOrganizationDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Organization name.
                 * @example acme
                 */
                organization: components["parameters"]["OrganizationPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatasetCreate"];
            };
        };
        responses: {
            /** @description The created dataset. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dataset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dataset was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DatasetUpdate"];
            };
        };
        responses: {
            /** @description The updated dataset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    cloneDataset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloneDatasetRequest"];
            };
        };
        responses: {
            /** @description The new dataset. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dataset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    addDatasetCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollaboratorCreate"];
            };
        };
        responses: {
            /** @description The new collaborator. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collaborator"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getDatasetCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Username of the collaborator.
                 * @example john
                 */
                username: components["parameters"]["UsernamePath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collaborator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collaborator"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteDatasetCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Username of the collaborator.
                 * @example john
                 */
                username: components["parameters"]["UsernamePath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collaborator was removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateDatasetCollaborator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Username of the collaborator.
                 * @example john
                 */
                username: components["parameters"]["UsernamePath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollaboratorUpdate"];
            };
        };
        responses: {
            /** @description The updated collaborator. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collaborator"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listSamples: {
        parameters: {
            query?: {
                /**
                 * @description Page size. Lists are plain JSON arrays; keep requesting pages until one is shorter than `per_page`.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description 1-based page number. A page past the end answers 404 `{"detail": "Invalid page."}`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Attach the label of this labelset to each sample.
                 * @example ground-truth
                 */
                labelset?: string;
                /**
                 * @description With `labelset`, attach the full `Label` instead of a `LabelSummary`. The SDK sends `1`.
                 * @example 1
                 */
                include_full_label?: 0 | 1;
                /**
                 * @description Only samples whose name contains this substring.
                 * @example donut
                 */
                name__contains?: string;
                /**
                 * @description Metadata filters `key:value`, comma-joined (`filters=weather:cloudy,city:London`).
                 * @example [
                 *       "weather:cloudy",
                 *       "city:London"
                 *     ]
                 */
                filters?: string[];
                /**
                 * @description Only samples whose label (in `labelset`, default ground-truth) has one of these statuses, comma-joined.
                 * @example [
                 *       "LABELED",
                 *       "REVIEWED"
                 *     ]
                 */
                label_status?: components["schemas"]["LabelStatus"][];
                /**
                 * @description Sort key; a leading `-` sorts descending. Default `name`. Like production (Django REST Framework's ordering filter), an unknown key is ignored and the default order applies: older Python SDKs send `created` (fixed in 2025 as a typo) and `updated_at` (removed in 2026 as having no effect), and both are accepted.
                 * @example -priority
                 */
                sort?: "name" | "-name" | "created_at" | "-created_at" | "priority" | "-priority" | "gt_label__updated_at" | "-gt_label__updated_at";
            };
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of samples. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sample"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createSample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SampleCreate"];
            };
        };
        responses: {
            /** @description The created sample. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sample"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createSamples: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SampleCreate"][];
            };
        };
        responses: {
            /** @description The samples, in request order (existing ones unchanged). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sample"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteSamples: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteSamplesRequest"];
            };
        };
        responses: {
            /** @description How many samples were deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteSamplesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getSample: {
        parameters: {
            query?: {
                /**
                 * @description Attach the label of this labelset.
                 * @example ground-truth
                 */
                labelset?: string;
                /**
                 * @description Add signed URLs to file references. The SDK sends `1`.
                 * @example 1
                 */
                include_signed_urls?: 0 | 1;
            };
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sample. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sample"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteSample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sample was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateSample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SampleUpdate"];
            };
        };
        responses: {
            /** @description The updated sample. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sample"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The label. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    putLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelPut"];
            };
        };
        responses: {
            /** @description The existing label was replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            /** @description The label was created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The label was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelUpdate"];
            };
        };
        responses: {
            /** @description The updated label. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Label"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listLabelsets: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The labelsets. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Labelset"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createLabelset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelsetCreate"];
            };
        };
        responses: {
            /** @description The created labelset. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Labelset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getLabelset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The labelset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Labelset"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteLabelset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Labelset name (`ground-truth` is the default labelset).
                 * @example ground-truth
                 */
                labelset: components["parameters"]["LabelsetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The labelset was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listIssues: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issues. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Issue"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the sample.
                 * @example 10130ecd-790e-463d-86ce-747f5c545c77
                 */
                sample_uuid: components["parameters"]["SampleUuidPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueCreate"];
            };
        };
        responses: {
            /** @description The created issue. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Issue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the issue.
                 * @example 6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f
                 */
                issue_uuid: components["parameters"]["IssueUuidPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The issue was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    updateIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description UUID of the issue.
                 * @example 6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f
                 */
                issue_uuid: components["parameters"]["IssueUuidPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueUpdate"];
            };
        };
        responses: {
            /** @description The updated issue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Issue"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listReleases: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The releases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseCreate"];
            };
        };
        responses: {
            /** @description The release, usually still `PENDING`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Release name.
                 * @example v0.1
                 */
                release: components["parameters"]["ReleasePath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Release"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    deleteRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
                /**
                 * @description Release name.
                 * @example v0.1
                 */
                release: components["parameters"]["ReleasePath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    listWorkunits: {
        parameters: {
            query?: {
                /**
                 * @description Page size. Lists are plain JSON arrays; keep requesting pages until one is shorter than `per_page`.
                 * @example 50
                 */
                per_page?: components["parameters"]["PerPage"];
                /**
                 * @description 1-based page number. A page past the end answers 404 `{"detail": "Invalid page."}`.
                 * @example 2
                 */
                page?: components["parameters"]["Page"];
                /**
                 * @description Sort by creation time; a leading `-` sorts descending (the Python SDK sends `-created_at` by default). An unknown key is ignored and the default order (`-created_at`) applies, as with every ordering filter of the API.
                 * @example -created_at
                 */
                sort?: "created_at" | "-created_at";
                /**
                 * @description Only workunits created at or after this time.
                 * @example 2024-05-01T00:00:00Z
                 */
                start?: string;
                /**
                 * @description Only workunits created before this time.
                 * @example 2024-06-01T00:00:00Z
                 */
                end?: string;
                /**
                 * @description Add `session_time_metrics` to each workunit. The SDK sends `true`.
                 * @example true
                 */
                include_session_time_metrics?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description Username of the dataset owner (user or organization), the part before `/` of `owner/dataset`.
                 * @example jane
                 */
                owner: components["parameters"]["OwnerPath"];
                /**
                 * @description Dataset name, the part after `/` of `owner/dataset`.
                 * @example flowers
                 */
                dataset: components["parameters"]["DatasetPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of workunits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workunit"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    createAsset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssetCreate"];
            };
        };
        responses: {
            /** @description The asset and where to upload its content. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["File"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
