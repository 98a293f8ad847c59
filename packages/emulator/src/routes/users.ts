import { type Handler, type HandlerTable, ok } from "../app.js";
import { notFound } from "../http/errors.js";
import { serializeUser } from "./serialize.js";

export const getApiStatus: Handler = () => ok({ status: "ok" });

export const getAuthenticatedUser: Handler = ({ app, user }) => ok(serializeUser(app, user, true));

export const getUser: Handler = ({ app, user, params }) => {
  const target = app.store.getUser(String(params.user));
  if (!target) throw notFound();
  return ok(serializeUser(app, target, target.username === user.username));
};

/** This module's handlers, keyed by the spec operationId each answers (combined in ./index.ts). */
export const handlers = {
  getApiStatus,
  getAuthenticatedUser,
  getUser,
} satisfies HandlerTable;
