import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import busboy from "busboy";
import { discardRest } from "../http/body.js";
import type { BodyLease } from "../http/body-budget.js";
import type { Store } from "../store/store.js";
import { type PolicyFailure, type PolicySigner, s3ErrorXml, type UploadGrant } from "./policy.js";

/** Path prefix of the emulator's own S3-like storage endpoint (not part of the API spec). */
export const STORAGE_PREFIX = "/_storage/";
export const UPLOAD_PATH = "/_storage/upload";

/**
 * Caps on the form fields of an upload, enforced while parsing, before the policy (the only authentication this
 * endpoint has) is known: S3 likewise refuses more than 20 KB of fields before the file.
 */
export const FORM_LIMITS = {
  fields: 32,
  fieldNameBytes: 100,
  fieldValueBytes: 16 * 1024,
  totalFieldBytes: 64 * 1024,
};

export interface UploadContext {
  store: Store;
  signer: PolicySigner;
  lease: BodyLease;
  /** The largest upload any policy grants: how much of a refused body is read and discarded before cutting off. */
  maxUploadBytes: number;
}

const malformed: PolicyFailure = {
  status: 400,
  code: "MalformedPOSTRequest",
  message: "The body of your POST request is not well-formed multipart/form-data.",
};

const fieldsTooLarge: PolicyFailure = {
  status: 400,
  code: "MaxPostPreDataLengthExceeded",
  message: `Your POST request fields preceding the upload file were too large (at most ${FORM_LIMITS.fields} fields, ${FORM_LIMITS.totalFieldBytes} bytes).`,
};

export function sendS3Error(res: ServerResponse, failure: PolicyFailure): void {
  res.writeHead(failure.status, {
    "Content-Type": "application/xml",
    "X-Content-Type-Options": "nosniff",
    ...(failure.status === 503 ? { "Retry-After": "1" } : {}),
  });
  res.end(s3ErrorXml(failure));
}

/**
 * Handles a presigned POST like S3 does:
 * - form fields are read up to the `file` part; field names are case-insensitive; a field given twice is refused;
 *   fields after the file are ignored (S3: "the file must be the last field; fields below it are ignored");
 * - the policy is verified when the file part starts, and the object is stored under the key and content type the
 *   policy signed, never under what the form says (they must be equal anyway);
 * - the file is refused as soon as it passes the policy's size range, and its bytes count against the global body
 *   budget (503 when spent).
 */
export function handleUpload(req: IncomingMessage, res: ServerResponse, context: UploadContext): void {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        fields: FORM_LIMITS.fields,
        fieldNameSize: FORM_LIMITS.fieldNameBytes,
        fieldSize: FORM_LIMITS.fieldValueBytes,
        files: 1,
        parts: FORM_LIMITS.fields + 1,
      },
    });
  } catch {
    sendS3Error(res, malformed);
    return;
  }
  const fields = new Map<string, string>();
  let fieldBytes = 0;
  let fileSeen = false;
  let received = 0;
  let answered = false;
  const answer = (failure?: PolicyFailure) => {
    if (answered) return;
    answered = true;
    if (!failure) {
      res.writeHead(204);
      res.end();
      return;
    }
    // Stop parsing: read and discard what the client still sends (so it reads our answer), then answer.
    req.unpipe(parser);
    parser.removeAllListeners("file");
    discardRest(req, received, context.maxUploadBytes);
    sendS3Error(res, failure);
  };
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
  });

  parser.on("field", (rawName, value, info) => {
    if (fileSeen || answered) return;
    fieldBytes += rawName.length + value.length;
    if (info.nameTruncated || info.valueTruncated || fieldBytes > FORM_LIMITS.totalFieldBytes) {
      return answer(fieldsTooLarge);
    }
    const name = rawName.toLowerCase();
    if (fields.has(name)) {
      return answer({
        status: 400,
        code: "InvalidArgument",
        message: `POST form field "${name}" appears more than once.`,
      });
    }
    fields.set(name, value);
  });
  parser.on("fieldsLimit", () => answer(fieldsTooLarge));
  parser.on("partsLimit", () => answer(fieldsTooLarge));
  parser.on("file", (name, stream) => {
    if (fileSeen || answered || name.toLowerCase() !== "file") {
      stream.resume();
      return;
    }
    fileSeen = true;
    const verdict = context.signer.verify(fields);
    if ("status" in verdict) {
      stream.resume();
      answer(verdict);
      return;
    }
    receiveFile(stream, verdict, context, answer);
  });
  parser.on("close", () => {
    answer({
      status: 400,
      code: "InvalidArgument",
      message: "POST requires exactly one file upload per request.",
    });
  });
  parser.on("error", () => answer(malformed));
  req.pipe(parser);
}

/** Buffers the file part within the grant's size range and the body budget, then stores it as the grant says. */
function receiveFile(
  stream: Readable,
  grant: UploadGrant,
  context: UploadContext,
  answer: (failure?: PolicyFailure) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  stream.on("data", (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > grant.maxBytes) {
      refused = true;
      chunks.length = 0;
      answer({
        status: 400,
        code: "EntityTooLarge",
        message: "Your proposed upload exceeds the maximum allowed size",
      });
      return;
    }
    if (context.lease.tryTake(chunk.length)) {
      chunks.push(chunk);
      return;
    }
    // Over the body budget: wait (unread) for other requests to finish, then go on; 503 SlowDown after the wait.
    stream.pause();
    context.lease.take(chunk.length).then(
      () => {
        chunks.push(chunk);
        stream.resume();
      },
      () => {
        refused = true;
        chunks.length = 0;
        answer({ status: 503, code: "SlowDown", message: "Please reduce your request rate." });
      },
    );
  });
  stream.on("end", () => {
    if (refused) return;
    if (size < grant.minBytes) {
      answer({
        status: 400,
        code: "EntityTooSmall",
        message: "Your proposed upload is smaller than the minimum allowed size",
      });
      return;
    }
    context.store.putFile(
      grant.key,
      grant.contentType || "application/octet-stream",
      Buffer.concat(chunks, size),
    );
    answer();
  });
}
