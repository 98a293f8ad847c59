/**
 * `segments completion bash|zsh|fish`: a completion script for the shell, generated from the command tree (see
 * reference.ts), so it always knows every command and option. Commands complete after `segments`, subcommands after
 * their group, and options after any command; positional words (dataset names, paths) fall back to file names.
 */
import type { Command } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { CliError } from "../errors.js";
import { ExitCode } from "../exit-codes.js";
import { type CommandReference, walkCommands } from "../reference.js";

const SHELLS = ["bash", "zsh", "fish"] as const;

/** What completes after a command path: its subcommands and options. */
function words(command: CommandReference): string[] {
  return [...command.subcommands, ...command.options.flatMap((option) => option.names), "--help"];
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * bash: the command path is the words that name a known command (options and their values, and positional
 * arguments, are skipped), and the candidates are that command's subcommands and options.
 */
export function bashCompletion(commands: readonly CommandReference[]): string {
  const cases = commands
    .map(
      (command) =>
        `    ${shellQuote(command.path.join(" "))}) echo ${shellQuote(words(command).join(" "))} ;;`,
    )
    .join("\n");
  return `# segments completion for bash. Load it with: source <(segments completion bash)
_segments_words() {
  case "$1" in
${cases}
    *) return 1 ;;
  esac
}
_segments() {
  local path="" word candidate i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    candidate="\${path:+$path }$word"
    if [[ "$word" != -* ]] && _segments_words "$candidate" >/dev/null; then path="$candidate"; fi
  done
  COMPREPLY=($(compgen -W "$(_segments_words "$path")" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _segments segments
`;
}

/** zsh runs the bash script through its bash-completion layer. */
export function zshCompletion(commands: readonly CommandReference[]): string {
  return `#compdef segments
# segments completion for zsh. Load it with: source <(segments completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(commands).split("\n").slice(1).join("\n")}`;
}

/** fish: one `complete` line per subcommand and option, conditioned on the command path typed so far. */
export function fishCompletion(commands: readonly CommandReference[]): string {
  const paths = commands.map((command) => shellQuote(command.path.join(" "))).join(" ");
  const lines: string[] = [];
  for (const command of commands) {
    const when = `-n ${shellQuote(`test (__segments_path) = ${shellQuote(command.path.join(" "))}`)}`;
    for (const name of command.subcommands) {
      const sub = commands.find((c) => c.path.join(" ") === [...command.path, name].join(" "));
      lines.push(
        `complete -c segments ${when} -f -a ${shellQuote(name)} -d ${shellQuote(sub?.description ?? "")}`,
      );
    }
    for (const option of command.options) {
      const names = option.names
        .map((name) => (name.startsWith("--") ? `-l ${name.slice(2)}` : `-s ${name.slice(1)}`))
        .join(" ");
      lines.push(
        `complete -c segments ${when} ${names}${option.takesValue ? " -r" : ""} -d ${shellQuote(option.description)}`,
      );
    }
  }
  return `# segments completion for fish. Load it with: segments completion fish | source
set -g __segments_paths ${paths}
function __segments_path
  set -l path
  for word in (commandline -opc)[2..-1]
    set -l candidate (string join ' ' $path $word)
    if not string match -q -- '-*' $word; and contains -- $candidate $__segments_paths
      set path $path $word
    end
  end
  string join ' ' $path
end
${lines.join("\n")}
`;
}

function completion(program: Command) {
  return async (ctx: Context, _opts: unknown, shell: string): Promise<void> => {
    if (!(SHELLS as readonly string[]).includes(shell))
      throw new CliError(`unknown shell "${shell}". Use one of ${SHELLS.join(", ")}.`, ExitCode.Usage);
    const commands = walkCommands(program);
    const script =
      shell === "bash"
        ? bashCompletion(commands)
        : shell === "zsh"
          ? zshCompletion(commands)
          : fishCompletion(commands);
    ctx.io.stdout.write(script);
  };
}

/** Adds `segments completion` to the program. */
export function registerCompletion(program: Command, runtime: Runtime): void {
  program
    .command("completion")
    .description("print a shell completion script")
    .argument("<shell>", `one of ${SHELLS.join(", ")}`)
    .addHelpText(
      "after",
      "\nLoad it in your shell's startup file:\n  bash: source <(segments completion bash)\n" +
        "  zsh:  source <(segments completion zsh)\n  fish: segments completion fish | source",
    )
    .action(action(runtime, completion(program)));
}
