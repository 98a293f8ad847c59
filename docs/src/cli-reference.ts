// `<!-- cli-reference -->` in a page becomes a section per `segments` command, generated from the CLI's own
// `commandReference()` (the data behind its --help and shell completion): usage, arguments, options with their
// defaults and the fields `--json` can select. The CLI guide ends with it, so no option is documented by hand.
import { type CommandReference, commandReference } from "@segments-ts/cli";
import type { MarkdownRenderer } from "vitepress";

const DIRECTIVE = /^<!-- cli-reference -->$/m;

/** Text for a Markdown table cell or paragraph: no table breaks, and no `<...>` Vue would take for a tag. */
function escapeText(text: string): string {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replaceAll("<", "&lt;")
    .replaceAll("{{", "{&#8203;{")
    .replaceAll("\n", " ");
}

/** Inline code that may hold backticks and pipes (option flags such as `--json [fields]`). */
function code(text: string): string {
  return `<code>${text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll("|", "&#124;")}</code>`;
}

function commandSection(command: CommandReference): string {
  const name = `segments ${command.path.join(" ")}`;
  const parts = [
    `### ${name}`,
    "",
    escapeText(command.description),
    "",
    "```sh",
    `${name} ${command.usage}`,
    "```",
  ];
  if (command.arguments.length > 0) {
    parts.push("", "| argument | |", "| --- | --- |");
    for (const argument of command.arguments)
      parts.push(
        `| ${code(argument.required ? `<${argument.name}>` : `[${argument.name}]`)} | ${escapeText(argument.description)} |`,
      );
  }
  if (command.options.length > 0) {
    parts.push("", "| option | | default |", "| --- | --- | --- |");
    for (const option of command.options)
      parts.push(
        `| ${code(option.flags)} | ${escapeText(option.description)} | ${option.default === undefined ? "" : code(option.default)} |`,
      );
  }
  if (command.jsonFields && command.jsonFields.length > 0)
    parts.push("", `\`--json\` fields: ${command.jsonFields.map((field) => `\`${field}\``).join(", ")}.`);
  return parts.join("\n");
}

/** The reference section: every command that does something itself, in the CLI's order. */
export function cliReferenceMarkdown(commands: readonly CommandReference[] = commandReference()): string {
  return commands
    .filter((command) => command.path.length > 0 && command.subcommands.length === 0)
    .map(commandSection)
    .join("\n\n");
}

/** A markdown-it plugin replacing the directive before the page is parsed. */
export function cliReferencePlugin(md: MarkdownRenderer): void {
  md.core.ruler.before("normalize", "segments-cli-reference", (state) => {
    if (DIRECTIVE.test(state.src)) state.src = state.src.replace(DIRECTIVE, () => cliReferenceMarkdown());
  });
}
