// Which SegmentsClient method and which `segments` commands make each spec operation. This adapter is the one place
// that knows where that comes from; the API reference generator (src/api-spec.ts) reads only its functions. Nothing
// here is written per operation:
// - SDK: the SDK's own operationId -> methods table (`OPERATION_METHODS`, with `UNMAPPED_OPERATIONS` saying why an
//   operation has no method). An SDK from before that table is read from its source instead (src/sdk-operations.ts).
// - CLI: the operations each command of the CLI guide made when the build ran it against the emulator, through a
//   recording proxy (src/cli-session.ts); the command names come from the CLI's `commandReference()`.
import { commandReference } from "@segments-ts/cli";
import * as sdk from "@segments-ts/sdk";
import type { CliSessionResults } from "./cli-session-markdown.ts";
import { sdkMethodOperations, sdkMethodsByOperation } from "./sdk-operations.ts";

/** A `segments` command line that makes an operation, as the CLI guide ran it. */
export interface CliExample {
  command: string;
  /** What else the command does, when the operation is not its whole job. */
  note?: string;
}

/** How many commands the API reference shows per operation (the most direct ones). */
export const MAX_CLI_EXAMPLES = 3;

/** The SDK's tables, typed loosely: an SDK from before them exports neither. */
const sdkTables = sdk as unknown as {
  OPERATION_METHODS?: Readonly<Record<string, readonly string[]>>;
  UNMAPPED_OPERATIONS?: Readonly<Record<string, string>>;
};

let sdkTable: ReadonlyMap<string, readonly string[]> | undefined;

/** operationId -> the SegmentsClient methods that make it, the most direct first. */
export function sdkMethodsByOperationId(): ReadonlyMap<string, readonly string[]> {
  sdkTable ??= sdkTables.OPERATION_METHODS
    ? new Map(Object.entries(sdkTables.OPERATION_METHODS))
    : sdkMethodsByOperation(sdkMethodOperations());
  return sdkTable;
}

/** Why SegmentsClient has no method for `operationId`, when the SDK says. */
export function sdkUnmappedReason(operationId: string): string | undefined {
  return sdkTables.UNMAPPED_OPERATIONS?.[operationId];
}

/** The SegmentsClient method that makes `operationId` most directly, or undefined when the facade has none. */
export function sdkMethodFor(operationId: string): string | undefined {
  return sdkMethodsByOperationId().get(operationId)?.[0];
}

/** The command path of a command line: `segments datasets get jane/flowers` -> `datasets get`. */
function commandPath(line: string, names: readonly string[]): string | undefined {
  const words = line.split(/\s+/).slice(1);
  return names
    .filter((name) => words.slice(0, name.split(" ").length).join(" ") === name)
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * operationId -> the CLI guide's commands that made it, from a recorded session: at most one example per command
 * (its first successful run), the commands making the fewest operations first, at most {@link MAX_CLI_EXAMPLES}.
 * A command that also made other operations says which in its note.
 */
export function cliExamplesByOperation(session: CliSessionResults): Map<string, CliExample[]> {
  const names = cliCommandNames();
  const candidates = new Map<string, { path: string; command: string; operations: string[] }[]>();
  for (const result of session.flat()) {
    if (result.exitCode !== 0 || result.operations.length === 0) continue;
    const path = commandPath(result.shown, names);
    if (!path) throw new Error(`the CLI guide ran \`${result.shown}\`, which is no command of the CLI`);
    for (const operationId of result.operations) {
      const list = candidates.get(operationId) ?? [];
      if (!list.some((candidate) => candidate.path === path))
        list.push({ path, command: result.shown, operations: result.operations });
      candidates.set(operationId, list);
    }
  }
  const examples = new Map<string, CliExample[]>();
  for (const [operationId, list] of candidates) {
    const chosen = [...list]
      .sort((a, b) => a.operations.length - b.operations.length)
      .slice(0, MAX_CLI_EXAMPLES)
      .map(({ command, operations }) => {
        const others = operations.filter((other) => other !== operationId);
        return others.length === 0 ? { command } : { command, note: `also makes ${others.join(", ")}` };
      });
    examples.set(operationId, chosen);
  }
  return examples;
}

/** Every `segments` command that does something itself, as typed after `segments` ("datasets list", "whoami", ...). */
export function cliCommandNames(): string[] {
  return commandReference()
    .filter((command) => command.path.length > 0 && command.subcommands.length === 0)
    .map((command) => command.path.join(" "));
}
