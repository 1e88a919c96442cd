import { bluetrace } from "@tracebed/protocol";
import type { DesignOpenApi } from "../types.js";

const err = (description: string) => ({ description, schema: "ErrorBody" });
const PHONE = {
  "400": err("Malformed JSON or a field breaks the schema; the message names the field"),
  "401": err("Missing or unknown phone credential (Authorization: Phone <secret>) (unauthorized)"),
  "403": err("phoneId is not the phone of this credential (forbidden)"),
  "413": err("Body larger than the route's limit (refused without reading it whole)"),
  "415": err("Content-Type is not application/json"),
  "429": err("Rate limited (per IP, per phone); see Retry-After"),
};

/** The BlueTrace routes and bodies, in the OpenAPI document of `serve --design bluetrace`. */
export const BLUETRACE_DOC: DesignOpenApi = {
  // Phones upload logs through BlueTrace's routes; Bluezone's uploads and key pushes are not served.
  omit: ["uploadKeys", "uploadLog", "getUpload", "catchUpKeys"],
  description:
    "With --design bluetrace the server runs BlueTrace's central flow instead: phones fetch encrypted TempIDs (POST /v1/bluetrace/tempids), advertise them and log those they hear; an F0 uploads its log with its code's upload token (POST /v1/bluetrace/uploads); the server decrypts each TempID, decides the F0's contacts on its log and notifies them (Socket.IO notification); the health authority asks each F1 for its log (POST /v1/bluetrace/upload-grant), which finds F2.",
  components: {
    TempIdRequest: [bluetrace.tempIdRequestSchema, "input"],
    TempIdBatch: [bluetrace.tempIdBatchSchema, "output"],
    BtUploadRequest: [bluetrace.btUploadRequestSchema, "input"],
    BtUploadGrant: [bluetrace.btUploadGrantSchema, "output"],
    BtLogUpload: [bluetrace.btLogUploadSchema, "input"],
    BtUploadAck: [bluetrace.btUploadAckSchema, "output"],
    PrivacyCounts: [bluetrace.privacyCountsSchema, "output"],
  },
  routes: [
    {
      method: "post",
      path: "/v1/bluetrace/tempids",
      operationId: "getTempIds",
      summary: "A phone fetches its next batch of TempIDs (100 × 15 minutes, AES-256-GCM)",
      tag: "bluetrace",
      phone: true,
      body: { schema: "TempIdRequest", limit: "small" },
      responses: {
        "200": { description: "The batch and when to refresh it", schema: "TempIdBatch" },
        ...PHONE,
      },
    },
    {
      method: "post",
      path: "/v1/bluetrace/upload-grant",
      operationId: "getUploadGrant",
      summary: "A notified F1 fetches the health authority's request for its log",
      tag: "bluetrace",
      phone: true,
      body: { schema: "BtUploadRequest", limit: "small" },
      responses: {
        "200": { description: "The upload token for its log", schema: "BtUploadGrant" },
        ...PHONE,
        "404": err("No request for this phone's log (not_found)"),
      },
    },
    {
      method: "post",
      path: "/v1/bluetrace/uploads",
      operationId: "uploadStreetPassLog",
      summary: "A phone uploads its log of TempIDs heard (an F0's, or an F1's on request)",
      tag: "bluetrace",
      phone: true,
      body: { schema: "BtLogUpload", limit: "log" },
      responses: {
        "201": { description: "Stored; records counted as decrypted", schema: "BtUploadAck" },
        "200": { description: "A retry: the original acknowledgement", schema: "BtUploadAck" },
        ...PHONE,
        "401": err(
          "No valid phone credential, or uploadToken unknown, expired or another phone's (unauthorized)",
        ),
        "409": err("idempotencyKey reused with another body (idempotency_conflict)"),
      },
    },
    {
      method: "get",
      path: "/v1/bluetrace/privacy",
      operationId: "getPrivacyCounts",
      summary: "What the store lets an operator reconstruct (phones and contact edges)",
      tag: "bluetrace",
      ha: true,
      responses: {
        "200": { description: "Counted from the store", schema: "PrivacyCounts" },
        "401": err("Missing or wrong HA token"),
        "429": err("Rate limited per IP (rate_limited); see Retry-After"),
      },
    },
  ],
};
