import {
  errorBodySchema,
  f0CodeRequestSchema,
  f0CodeResponseSchema,
  f0RedeemRequestSchema,
  f0RedeemResponseSchema,
  keyCatchUpQuerySchema,
  keyCatchUpResponseSchema,
  keyUploadSchema,
  logUploadSchema,
  operatorCountsSchema,
  phoneRegistrationSchema,
  SOCKET_EVENTS,
  serverConfigSchema,
  statsSchema,
  uploadAckSchema,
} from "@tracebed/protocol";
import { z } from "zod";
import type { DesignOpenApi } from "../designs/types.js";
import type { BodyLimits } from "../options.js";
import { describeProperties } from "./openapi-descriptions.js";

/** The flow's order, transports and limits: what a client needs beyond the schemas. */
const DOC_DESCRIPTION = [
  "The matching server of the Bluezone hybrid flow. The flow, in order:",
  "(0) every phone registers once, POST /v1/phones → { phoneId, secret }, and sends Authorization: Phone <secret> on its requests;",
  "(1) the health authority issues an F0 code (POST /v1/f0-codes, Bearer HA token);",
  "(2) the F0's phone redeems it (POST /v1/f0-codes/redeem) and uploads its keys, then its log (basis f0; the log may be empty but must be uploaded: nothing is decided before it);",
  "(3) the server pushes the F0's keys to every phone (Socket.IO key-pushes; catch-up GET /v1/keys);",
  "(4) a phone that finds the pushed IDs in its own log (each ID in its 15-minute slot, inside the window: from windowStart, for an F1, to windowEnd) uploads its keys then its log (basis exposure);",
  "(5) the server decides once index and candidate both uploaded keys and a log: a contact has ≥ minCloseSeconds of close time on one UTC day, counted as distinct 300 s periods with a close sighting (GET /v1/config); it is notified (Socket.IO notification) and an F1's keys are pushed in turn, which finds F2.",
  "Socket.IO (v4) is on the same port, websocket transport only (a polling client gets 'Transport unknown'); namespaces, events and payloads are in x-socket-io.",
  "Errors are { error: { code, message } }, codes listed per route. Limits: per IP 10,000 requests/s (burst 20,000); per phone uploads and redemptions 1/s (burst 30); per socket 5 events/s (burst 20); refused F0-code redemptions 20 per address and 1,000 in all per hour; over a limit: 429 with Retry-After.",
].join(" ");

/** What every design shares: transports, errors, limits (the last two items of the flow text). */
const SHARED_DESCRIPTION = [
  "Phones register (POST /v1/phones) and send Authorization: Phone <secret>; the health authority issues F0 codes (POST /v1/f0-codes) that a phone redeems for an upload token (POST /v1/f0-codes/redeem).",
  "Errors are { error: { code, message } }, codes listed per route. Limits: per IP 10,000 requests/s (burst 20,000); per phone uploads and redemptions 1/s (burst 30); over a limit: 429 with Retry-After.",
].join(" ");

const healthSchema = z.strictObject({
  status: z.enum(["ok", "unavailable"]),
  store: z.enum(["memory", "redis"]),
  message: z.string().optional(),
});

/** Named schemas: components.schemas of the document. Requests are documented as input. */
const COMPONENTS = {
  ErrorBody: [errorBodySchema, "output"],
  F0CodeRequest: [f0CodeRequestSchema, "input"],
  F0CodeResponse: [f0CodeResponseSchema, "output"],
  F0RedeemRequest: [f0RedeemRequestSchema, "input"],
  F0RedeemResponse: [f0RedeemResponseSchema, "output"],
  KeyUpload: [keyUploadSchema, "input"],
  LogUpload: [logUploadSchema, "input"],
  UploadAck: [uploadAckSchema, "output"],
  KeyCatchUpResponse: [keyCatchUpResponseSchema, "output"],
  Stats: [statsSchema, "output"],
  PhoneRegistration: [phoneRegistrationSchema, "output"],
  ServerConfig: [serverConfigSchema, "output"],
  Health: [healthSchema, "output"],
  OperatorCounts: [operatorCountsSchema, "output"],
} as const satisfies Record<string, readonly [z.ZodType, "input" | "output"]>;

/** A component's name: one of COMPONENTS, or one a design's document adds (DesignOpenApi). */
type Component = keyof typeof COMPONENTS | (string & {});

interface ResponseDoc {
  readonly description: string;
  /** A component's name (this document's, or the design's). */
  readonly schema?: Component | (string & {});
  readonly text?: true;
  /** A body of another media type (a zip, a PEM file), described as a string of that type. */
  readonly contentType?: string;
  /** Response headers, name → description (strings). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One HTTP route as documented; `path` in OpenAPI form (`{uploadId}`). */
export interface RouteDoc {
  readonly method: "get" | "post";
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  readonly ha?: true;
  /** Needs the phone's credential, `Authorization: Phone <secret>`. */
  readonly phone?: true;
  readonly body?: { readonly schema: Component | (string & {}); readonly limit: keyof BodyLimits };
  readonly query?: z.ZodObject;
  readonly pathParams?: Readonly<Record<string, string>>;
  readonly responses: Readonly<Record<string, ResponseDoc>>;
}

const err = (description: string): ResponseDoc => ({ description, schema: "ErrorBody" });
const RATE_LIMITED = { "429": err("Rate limited per IP (rate_limited); see Retry-After") };
const BAD_URL = { "400": err("A request URL that does not decode (invalid_message)") };
const PHONE_AUTH = {
  "401": err("Missing or unknown phone credential (Authorization: Phone <secret>) (unauthorized)"),
  "403": err("phoneId is not the phone of this credential (forbidden)"),
};
const BAD_BODY = {
  "400": err("Malformed JSON or a field breaks the schema; the message names the field"),
  "413": err("Body larger than the route's limit (refused without reading it whole)"),
  "415": err("Content-Type is not application/json"),
  "429": err("Rate limited (per IP, per phone); see Retry-After"),
};

/** Every HTTP route of the matcher. A test checks this list against the registered routes. */
export const ROUTES: readonly RouteDoc[] = [
  {
    method: "post",
    path: "/v1/phones",
    operationId: "registerPhone",
    summary: "A phone registers (no body): the server issues its phoneId and secret",
    tag: "phone",
    responses: {
      "201": { description: "The phone's id and credential", schema: "PhoneRegistration" },
      "400": err("A body other than none or {} (invalid_message)"),
      "429": err("Rate limited (per IP); see Retry-After"),
    },
  },
  {
    method: "get",
    path: "/v1/config",
    operationId: "getConfig",
    summary: "The decision parameters the server judges with, and its F0-code format",
    tag: "operations",
    responses: {
      "200": { description: "The configuration", schema: "ServerConfig" },
      ...RATE_LIMITED,
    },
  },
  {
    method: "post",
    path: "/v1/f0-codes",
    operationId: "issueF0Code",
    summary: "HA issues a single-use, expiring 10-digit code for a confirmed case (F0)",
    tag: "health authority",
    ha: true,
    body: { schema: "F0CodeRequest", limit: "small" },
    responses: {
      "201": { description: "The code", schema: "F0CodeResponse" },
      ...BAD_BODY,
      "401": err("Missing or wrong HA token"),
    },
  },
  {
    method: "post",
    path: "/v1/f0-codes/redeem",
    operationId: "redeemF0Code",
    summary: "The F0's phone redeems its code and becomes an index person",
    tag: "phone",
    phone: true,
    body: { schema: "F0RedeemRequest", limit: "small" },
    responses: {
      "200": { description: "The index person and its upload token", schema: "F0RedeemResponse" },
      ...BAD_BODY,
      ...PHONE_AUTH,
      "404": err("No such code (code_invalid)"),
      "409": err(
        "Code already redeemed (code_used), or the phone already is an F0 (already_confirmed)",
      ),
      "410": err("Code expired (code_expired)"),
      "429": err(
        "Too many refused redemptions from this address or from everyone, or on this code (too_many_attempts); or rate limited (rate_limited); see Retry-After",
      ),
    },
  },
  {
    method: "post",
    path: "/v1/uploads/keys",
    operationId: "uploadKeys",
    summary: "A phone uploads its daily keys (basis f0 with its upload token, or exposure)",
    tag: "phone",
    phone: true,
    body: { schema: "KeyUpload", limit: "keys" },
    responses: {
      "201": {
        description: "Stored and durable: count keys stored, refused the others and why",
        schema: "UploadAck",
      },
      "200": {
        description: "A retry: the original acknowledgement, replayed: true",
        schema: "UploadAck",
      },
      ...BAD_BODY,
      ...PHONE_AUTH,
      "401": err(
        "No valid phone credential, or basis.uploadToken unknown, expired or another phone's (unauthorized)",
      ),
      "400": err(
        "Malformed JSON or a field breaks the schema (invalid_message); basis.indexIds names no index person (unknown_index)",
      ),
      "409": err(
        "idempotencyKey reused with another body (idempotency_conflict), or another scheme than before (scheme_mismatch)",
      ),
      "503": err("The store is unreachable: nothing was stored, retry (store_unavailable)"),
    },
  },
  {
    method: "post",
    path: "/v1/uploads/log",
    operationId: "uploadLog",
    summary: "A phone uploads its log (basis f0 with its upload token, or exposure)",
    tag: "phone",
    phone: true,
    body: { schema: "LogUpload", limit: "log" },
    responses: {
      "201": { description: "Stored and durable", schema: "UploadAck" },
      "200": {
        description: "A retry: the original acknowledgement, replayed: true",
        schema: "UploadAck",
      },
      ...BAD_BODY,
      ...PHONE_AUTH,
      "401": err(
        "No valid phone credential, or basis.uploadToken unknown, expired or another phone's (unauthorized)",
      ),
      "400": err(
        "Malformed JSON or a field breaks the schema (invalid_message); basis.indexIds names no index person (unknown_index)",
      ),
      "409": err(
        "idempotencyKey reused with another body (idempotency_conflict), or another scheme than before (scheme_mismatch)",
      ),
      "422": err(
        "A log entry's ownId does not derive from this phone's uploaded keys for the sighting's time, or no keys were uploaded first (own_ids_not_derived)",
      ),
      "503": err("The store is unreachable: nothing was stored, retry (store_unavailable)"),
    },
  },
  {
    method: "get",
    path: "/v1/uploads/{uploadId}",
    operationId: "getUpload",
    summary: "An upload's acknowledgement, once durable (to the phone that uploaded it, or the HA)",
    tag: "phone",
    phone: true,
    pathParams: { uploadId: "The server's uploadId from the acknowledgement" },
    responses: {
      "200": { description: "The upload is durable", schema: "UploadAck" },
      "400": err("Not an upload id (invalid_message)"),
      "401": err("No valid phone credential (unauthorized)"),
      "404": err("No durable upload of this phone with this id (not_found)"),
    },
  },
  {
    method: "get",
    path: "/v1/keys",
    operationId: "catchUpKeys",
    summary: "Key pushes with seq > since (catch-up for phones that were offline)",
    tag: "phone",
    query: keyCatchUpQuerySchema,
    responses: {
      "200": {
        description: "A page of pushes; call again with since = next while more",
        schema: "KeyCatchUpResponse",
      },
      "400": err("since is not a non-negative integer"),
    },
  },
  {
    method: "get",
    path: "/v1/stats",
    operationId: "getStats",
    summary: "Counts: uploads, F0 confirmed, F1/F2 notified, phones connected",
    tag: "operations",
    responses: { "200": { description: "The counts", schema: "Stats" }, ...RATE_LIMITED },
  },
  {
    method: "get",
    path: "/v1/operator/counts",
    operationId: "getOperatorCounts",
    summary:
      "What the served design's store holds, counted now from its records: what its operator can learn of the contact graph, each phone's crypto work, the bytes kept",
    tag: "health authority",
    ha: true,
    responses: {
      "200": { description: "The counts", schema: "OperatorCounts" },
      "401": err("Missing, malformed or wrong credential (unauthorized)"),
      "403": err("A credential of another scope: the viewer token or a phone's secret (forbidden)"),
      ...RATE_LIMITED,
    },
  },
  {
    method: "get",
    path: "/v1/openapi.json",
    operationId: "getOpenApi",
    summary: "This document",
    tag: "operations",
    responses: { "200": { description: "OpenAPI 3.1" }, ...RATE_LIMITED },
  },
  {
    method: "get",
    path: "/healthz",
    operationId: "health",
    summary: "200 while the store answers",
    tag: "operations",
    responses: {
      "200": { description: "Healthy", schema: "Health" },
      "503": { description: "The store does not answer", schema: "Health" },
      ...BAD_URL,
    },
  },
  {
    method: "get",
    path: "/metrics",
    operationId: "metrics",
    summary: "Prometheus metrics",
    tag: "operations",
    responses: { "200": { description: "Prometheus text format", text: true }, ...BAD_URL },
  },
];

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The OpenAPI 3.1 document, request and response schemas generated from the zod schemas. */
export function buildOpenApi(
  version: string,
  limits: BodyLimits,
  design: DesignOpenApi | null = null,
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const routes = [
    ...ROUTES.filter((r) => !design?.omit.includes(r.operationId)),
    ...(design?.routes ?? []),
  ];
  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const [name, description] of Object.entries(r.pathParams ?? {})) {
      parameters.push({
        name,
        in: "path",
        required: true,
        description,
        schema: { type: "string" },
      });
    }
    if (r.query) {
      const q = jsonSchema(r.query, "input") as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        parameters.push({
          name,
          in: "query",
          required: q.required?.includes(name) ?? false,
          schema,
        });
      }
    }
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const content = res.schema
        ? { "application/json": { schema: ref(res.schema) } }
        : res.contentType
          ? { [res.contentType]: { schema: { type: "string" } } }
          : res.text
            ? { "text/plain": { schema: { type: "string" } } }
            : status === "304"
              ? undefined
              : { "application/json": { schema: {} } };
      const headers = res.headers
        ? Object.fromEntries(
            Object.entries(res.headers).map(([name, description]) => [
              name,
              { description, schema: { type: "string" } },
            ]),
          )
        : undefined;
      responses[status] = {
        description: res.description,
        ...(headers ? { headers } : {}),
        ...(content ? { content } : {}),
      };
    }
    const op: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              description: `At most ${limits[r.body.limit]} bytes`,
              content: { "application/json": { schema: ref(r.body.schema) } },
            },
          }
        : {}),
      ...(r.ha ? { security: [{ haToken: [] }] } : {}),
      // Public routes say so (security: []), so that every operation states its security.
      ...(!r.ha && !r.phone ? { security: [] } : {}),
      ...(r.phone
        ? {
            security:
              r.operationId === "getUpload"
                ? [{ phoneSecret: [] }, { haToken: [] }]
                : [{ phoneSecret: [] }],
          }
        : {}),
      responses,
    };
    paths[r.path] = { ...paths[r.path], [r.method]: op };
  }
  const schemas: Record<string, unknown> = {};
  const components = { ...COMPONENTS, ...design?.components };
  const used = JSON.stringify(paths);
  for (const [name, [schema, io]] of Object.entries(components)) {
    // A design's document leaves out the schemas only the routes it omits use.
    if (design !== null && !used.includes(`"#/components/schemas/${name}"`)) continue;
    schemas[name] = jsonSchema(schema, io);
    describeProperties(schemas[name], name);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "tracebed matcher",
      version,
      license: { name: "MIT", identifier: "MIT" },
      description:
        design === null ? DOC_DESCRIPTION : `${design.description} ${SHARED_DESCRIPTION}`,
    },
    servers: [
      {
        url: "http://127.0.0.1:8080",
        description: "tracebed serve's default address (--host, --port)",
      },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        haToken: { type: "http", scheme: "bearer", description: "The HA token" },
        phoneSecret: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "Phone <secret>, the secret POST /v1/phones issued to this phone",
        },
      },
    },
    "x-socket-io": socketDoc(),
  };
}

function socketDoc(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [ns, spec] of Object.entries(SOCKET_EVENTS)) {
    const map = (events: Record<string, z.ZodType>) =>
      Object.fromEntries(
        Object.entries(events).map(([e, s]) => {
          const doc = jsonSchema(s, "output");
          describeProperties(doc, `${ns}.${e}`);
          return [e, doc];
        }),
      );
    const handshake = spec.handshake === null ? null : jsonSchema(spec.handshake, "input");
    describeProperties(handshake, `${ns}.handshake`);
    out[ns] = {
      handshakeAuth: handshake,
      serverToClient: map(spec.serverToClient),
      clientToServer: map(spec.clientToServer),
      acks: map(spec.acks),
    };
  }
  return out;
}
