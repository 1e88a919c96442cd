import { gaenKeyUploadAckSchema, gaenKeyUploadSchema } from "@tracebed/protocol/gaen";
import type { DesignOpenApi } from "../types.js";

const err = (description: string) => ({ description, schema: "ErrorBody" });
const CACHE = {
  ETag: "A strong validator of the body; send it back in If-None-Match",
  "Cache-Control": "How long a cache may keep the body",
};

/** The GAEN routes in the OpenAPI document (GET /v1/openapi.json of a GAEN server). */
export const GAEN_OPENAPI: DesignOpenApi = {
  description: [
    "The GAEN / DP-3T design (decentralised): a confirmed case's phone redeems its F0 code and uploads its temporary exposure keys (POST /v1/exposure-keys);",
    "once each export period has ended the server publishes the keys that arrived in it as one signed export file (a zip of export.bin and export.sig, exposure-notifications-server's format), a key still in use only after its day has ended;",
    "phones poll GET /v1/exports/index.txt, fetch the files they lack, verify them with GET /v1/exports/public-key.pem, derive the rolling proximity identifiers and decide on the phone. Nobody uploads a contact log.",
  ].join(" "),
  omit: ["uploadKeys", "uploadLog", "getUpload", "catchUpKeys"],
  components: {
    GaenKeyUpload: [gaenKeyUploadSchema, "input"],
    GaenKeyUploadAck: [gaenKeyUploadAckSchema, "output"],
  },
  routes: [
    {
      method: "post",
      path: "/v1/exposure-keys",
      operationId: "uploadExposureKeys",
      summary:
        "A confirmed case's (or a notified contact's) phone uploads its temporary exposure keys",
      tag: "gaen",
      phone: true,
      body: { schema: "GaenKeyUpload", limit: "small" },
      responses: {
        "201": {
          description:
            "Keys stored: how many, which were refused, when the last is published (every key refused: nothing is stored)",
          schema: "GaenKeyUploadAck",
        },
        "400": err("Malformed JSON or a field breaks the schema (invalid_message)"),
        "401": err(
          "No valid phone credential, or uploadToken unknown, expired or another phone's (unauthorized)",
        ),
        "403": err("phoneId is not the phone of this credential (forbidden)"),
        "413": err("Body larger than the route's limit"),
        "415": err("Content-Type is not application/json"),
        "429": err("Rate limited (per IP, per phone); see Retry-After"),
        "503": err("The store is unreachable: nothing was stored, retry (store_unavailable)"),
      },
    },
    {
      method: "get",
      path: "/v1/exports/index.txt",
      operationId: "getExportIndex",
      summary:
        "The export files published, one path a line (relative to the server), oldest first; a file is listed until its period ended the window's days ago (14), then deleted",
      tag: "gaen",
      responses: {
        "200": { description: "The index", text: true, headers: CACHE },
        "304": { description: "Not modified since the ETag sent in If-None-Match" },
        "429": err("Rate limited (per IP); see Retry-After"),
      },
    },
    {
      method: "get",
      path: "/v1/exports/public-key.pem",
      operationId: "getExportPublicKey",
      summary: "The ECDSA P-256 key that verifies every export.sig (SPKI, PEM)",
      tag: "gaen",
      responses: {
        "200": {
          description: "The public key",
          contentType: "application/x-pem-file",
          headers: CACHE,
        },
        "304": { description: "Not modified since the ETag sent in If-None-Match" },
        "429": err("Rate limited (per IP); see Retry-After"),
      },
    },
    {
      method: "get",
      path: "/v1/exports/{file}",
      operationId: "getExportFile",
      summary: "One export file (immutable): a zip of export.bin and export.sig",
      tag: "gaen",
      pathParams: { file: "<start>-<end>-00001.zip, as index.txt lists it" },
      responses: {
        "200": { description: "The zip", contentType: "application/zip", headers: CACHE },
        "304": { description: "Not modified since the ETag sent in If-None-Match" },
        "404": err(
          "No such export, or deleted once its period ended the window's days ago (not_found)",
        ),
        "429": err("Rate limited (per IP); see Retry-After"),
      },
    },
  ],
};
