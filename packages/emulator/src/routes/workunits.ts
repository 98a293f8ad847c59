import { type Handler, type HandlerTable, ok } from "../app.js";
import { ApiError } from "../http/errors.js";
import { datasetFor, paginate } from "./common.js";
import { serializeWorkunit } from "./serialize.js";

function boundary(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  // `YYYY-MM-DDTHH:MM:SS` without a zone (what the SDK sends) is read as UTC.
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(time)) {
    throw new ApiError(400, `${field}: "${text}" is not a valid date-time.`, {
      [field]: ["Enter a valid date/time."],
    });
  }
  return time;
}

/** Workunits of a dataset, visible to managers and admins (they reveal every collaborator's activity). */
export const listWorkunits: Handler = (call) => {
  const { params } = call;
  const { dataset } = datasetFor(call, "manageIssues");
  const start = boundary(params.start, "start");
  const end = boundary(params.end, "end");
  const sort = String(params.sort ?? "-created_at");
  if (sort !== "created_at" && sort !== "-created_at") {
    throw new ApiError(400, "sort: must be created_at or -created_at.", { sort: ["Invalid sort field."] });
  }
  let items = call.app.store.listWorkunits(dataset.id).filter((workunit) => {
    const time = Date.parse(workunit.createdAt);
    return (start === undefined || time >= start) && (end === undefined || time <= end);
  });
  if (sort === "-created_at") items = items.reverse();
  const withMetrics =
    params.include_session_time_metrics === true || String(params.include_session_time_metrics) === "true";
  return ok(paginate(items, params).map((workunit) => serializeWorkunit(workunit, withMetrics)));
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  listWorkunits,
} satisfies HandlerTable;
