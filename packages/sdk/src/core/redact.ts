/**
 * Hiding the API key in what the SDK prints. A server (or a proxy in front of it) may echo the key it was sent back
 * in an error body or header; every error message, error body and log line goes through a `Redact` first.
 */

/** Returns `text` with every occurrence of the secret replaced by `***`. */
export type Redact = (text: string) => string;

/**
 * Keys shorter than this are not searched for: a one-letter test key would turn every "k" of a message into `***`,
 * and real Segments.ai keys are 40 characters long.
 */
export const MIN_REDACTED_LENGTH = 8;

export const noRedaction: Redact = (text) => text;

/**
 * A `Redact` for one secret, in the forms a server may echo it in: as sent, JSON-escaped and percent-encoded.
 *
 * @example
 * ```ts
 * secretRedactor("sk-0123456789")("invalid key sk-0123456789"); // "invalid key ***"
 * ```
 */
export function secretRedactor(secret: string): Redact {
  const forms = [
    ...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]),
  ].filter((form) => form.length >= MIN_REDACTED_LENGTH);
  if (forms.length === 0) return noRedaction;
  return (text) => {
    let result = text;
    for (const form of forms) if (result.includes(form)) result = result.split(form).join("***");
    return result;
  };
}

/** The same headers, or a redacted copy when a value contains the secret. */
export function redactHeaderValues(headers: Headers, redact: Redact): Headers {
  if (redact === noRedaction) return headers;
  let copy: Headers | undefined;
  headers.forEach((value, name) => {
    const redacted = redact(value);
    if (redacted === value) return;
    copy ??= new Headers(headers);
    copy.set(name, redacted);
  });
  return copy ?? headers;
}
