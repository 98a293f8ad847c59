/** `segments whoami`: the account the API key belongs to, and the API it talks to. */
import type { Command } from "commander";
import { action, type Context, type Runtime } from "../context.js";
import { about } from "../errors.js";
import { USER_FIELDS, withJson } from "../json-fields.js";

async function whoami(ctx: Context): Promise<void> {
  const client = ctx.client();
  const user = await about({ what: "your account" }, client.getUser(undefined, { signal: ctx.signal }));
  ctx.out.record(user, user.username, [
    ["api", client.baseUrl],
    ["email", user.email ?? "-"],
    ["organization", user.is_organization ? "yes" : "no"],
    ["member since", user.created_at.slice(0, 10)],
  ]);
}

/** Adds `segments whoami` to the program. */
export function registerWhoami(program: Command, runtime: Runtime): void {
  withJson(program.command("whoami"), USER_FIELDS)
    .description("show the account of SEGMENTS_API_KEY and the API it talks to")
    .action(action(runtime, whoami));
}
