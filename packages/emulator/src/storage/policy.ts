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
   * Checks the signature, the expiry and every equality condition of the policy against the posted form fields.
   * Returns the maximum allowed size, or the failure S3 would answer.
   */
  verify(fields: Record<string, string>, now = new Date()): { maxBytes: number } | PolicyFailure {
    const encoded = fields.policy;
    const signature = fields["x-amz-signature"];
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
    let maxBytes = Number.POSITIVE_INFINITY;
    for (const condition of policy.conditions) {
      if (Array.isArray(condition)) {
        if (condition[0] === "content-length-range") maxBytes = Number(condition[2]);
        continue;
      }
      for (const [name, expected] of Object.entries(condition)) {
        if (name === "bucket") continue;
        if (fields[name] !== expected) {
          return {
            status: 403,
            code: "AccessDenied",
            message: `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${expected}"]`,
          };
        }
      }
    }
    return { maxBytes };
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

/** The S3 XML error body. */
export function s3ErrorXml(failure: PolicyFailure): string {
  const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${failure.code}</Code><Message>${escapeXml(failure.message)}</Message></Error>`;
}
