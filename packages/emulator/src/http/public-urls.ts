import { STORAGE_PREFIX } from "../storage/upload.js";
import type { Store } from "../store/store.js";

/** At most this many origins are remembered (a client can send any Host header, so the set must be bounded). */
const MAX_ORIGINS = 64;
const META_KEY = "storage_origins";
/** A Host header we are willing to put into a URL: a name or IP literal with an optional port, nothing else. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * URLs of the emulator's own storage (asset `url`s, release files) must keep working when the emulator restarts on
 * another host or port, although clients store them (e.g. in sample attributes). The emulator remembers every
 * origin it handed such URLs out under (persisted with the data) and, in each answer, rewrites
 * `<remembered origin>/_storage/...` to the origin the client used for this request.
 */
export class PublicUrls {
  private readonly origins: string[];

  constructor(private readonly store: Store) {
    const saved = store.getMeta(META_KEY);
    this.origins = saved ? (JSON.parse(saved) as string[]) : [];
  }

  /** The origin a request addressed (its Host header when well-formed), else `fallback` (the listening address). */
  baseOf(host: string | undefined, fallback: string): string {
    return host && HOST.test(host) ? `http://${host.toLowerCase()}` : fallback;
  }

  /** Remembers that storage URLs were handed out under `origin`. */
  remember(origin: string): void {
    if (this.origins.includes(origin)) return;
    if (this.origins.length >= MAX_ORIGINS) this.origins.splice(1, 1); // keep the first (oldest listening) one
    this.origins.push(origin);
    this.store.setMeta(META_KEY, JSON.stringify(this.origins));
  }

  /** Rewrites every remembered origin's storage URLs in `text` to `base`. */
  rewrite(text: string, base: string): string {
    if (!text.includes(STORAGE_PREFIX)) return text;
    let result = text;
    for (const origin of this.origins) {
      if (origin !== base)
        result = result.replaceAll(`${origin}${STORAGE_PREFIX}`, `${base}${STORAGE_PREFIX}`);
    }
    return result;
  }
}
