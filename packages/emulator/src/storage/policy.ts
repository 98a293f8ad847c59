import { createHmac, timingSafeEqual } from "node:crypto";

/** The form fields of an S3 presigned POST, as the real API returns them in `presignedPostFields.fields`. */
export interface PresignedFields {
  acl: string;
  "Content-Type": string;
  key: string;
  "x-amz-algorithm": string;
  "x-amz-credential": string;
  "x-amz-date": string;
  policy: string;
  "x-amz-signature": string;
}

type Condition = Record<string, string> | [string, ...unknown[]];

interface Policy {
  expiration: string;
  conditions: Condition[];
}

/** Why an upload was refused, with the S3 error code and HTTP status S3 uses for it. */
export interface PolicyFailure {
  status: number;
  code: string;
  message: string;
}

const BUCKET = "emulator";

/** Signs and checks S3-style POST policies with a per-installation secret (HMAC-SHA256 over the base64 policy). */
export class PolicySigner {
  constructor(private readonly secret: string) {}

  presign(key: string, contentType: string, maxBytes: number, expiresInSeconds: number, now = new Date()) {
    const amzDate = `${now.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    const credential = `EMULATOR/${amzDate.slice(0, 8)}/local/s3/aws4_request`;
    const policy: Policy = {
      expiration: new Date(now.getTime() + expiresInSeconds * 1000).toISOString(),
      conditions: [
        { bucket: BUCKET },
        { key },
        { acl: "public-read" },
        { "Content-Type": contentType },
        ["content-length-range", 0, maxBytes],
        { "x-amz-algorithm": "AWS4-HMAC-SHA256" },
        { "x-amz-credential": credential },
        { "x-amz-date": amzDate },
      ],
    };
    const encoded = Buffer.from(JSON.stringify(policy)).toString("base64");
    const fields: PresignedFields = {
      acl: "public-read",
      "Content-Type": contentType,
      key,
      "x-amz-algorithm": "AWS4-HMAC-SHA256",
      "x-amz-credential": credential,
      "x-amz-date": amzDate,
      policy: encoded,
      "x-amz-signature": this.sign(encoded),
    };
    return fields;
  }

  /**
   * Checks the signature, the expiry and the policy's conditions against the posted form fields (names compared
   * case-insensitively, as S3 does; `fields` holds them lower-cased). Every field must be covered by a condition,
   * except the policy, the signature and `x-ignore-*` fields. Returns what the policy grants (the object key, its
   * content type and size range: the upload is stored with exactly these, whatever else was posted), or the
   * failure S3 would answer.
   */
  verify(fields: ReadonlyMap<string, string>, now = new Date()): UploadGrant | PolicyFailure {
    const encoded = fields.get("policy");
    const signature = fields.get("x-amz-signature");
    if (!encoded || !signature) {
      return {
        status: 403,
        code: "AccessDenied",
        message: "Bucket POST must contain a policy and a signature",
      };
    }
    if (!this.signatureMatches(encoded, signature)) {
      return {
        status: 403,
        code: "SignatureDoesNotMatch",
        message: "The request signature we calculated does not match the signature you provided.",
      };
    }
    let policy: Policy;
    try {
      policy = JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as Policy;
    } catch {
      return { status: 400, code: "InvalidPolicyDocument", message: "Invalid Policy: Invalid JSON." };
    }
    if (!(Date.parse(policy.expiration) > now.getTime())) {
      return { status: 403, code: "AccessDenied", message: "Invalid according to Policy: Policy expired." };
    }
    return checkConditions(policy, fields);
  }

  private sign(encodedPolicy: string): string {
    return createHmac("sha256", this.secret).update(encodedPolicy).digest("hex");
  }

  private signatureMatches(encodedPolicy: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(encodedPolicy));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

/** What a verified policy allows: one object, with one content type, within a size range. */
export interface UploadGrant {
  key: string;
  contentType: string;
  minBytes: number;
  maxBytes: number;
}

/** Fields S3 never requires a condition for. */
const UNCONDITIONED_FIELDS = new Set(["policy", "x-amz-signature", "file"]);

const conditionFailed = (name: string, expected: string): PolicyFailure => ({
  status: 403,
  code: "AccessDenied",
  message: `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${expected}"]`,
});

/** Checks a (signed, so trusted) policy's conditions against the posted fields and extracts the grant. */
function checkConditions(policy: Policy, fields: ReadonlyMap<string, string>): UploadGrant | PolicyFailure {
  const grant: UploadGrant = { key: "", contentType: "", minBytes: 0, maxBytes: Number.POSITIVE_INFINITY };
  const covered = new Set<string>();
  for (const condition of policy.conditions) {
    if (Array.isArray(condition)) {
      if (condition[0] === "content-length-range") {
        grant.minBytes = Number(condition[1]);
        grant.maxBytes = Number(condition[2]);
      }
      continue;
    }
    for (const [name, expected] of Object.entries(condition)) {
      const field = name.toLowerCase();
      covered.add(field);
      if (field === "bucket") continue;
      if (fields.get(field) !== expected) return conditionFailed(name, expected);
      if (field === "key") grant.key = expected;
      if (field === "content-type") grant.contentType = expected;
    }
  }
  for (const name of fields.keys()) {
    if (!covered.has(name) && !UNCONDITIONED_FIELDS.has(name) && !name.startsWith("x-ignore-")) {
      return {
        status: 403,
        code: "AccessDenied",
        message: `Invalid according to Policy: Extra input fields: ${name}`,
      };
    }
  }
  if (!grant.key) return conditionFailed("key", "");
  return grant;
}

/** The S3 XML error body. */
export function s3ErrorXml(failure: PolicyFailure): string {
  const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${failure.code}</Code><Message>${escapeXml(failure.message)}</Message></Error>`;
}
