export {
  type Emulator,
  type EmulatorOptions,
  type EmulatorOrganization,
  type EmulatorUser,
  type RateLimit,
  startEmulator,
  type Violation,
} from "./emulator.js";
export { parseRateLimit } from "./http/rate-limit.js";
export { DataDirError } from "./store/db.js";
export type { Role } from "./store/records.js";
