/**
 * The command groups of `segments`, one file each. The program, its help, shell completion and the CLI reference
 * (`commandReference()`) all come from registering these: to add a group, add its file and a line here.
 */
import type { Command } from "commander";
import type { Runtime } from "../context.js";
import { registerCompletion } from "./completion.js";
import { registerConvert } from "./convert.js";
import { registerDatasets } from "./datasets.js";
import { registerEmulator } from "./emulator.js";
import { registerExport } from "./export.js";
import { registerLabels } from "./labels.js";
import { registerReleases } from "./releases.js";
import { registerSamples } from "./samples.js";
import { registerWhoami } from "./whoami.js";

/** One command group: its top-level name and the function that adds it (and its subcommands) to the program. */
export interface CommandGroup {
  name: string;
  register(program: Command, runtime: Runtime): void;
}

/** The command groups, in the order help lists them. */
export const COMMAND_GROUPS: readonly CommandGroup[] = [
  { name: "datasets", register: registerDatasets },
  { name: "samples", register: registerSamples },
  { name: "releases", register: registerReleases },
  { name: "export", register: registerExport },
  { name: "labels", register: registerLabels },
  { name: "convert", register: registerConvert },
  { name: "emulator", register: registerEmulator },
  { name: "whoami", register: registerWhoami },
  { name: "completion", register: registerCompletion },
];
