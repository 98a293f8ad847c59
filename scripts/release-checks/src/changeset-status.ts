// Release-configuration check: `.changeset/config.json` publishes publicly, the root `release:version` script runs
// `changeset version` then `pnpm install`, and `changeset status` succeeds (pending changesets parse and name known
// packages). `changeset status` compares HEAD with the base branch, so it needs that branch's history: on a clone
// without a local `main` it is given `--since origin/main`; a shallow clone fails with the fix to apply.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT_DIR } from "./workspace.ts";

const problems: string[] = [];

const config = JSON.parse(readFileSync(join(ROOT_DIR, ".changeset", "config.json"), "utf8")) as {
  access?: string;
  baseBranch?: string;
};
if (config.access !== "public")
  problems.push(`.changeset/config.json: access is "${config.access}", expected "public"`);

const rootManifest = JSON.parse(readFileSync(join(ROOT_DIR, "package.json"), "utf8")) as {
  scripts?: Record<string, string>;
};
const releaseVersion = rootManifest.scripts?.["release:version"] ?? "";
if (!/changeset version/.test(releaseVersion) || !/pnpm install/.test(releaseVersion)) {
  problems.push(
    `package.json: scripts["release:version"] is "${releaseVersion}", expected "changeset version && pnpm install"`,
  );
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT_DIR, encoding: "utf8" }).trim();
const hasRef = (ref: string) =>
  spawnSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: ROOT_DIR }).status === 0;

const baseBranch = config.baseBranch ?? "main";
const statusArgs = ["exec", "changeset", "status"];
if (git("rev-parse", "--is-shallow-repository") === "true") {
  problems.push(
    "the clone is shallow: changeset status needs the full history (git fetch --unshallow, or fetch-depth: 0)",
  );
} else if (!hasRef(baseBranch)) {
  if (hasRef(`origin/${baseBranch}`)) statusArgs.push(`--since=origin/${baseBranch}`);
  else problems.push(`neither ${baseBranch} nor origin/${baseBranch} exists: fetch the base branch first`);
}

if (problems.length === 0) {
  const status = spawnSync("pnpm", statusArgs, { cwd: ROOT_DIR, encoding: "utf8" });
  process.stdout.write(status.stdout);
  if (status.status !== 0) {
    problems.push(
      `pnpm ${statusArgs.join(" ")} exited with ${status.status}:\n${status.stderr}${status.stdout}`,
    );
  }
}

if (problems.length > 0) {
  console.error(`check:changesets failed:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("check:changesets: config, release:version script and changeset status ok");
