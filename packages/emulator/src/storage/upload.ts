import type { IncomingMessage, ServerResponse } from "node:http";
import busboy from "busboy";
import type { Store } from "../store/store.js";
import { type PolicyFailure, type PolicySigner, s3ErrorXml } from "./policy.js";

/** Path prefix of the emulator's own S3-like storage endpoint (not part of the API spec). */
export const STORAGE_PREFIX = "/_storage/";
export const UPLOAD_PATH = "/_storage/upload";

function sendS3Error(res: ServerResponse, failure: PolicyFailure): void {
  res.writeHead(failure.status, { "Content-Type": "application/xml" });
  res.end(s3ErrorXml(failure));
}

/**
 * Handles the presigned POST like S3: multipart form fields first, the `file` part last. The policy is verified
 * before the file is read; a file larger than the policy's content-length-range is refused with EntityTooLarge.
 */
export function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  store: Store,
  signer: PolicySigner,
): void {
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1 } });
  } catch {
    sendS3Error(res, {
      status: 400,
      code: "MalformedPOSTRequest",
      message: "The body of your POST request is not well-formed multipart/form-data.",
    });
    return;
  }
  const fields: Record<string, string> = {};
  let answered = false;
  const answer = (failure?: PolicyFailure) => {
    if (answered) return;
    answered = true;
    if (failure) sendS3Error(res, failure);
    else {
      res.writeHead(204);
      res.end();
    }
  };

  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("file", (name, stream) => {
    if (name !== "file") {
      stream.resume();
      return;
    }
    const verdict = signer.verify(fields);
    if ("status" in verdict) {
      stream.resume();
      answer(verdict);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= verdict.maxBytes) chunks.push(chunk);
    });
    stream.on("end", () => {
      if (size > verdict.maxBytes) {
        answer({
          status: 400,
          code: "EntityTooLarge",
          message: "Your proposed upload exceeds the maximum allowed size",
        });
        return;
      }
      const key = fields.key as string;
      store.putFile(key, fields["Content-Type"] ?? "application/octet-stream", Buffer.concat(chunks));
      answer();
    });
  });
  parser.on("close", () => {
    answer({
      status: 400,
      code: "InvalidArgument",
      message: "POST requires exactly one file upload per request.",
    });
  });
  parser.on("error", () => {
    answer({
      status: 400,
      code: "MalformedPOSTRequest",
      message: "The body of your POST request is not well-formed multipart/form-data.",
    });
  });
  req.pipe(parser);
}

/** Serves a stored file (uploaded asset or release file) with its content type. */
export function serveFile(res: ServerResponse, store: Store, key: string, headOnly: boolean): void {
  const file = store.getFile(key);
  if (!file) {
    sendS3Error(res, { status: 404, code: "NoSuchKey", message: "The specified key does not exist." });
    return;
  }
  res.writeHead(200, { "Content-Type": file.contentType, "Content-Length": file.body.length });
  res.end(headOnly ? undefined : file.body);
}
