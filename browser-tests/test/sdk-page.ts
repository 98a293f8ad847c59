// Runs in the browser page (bundled by sdk-cors.test.ts with esbuild for the `browser` condition): real SDK calls
// against the emulator, which listens on another port and so is another origin. Results go back as plain JSON.
import { APIError, SegmentsClient, SegmentsError } from "@segments-ts/sdk";

/** What the page did: enough for the test to check every step reached the emulator and the page read the answer. */
export interface SdkRunResult {
  datasetName: string;
  assetUrl: string;
  uploadedText: string;
  sampleNames: string[];
  sampleMetadataBytes: number;
  requestId: string | undefined;
  notFound: { name: string; status: number | undefined; requestId: string | undefined };
}

async function runSdk(baseUrl: string, apiKey: string): Promise<SdkRunResult> {
  const client = new SegmentsClient({ apiKey, baseUrl, maxRetries: 0 });
  const dataset = await client.addDataset("browser-flowers", {
    task_type: "vector",
    task_attributes: { format_version: "0.1", categories: [{ id: 1, name: "rose" }] },
  });
  // A file from the page itself: the presigned POST goes to the emulator's storage endpoint, also cross-origin.
  const file = new Blob(["rose pixels"], { type: "image/png" });
  const asset = await client.uploadAsset(file, "rose.png");
  const uploaded = await fetch(asset.url);
  // Over the SDK's 1 KiB threshold the body is gzipped: the preflight must allow Content-Encoding.
  const notes = "n".repeat(4096);
  await client.addSample(
    dataset.full_name,
    "rose.png",
    { image: { url: asset.url } },
    { metadata: { notes } },
  );
  const { data: samples, requestId } = await client.getSamples(dataset.full_name).withResponse();
  return {
    datasetName: dataset.full_name,
    assetUrl: asset.url,
    uploadedText: await uploaded.text(),
    sampleNames: samples.map((sample) => sample.name),
    sampleMetadataBytes: String(samples[0]?.metadata?.notes ?? "").length,
    requestId,
    notFound: await describeError(client.getDataset(`${dataset.full_name.split("/")[0]}/no-such-dataset`)),
  };
}

/** The class, status and request id of the error a call fails with (read from exposed headers). */
async function describeError(call: Promise<unknown>): Promise<SdkRunResult["notFound"]> {
  try {
    await call;
    return { name: "no error", status: undefined, requestId: undefined };
  } catch (error) {
    if (!(error instanceof SegmentsError)) throw error;
    const status = error instanceof APIError ? error.status : undefined;
    const requestId = error instanceof APIError ? error.requestId : undefined;
    return { name: error.constructor.name, status, requestId };
  }
}

/** One call against an emulator that does not allow this page's origin: the browser must block it. */
async function blockedCall(baseUrl: string, apiKey: string): Promise<string> {
  const client = new SegmentsClient({ apiKey, baseUrl, maxRetries: 0 });
  return (await describeError(client.getDataset("jane/anything"))).name;
}

Object.assign(globalThis, { sdkPage: { runSdk, blockedCall } });
