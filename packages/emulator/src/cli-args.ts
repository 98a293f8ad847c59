import { parseArgs } from "node:util";
import type { EmulatorOptions, EmulatorUser } from "./emulator.js";
import { corsEntryProblem } from "./http/cors.js";

export const USAGE = `Usage: segments-emulator [options]

  --host HOST            interface to listen on (default 127.0.0.1)
  --port PORT            port (default 8787; 0 picks a free one)
  --data-dir DIR         keep state in DIR/emulator.sqlite (default: in memory)
  --user NAME:APIKEY     create a user (repeatable; the first is the default user;
                         default: a "demo" user with a printed key)
  --rate-limit N/s       throttle each user to N requests per second (or N/m, N/h)
  --max-body-bytes N     largest accepted JSON request body in bytes, raw or after gzip
                         (default 67108864 = 64 MiB; larger bodies get a 413)
  --strict               catch mistakes production lets through: unknown body fields
                         are 400s naming the field, other leniencies are logged as
                         warnings, responses are checked against the spec
  --cors ORIGIN          let browser pages of ORIGIN call the emulator (repeatable):
                         an origin such as http://localhost:5173, "localhost" for
                         every loopback origin, "*" for any origin, "none" for no
                         cross-origin access (default: localhost)
  --help                 show this help`;

function parseUser(text: string): EmulatorUser {
  const separator = text.indexOf(":");
  const username = text.slice(0, separator);
  const apiKey = text.slice(separator + 1);
  if (separator < 1 || apiKey.length === 0)
    throw new TypeError(`--user: expected NAME:APIKEY, got "${text}"`);
  return { username, apiKey };
}

function parseMaxBodyBytes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const bytes = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1)
    throw new TypeError(`--max-body-bytes: expected a positive integer, got "${text}"`);
  return bytes;
}

/** `--cors none` alone allows no cross-origin page; otherwise every value is an origin or keyword. */
function parseCors(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  if (values.includes("none")) {
    if (values.length > 1) throw new TypeError("--cors: none cannot be combined with origins");
    return [];
  }
  for (const value of values) {
    const problem = corsEntryProblem(value);
    if (problem) throw new TypeError(`--cors: ${problem}`);
  }
  return values;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`--port: expected 0..65535, got "${text}"`);
  return port;
}

/** Parses the command line into emulator options (exported for tests). */
export function parseCli(argv: string[]): EmulatorOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8787" },
      "data-dir": { type: "string" },
      user: { type: "string", multiple: true },
      "rate-limit": { type: "string" },
      "max-body-bytes": { type: "string" },
      strict: { type: "boolean" },
      cors: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return "help";
  return {
    host: values.host,
    port: parsePort(values.port ?? "8787"),
    dataDir: values["data-dir"],
    users: values.user?.map(parseUser),
    rateLimit: values["rate-limit"],
    maxBodyBytes: parseMaxBodyBytes(values["max-body-bytes"]),
    strict: values.strict === true ? true : undefined,
    // A strict server checks its responses (a non-conforming one is a 500 naming the violation, and logged).
    validateResponses: values.strict === true,
    cors: parseCors(values.cors),
  };
}
