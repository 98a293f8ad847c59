// Which SegmentsClient method and which `segments` commands make each spec operation. This adapter is the one place
// that knows where those tables live: the API reference generator (src/api-spec.ts) reads only its functions.
//
// INTERIM: the SDK's operationId -> method table (packages/sdk) is being written; until it is on main the constant
// below stands in for it, and switching is one line. The CLI's command table is its `commandReference()`.
import { commandReference } from "@segments-ts/cli";

/** A `segments` command line that makes an operation, as a reader would type it. */
export interface CliExample {
  command: string;
  /** What the command does with the operation, when it is not the command's whole job. */
  note?: string;
}

const INTERIM_SDK_METHODS: Readonly<Record<string, string | undefined>> = {
  getApiStatus: undefined,
  getAuthenticatedUser: "getUser",
  getUser: "getUser",
  listAuthenticatedUserDatasets: "getDatasets",
  createDataset: "addDataset",
  listUserDatasets: "getDatasets",
  createOrganizationDataset: "addDataset",
  getDataset: "getDataset",
  updateDataset: "updateDataset",
  deleteDataset: "deleteDataset",
  cloneDataset: "cloneDataset",
  addDatasetCollaborator: "addDatasetCollaborator",
  getDatasetCollaborator: "getDatasetCollaborator",
  updateDatasetCollaborator: "updateDatasetCollaborator",
  deleteDatasetCollaborator: "deleteDatasetCollaborator",
  listSamples: "getSamples",
  createSample: "addSample",
  createSamples: "addSamples",
  deleteSamples: "deleteSamples",
  getSample: "getSample",
  updateSample: "updateSample",
  deleteSample: "deleteSample",
  getLabel: "getLabel",
  putLabel: "addLabel",
  updateLabel: "updateLabel",
  deleteLabel: "deleteLabel",
  listLabelsets: "getLabelsets",
  createLabelset: "addLabelset",
  getLabelset: "getLabelset",
  deleteLabelset: "deleteLabelset",
  listIssues: "getIssues",
  createIssue: "addIssue",
  updateIssue: "updateIssue",
  deleteIssue: "deleteIssue",
  listReleases: "getReleases",
  createRelease: "addRelease",
  getRelease: "getRelease",
  deleteRelease: "deleteRelease",
  listWorkunits: "getWorkunits",
  createAsset: "uploadAsset",
};

/**
 * The `segments` command lines shown for the operations they make. The CLI's own table (`commandReference()`: every
 * command with its arguments and options) does not say which API calls a command makes, so this one does, a row
 * per example command rather than per operation; a test checks each row's command against the CLI's table and each
 * operationId against the spec.
 */
const CLI_EXAMPLES: readonly (CliExample & { operations: readonly string[] })[] = [
  { command: "segments whoami", operations: ["getAuthenticatedUser"] },
  { command: "segments datasets list", operations: ["listAuthenticatedUserDatasets"] },
  { command: "segments datasets list --user jane", operations: ["listUserDatasets"] },
  {
    command: "segments datasets create flowers --task-type bboxes --categories rose,tulip",
    operations: ["createDataset"],
  },
  {
    command: "segments datasets create flowers --organization acme",
    operations: ["createOrganizationDataset"],
  },
  { command: "segments datasets get jane/flowers", operations: ["getDataset"] },
  { command: "segments datasets delete jane/flowers --yes", operations: ["deleteDataset"] },
  { command: "segments samples list jane/flowers", operations: ["listSamples"] },
  { command: "segments samples upload ./photos --dataset jane/flowers", operations: ["createSamples"] },
  {
    command: "segments samples upload ./photos --dataset jane/flowers",
    note: "one per image",
    operations: ["createAsset"],
  },
  {
    command: "segments samples upload ./photos --dataset jane/flowers --labels ./bitmaps",
    note: "one per label",
    operations: ["putLabel"],
  },
  { command: "segments releases list jane/flowers", operations: ["listReleases"] },
  { command: "segments releases create jane/flowers v1.0", operations: ["createRelease"] },
  { command: "segments releases wait jane/flowers v1.0", operations: ["getRelease"] },
  {
    command: "segments releases download jane/flowers v1.0 --out flowers-v1.json",
    operations: ["getRelease"],
  },
  {
    command: "segments labels render 602a3eec-a61c-4a77-9fcc-3037ce5d9d71 --output label.png",
    operations: ["getSample", "getLabel"],
  },
];

/** The SegmentsClient method that makes `operationId`, or undefined when the facade has none. */
export function sdkMethodFor(operationId: string): string | undefined {
  return INTERIM_SDK_METHODS[operationId];
}

/** Every operationId the SDK table knows (to report spec operations it does not). */
export function sdkTableOperationIds(): string[] {
  return Object.keys(INTERIM_SDK_METHODS);
}

/** The `segments` commands that make `operationId` (none for most operations). */
export function cliExamplesFor(operationId: string): CliExample[] {
  return CLI_EXAMPLES.filter((row) => row.operations.includes(operationId)).map(({ command, note }) =>
    note === undefined ? { command } : { command, note },
  );
}

/** The rows of the CLI example table, for the test that checks them against the CLI and the spec. */
export function cliExampleRows(): readonly (CliExample & { operations: readonly string[] })[] {
  return CLI_EXAMPLES;
}

/** Every `segments` command that does something itself, as typed after `segments` ("datasets list", "whoami", ...). */
export function cliCommandNames(): string[] {
  return commandReference()
    .filter((command) => command.path.length > 0 && command.subcommands.length === 0)
    .map((command) => command.path.join(" "));
}
