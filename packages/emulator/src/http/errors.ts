/** An error answered to the client with the real API's body shape: `{"detail": "..."}` plus optional field lists. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fields: Record<string, string[]> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiError";
  }

  body(): Record<string, unknown> {
    return { detail: this.detail, ...this.fields };
  }
}

export const notFound = (): ApiError => new ApiError(404, "Not found.");

export const forbidden = (): ApiError =>
  new ApiError(403, "You do not have permission to perform this action.");

export const alreadyExists = (what: string): ApiError =>
  new ApiError(409, `A ${what} with this name already exists.`);

/** A 400 naming the offending field, e.g. `badRequest("name", "This field is required.")`. */
export const badRequest = (field: string, message: string): ApiError =>
  new ApiError(400, `${field}: ${message}`, { [field.split(/[.[]/)[0] || field]: [message] });
