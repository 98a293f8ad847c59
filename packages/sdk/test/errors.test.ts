import { describe, expect, test } from "vitest";
import {
  AlreadyExistsError,
  APIError,
  AuthenticationError,
  BadRequestError,
  CollaboratorError,
  ConflictError,
  createAPIError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SegmentsError,
  SubscriptionError,
} from "../src/core/errors.js";

function mapped(status: number, text: string, path = "/x/") {
  return createAPIError({ status, text, headers: new Headers({ "x-request-id": "r" }), method: "GET", path });
}

describe("createAPIError", () => {
  test.each([
    [400, '{"name":["This field is required."]}', BadRequestError],
    [422, "unprocessable", BadRequestError],
    [401, '{"detail":"Invalid token."}', AuthenticationError],
    [403, '{"detail":"You do not have permission to perform this action."}', PermissionDeniedError],
    [404, '{"detail":"Not found."}', NotFoundError],
    [409, '{"detail":"conflict"}', ConflictError],
    [429, '{"detail":"Request was throttled."}', RateLimitError],
    [500, "<html>oops</html>", InternalServerError],
    [503, "", InternalServerError],
    [418, "teapot", APIError],
  ])("status %i maps by status", (status, text, expected) => {
    const error = mapped(status, text);
    expect(error.constructor).toBe(expected);
    expect(error.status).toBe(status);
    expect(error).toBeInstanceOf(SegmentsError);
  });

  test.each([
    [400, '{"detail":"A dataset with this name already exists."}', AlreadyExistsError],
    [409, '{"detail":"You already have a labelset named x."}', AlreadyExistsError],
    [400, '{"detail":"User bob is already a collaborator."}', CollaboratorError],
    [400, '{"detail":"Invalid page."}', NotFoundError],
    [400, '{"detail":"Sample does not exist."}', NotFoundError],
    [400, '{"detail":"Authentication credentials were not provided."}', AuthenticationError],
    [403, '{"detail":"Your free trial ended."}', SubscriptionError],
    [402, '{"detail":"You exceeded user limit."}', SubscriptionError],
    [400, '{"detail":"You need to be an administrator."}', PermissionDeniedError],
  ])("status %i with body %s is refined by text like the Python SDK", (status, text, expected) => {
    expect(mapped(status, text).constructor).toBe(expected);
  });

  test("401/404/429/5xx are never re-mapped by text", () => {
    expect(mapped(429, "already exists").constructor).toBe(RateLimitError);
    expect(mapped(500, "not found").constructor).toBe(InternalServerError);
    expect(mapped(404, "already exists").constructor).toBe(NotFoundError);
  });

  test("keeps parsed body, request id, and hints the dataset form on 404", () => {
    const error = mapped(404, '{"detail":"Not found."}', "/datasets/jane/flowers/");
    expect(error.body).toEqual({ detail: "Not found." });
    expect(error.requestId).toBe("r");
    expect(error.message).toContain("404 GET /datasets/jane/flowers/: Not found.");
    expect(error.message).toContain("jane/flowers");
  });

  test("subclass relationships match the documented hierarchy", () => {
    expect(mapped(400, "already exists")).toBeInstanceOf(ConflictError);
    expect(mapped(403, "free trial ended")).toBeInstanceOf(PermissionDeniedError);
  });
});
