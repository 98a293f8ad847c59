/**
 * The command tree as data: every command of `segments` with its arguments, options, defaults and `--json` fields,
 * read from the program itself, so help, shell completion and the docs' CLI reference cannot disagree.
 */
import type { Command } from "commander";
import { jsonFieldsOf } from "./json-fields.js";

/** One command of the reference. */
export interface CommandReference {
  /** The words after `segments`, e.g. `["datasets", "list"]` (empty for the program itself). */
  path: string[];
  description: string;
  /** The usage line after the path, e.g. `[options] <dataset>`. */
  usage: string;
  arguments: Array<{ name: string; description: string; required: boolean }>;
  options: Array<{
    flags: string;
    /** Long and short names, e.g. `["--out", "-o"]`. */
    names: string[];
    description: string;
    /** The default as shown in help, when there is one. */
    default?: string;
    /** True when the option takes a value. */
    takesValue: boolean;
  }>;
  /** The fields `--json` can select, when the command has `--json`. */
  jsonFields?: readonly string[];
  /** The names of its subcommands. */
  subcommands: string[];
}

function describeCommand(command: Command, path: string[]): CommandReference {
  const fields = jsonFieldsOf(command);
  return {
    path,
    description: command.description(),
    usage: command.usage(),
    arguments: command.registeredArguments.map((argument) => ({
      name: argument.name(),
      description: argument.description,
      required: argument.required,
    })),
    options: command.options
      .filter((option) => !option.hidden)
      .map((option) => ({
        flags: option.flags,
        names: [option.long, option.short].filter((name): name is string => typeof name === "string"),
        description: option.description,
        ...(option.defaultValueDescription !== undefined || option.defaultValue !== undefined
          ? { default: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }
          : {}),
        takesValue: option.required || option.optional,
      })),
    ...(fields ? { jsonFields: fields } : {}),
    subcommands: command.commands.map((sub) => sub.name()),
  };
}

/**
 * Walks a program: the program first, then every command depth-first in the order they were added.
 *
 * @example
 * ```ts
 * for (const command of walkCommands(buildProgram(runtime))) console.log(command.path.join(" "));
 * ```
 */
export function walkCommands(program: Command, path: string[] = []): CommandReference[] {
  return [
    describeCommand(program, path),
    ...program.commands.flatMap((command) => walkCommands(command, [...path, command.name()])),
  ];
}
