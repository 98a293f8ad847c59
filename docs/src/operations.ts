// Which SegmentsClient method and which `segments` command call each spec operation. This adapter is the one place
// that knows where those tables live, so the API reference generator (src/api-spec.ts) reads only the two functions
// below.
//
// INTERIM: the SDK's operationId -> method table (packages/sdk) and the CLI's command table (packages/cli) are being
// written; until they are on main the two constants and the walk over the CLI's commander program below stand in
// for them, and switching is one line each.

import { buildProgram } from "@segments-ts/cli";

type Command = ReturnType<typeof buildProgram>;

/** A `segments` command line that calls an operation, as a reader would type it. */
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

const INTERIM_CLI_COMMANDS: Readonly<Record<string, readonly CliExample[]>> = {
  listAuthenticatedUserDatasets: [{ command: "segments datasets list" }],
  listUserDatasets: [{ command: "segments datasets list --user jane" }],
  createDataset: [{ command: "segments datasets create flowers --task-type bboxes --categories rose,tulip" }],
  createOrganizationDataset: [{ command: "segments datasets create flowers --organization acme" }],
  getDataset: [{ command: "segments datasets get jane/flowers" }],
  deleteDataset: [{ command: "segments datasets delete jane/flowers --yes" }],
  listSamples: [{ command: "segments samples list jane/flowers" }],
  createSamples: [{ command: "segments samples upload ./photos --dataset jane/flowers" }],
  createAsset: [
    { command: "segments samples upload ./photos --dataset jane/flowers", note: "one per image" },
  ],
  putLabel: [
    {
      command: "segments samples upload ./photos --dataset jane/flowers --labels ./bitmaps",
      note: "one per label",
    },
  ],
  listReleases: [{ command: "segments releases list jane/flowers" }],
  createRelease: [{ command: "segments releases create jane/flowers v1.0" }],
  getRelease: [
    { command: "segments releases wait jane/flowers v1.0" },
    { command: "segments releases download jane/flowers v1.0 --out flowers-v1.json" },
  ],
};

/** The SegmentsClient method that calls `operationId`, or undefined when the facade has none. */
export function sdkMethodFor(operationId: string): string | undefined {
  return INTERIM_SDK_METHODS[operationId];
}

/** Every operationId the SDK table knows (to report spec operations it does not). */
export function sdkTableOperationIds(): string[] {
  return Object.keys(INTERIM_SDK_METHODS);
}

/** The `segments` commands that call `operationId` (none for most operations). */
export function cliExamplesFor(operationId: string): readonly CliExample[] {
  return INTERIM_CLI_COMMANDS[operationId] ?? [];
}

function leafCommands(command: Command, prefix: string[]): string[] {
  if (command.commands.length === 0) return [prefix.join(" ")];
  return command.commands.flatMap((sub) => leafCommands(sub, [...prefix, sub.name()]));
}

/** Every `segments` command, as typed after `segments` ("datasets list", "export", ...). */
export function cliCommandNames(): string[] {
  const sink = { write: () => true };
  const program = buildProgram({
    io: { stdout: sink, stderr: sink, env: {} },
    signal: new AbortController().signal,
  });
  return program.commands.flatMap((command) => leafCommands(command, [command.name()]));
}
