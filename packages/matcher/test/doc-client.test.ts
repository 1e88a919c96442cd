// A client built from the OpenAPI document alone (its paths, security schemes, schemas and
// x-socket-io section) drives one whole flow: two phones register, the HA issues a code, the
// F0 redeems and uploads, the other phone gets the push, uploads, and is notified as F1.
// Every request body, response and Socket.IO payload is validated against the document.
import type { AnySchema } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { io as ioc, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMatcher, type Matcher } from "../src/index.js";
import { HA_TOKEN } from "./helpers/clients.js";
import { idemKey, meet, midnight, TestPhone, today } from "./helpers/phones.js";

// biome-ignore lint/suspicious/noExplicitAny: the document is read as JSON
type Doc = any;

let matcher: Matcher;
let url: string;
let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });

beforeAll(async () => {
  matcher = await createMatcher({
    dataDir: null,
    haToken: HA_TOKEN,
    logLevel: "silent",
    defaultMetrics: false,
  });
  url = (await matcher.listen(0)).url;
  doc = await (await fetch(`${url}/v1/openapi.json`)).json();
  ajv.addSchema({ $id: "doc", components: doc.components } as AnySchema);
});
afterAll(async () => {
  await matcher?.close();
});

/** Validates `value` against a schema of the document; fails the test naming what is wrong. */
function check(schema: object, value: unknown, what: string): void {
  const validate = ajv.compile({ $defs: {}, ...rebase(schema) } as AnySchema);
  expect(validate(value), `${what}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** `#/components/…` refs of the document, as refs into the schema registered as "doc". */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
}

interface Credentials {
  haToken?: string;
  phoneSecret?: string;
}

/** Calls the operation `operationId` as the document describes it. */
async function op(
  operationId: string,
  o: { body?: unknown; params?: Record<string, string>; creds?: Credentials } = {},
) {
  let found: { path: string; method: string; spec: Doc } | null = null;
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Doc>)) {
    for (const [method, spec] of Object.entries(ops as Record<string, Doc>)) {
      if (spec.operationId === operationId) found = { path, method, spec };
    }
  }
  if (found === null) throw new Error(`no operation ${operationId}`);
  const headers: Record<string, string> = {};
  // The first security requirement the caller can meet (none: a public operation).
  for (const requirement of found.spec.security ?? []) {
    const [name] = Object.keys(requirement);
    const scheme = doc.components.securitySchemes[name!];
    if (name === "haToken" && o.creds?.haToken && scheme.scheme === "bearer") {
      headers.authorization = `Bearer ${o.creds.haToken}`;
      break;
    }
    if (name === "phoneSecret" && o.creds?.phoneSecret && scheme.in === "header") {
      headers[scheme.name.toLowerCase()] = `Phone ${o.creds.phoneSecret}`;
      break;
    }
  }
  const init: RequestInit = { method: found.method.toUpperCase(), headers };
  if (o.body !== undefined) {
    const schema = found.spec.requestBody.content["application/json"].schema;
    check(schema, o.body, `${operationId} request`);
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(o.body);
  }
  const path = found.path.replace(/\{(\w+)\}/g, (_, k: string) => o.params![k]!);
  const res = await fetch(url + path, init);
  const body: Doc = await res.json();
  const response = found.spec.responses[String(res.status)];
  expect(response, `${operationId}: status ${res.status} is not in the document`).toBeDefined();
  check(response.content["application/json"].schema, body, `${operationId} ${res.status}`);
  return { status: res.status, body };
}

/** A phone's Socket.IO connection as x-socket-io describes it; payloads validated. */
function connect(auth: unknown) {
  const phones = doc["x-socket-io"]["/"];
  check(phones.handshakeAuth, auth, "handshake");
  const received: { event: string; payload: Doc }[] = [];
  const socket: Socket = ioc(url, {
    transports: ["websocket"], // the document: websocket only
    auth: auth as Record<string, unknown>,
    forceNew: true,
    reconnection: false,
  });
  socket.onAny((event: string, payload: unknown) => {
    check(phones.serverToClient[event], payload, `event ${event}`);
    received.push({ event, payload });
  });
  const until = async (pred: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(pred(), what).toBe(true);
  };
  return { socket, received, until };
}

describe("a client built from the OpenAPI document alone", () => {
  it("completes the flow: F1 notified, a bystander not", async () => {
    const T = today();
    const A = new TestPhone("A", T - 20);
    const B = new TestPhone("B", T - 20);
    meet(A, B, midnight(1) + 9 * 3600, 4, 1);
    const [a, b, c] = await Promise.all([
      op("registerPhone"),
      op("registerPhone"),
      op("registerPhone"),
    ]);
    expect(a.status).toBe(201);
    const config = await op("getConfig");
    expect(config.body.decisionParams.minCloseSeconds).toBe(900);

    const bSocket = connect({ phoneId: b.body.phoneId, secret: b.body.secret });
    const cSocket = connect({ phoneId: c.body.phoneId, secret: c.body.secret });
    await bSocket.until(() => bSocket.received.some((x) => x.event === "ready"), "B ready");

    const code = await op("issueF0Code", {
      body: { caseRef: "doc-1" },
      creds: { haToken: HA_TOKEN },
    });
    expect(code.status).toBe(201);
    const aCreds = { phoneSecret: a.body.secret };
    const redeemed = await op("redeemF0Code", {
      body: { code: code.body.code, phoneId: a.body.phoneId },
      creds: aCreds,
    });
    expect(redeemed.status).toBe(200);
    const f0 = { kind: "f0", uploadToken: redeemed.body.uploadToken };
    const common = (phoneId: string, basis: unknown) => ({
      idempotencyKey: idemKey(),
      phoneId,
      scheme: "bluezone",
      basis,
    });
    expect(
      (
        await op("uploadKeys", {
          body: { ...common(a.body.phoneId, f0), keys: A.keys(T) },
          creds: aCreds,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await op("uploadLog", {
          body: { ...common(a.body.phoneId, f0), log: A.log },
          creds: aCreds,
        })
      ).status,
    ).toBe(201);

    const pushOf = (r: { event: string; payload: Doc }[]) =>
      r
        .find((x) => x.event === "key-pushes")
        ?.payload.find((p: Doc) => p.indexId === redeemed.body.indexId);
    await bSocket.until(() => pushOf(bSocket.received) !== undefined, "A's push at B");
    const push = pushOf(bSocket.received);
    expect(B.hits(push)).toBe(true);
    const exposure = { kind: "exposure", indexIds: [push.indexId] };
    const bCreds = { phoneSecret: b.body.secret };
    await op("uploadKeys", {
      body: { ...common(b.body.phoneId, exposure), keys: B.keys(T) },
      creds: bCreds,
    });
    const ack = await op("uploadLog", {
      body: { ...common(b.body.phoneId, exposure), log: B.log },
      creds: bCreds,
    });
    expect(ack.status).toBe(201);
    const read = await op("getUpload", { params: { uploadId: ack.body.uploadId }, creds: bCreds });
    expect(read.body).toEqual(ack.body);

    await bSocket.until(
      () => bSocket.received.some((x) => x.event === "notification"),
      "B's notification",
    );
    const note = bSocket.received.find((x) => x.event === "notification")!.payload;
    expect(note).toMatchObject({
      role: "F1",
      indexId: push.indexId,
      bestDay: T - 1,
      closeSeconds: 1200,
    });
    await matcher.idle();
    expect(cSocket.received.some((x) => x.event === "notification")).toBe(false);
    bSocket.socket.close();
    cSocket.socket.close();
  });
});
