import { pathToFileURL } from "node:url";

/** Where examples print their progress (console.log by default; tests collect the lines). */
export type Log = (line: string) => void;

/** True when this module is the script Node was started with (so examples run standalone and import cleanly). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(script).href === moduleUrl;
}
