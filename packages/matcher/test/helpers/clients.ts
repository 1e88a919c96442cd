// Socket.IO phone clients and the HTTP side of a phone, for the matcher's tests.
import {
  EVENTS,
  type KeyPush,
  type KeyPushFrame,
  type Notification,
  type PhoneHandshake,
  type Ready,
} from "@tracebed/protocol";
import { io, type Socket } from "socket.io-client";
import { call } from "./http.js";
import { idemKey, type TestPhone, today } from "./phones.js";

export const HA_TOKEN = "test-ha-token-0123456789";
export const HA = { authorization: `Bearer ${HA_TOKEN}` };

/** A phone connected to a matcher's push channel, recording what it receives. */
export class PhoneClient {
  /** Registers the phone (once) and connects it. */
  static async open(phone: TestPhone, socketUrl: string, httpUrl = socketUrl) {
    await phone.register(httpUrl);
    return new PhoneClient(phone, socketUrl, httpUrl);
  }

  readonly socket: Socket;
  readonly pushes: KeyPush[] = [];
  /** Key-push frames received (a frame may carry several pushes). */
  frames = 0;
  readonly notifications: Notification[] = [];
  ready: Ready | null = null;
  private waiters: (() => void)[] = [];

  /** The phone must be registered (see open). */
  constructor(
    readonly phone: TestPhone,
    socketUrl: string,
    readonly httpUrl: string = socketUrl,
  ) {
    this.socket = io(socketUrl, {
      transports: ["websocket"],
      auth: { phoneId: phone.phoneId, secret: phone.secret } satisfies PhoneHandshake,
      reconnection: false,
      forceNew: true,
    });
    this.socket.on(EVENTS.ready, (r: Ready) => {
      this.ready = r;
      this.wake();
    });
    this.socket.on(EVENTS.keyPushes, (frame: KeyPushFrame) => {
      this.frames++;
      for (const p of frame) if (!this.pushes.some((q) => q.seq === p.seq)) this.pushes.push(p);
      this.wake();
    });
    this.socket.on(EVENTS.notification, (n: Notification) => {
      if (!this.notifications.some((m) => m.notificationId === n.notificationId)) {
        this.notifications.push(n);
      }
      this.wake();
    });
  }

  /** Resolves when `predicate` holds (checked on every event), or rejects after timeoutMs. */
  async until(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const started = Date.now();
    while (!predicate()) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${this.phone.name}: timed out waiting for ${what}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  connected(): Promise<void> {
    return this.until(() => this.ready !== null, EVENTS.ready);
  }

  /** The phone's side of docs/PROTOCOL.md step 4: if its log holds IDs of this push, upload. */
  async onPush(push: KeyPush): Promise<boolean> {
    if (!this.phone.hits(push)) return false;
    await this.upload({ kind: "exposure", indexIds: [push.indexId] });
    return true;
  }

  /** Uploads keys then log with this basis; returns both acknowledgements. */
  async upload(basis: unknown) {
    const common = { phoneId: this.phone.phoneId, scheme: "bluezone", basis };
    const keys = await call(
      this.httpUrl,
      "POST",
      "/v1/uploads/keys",
      { idempotencyKey: idemKey(), ...common, keys: this.phone.keys(today()) },
      this.phone.auth,
    );
    const log = await call(
      this.httpUrl,
      "POST",
      "/v1/uploads/log",
      { idempotencyKey: idemKey(), ...common, log: this.phone.log },
      this.phone.auth,
    );
    if (keys.status !== 201 || log.status !== 201) {
      throw new Error(
        `${this.phone.name}: upload refused ${keys.status} ${JSON.stringify(keys.body)} ${log.status} ${JSON.stringify(log.body)}`,
      );
    }
    return { keys: keys.body, log: log.body };
  }

  close(): void {
    this.socket.close();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** HA issues a code, the (registered) phone redeems it: returns the redeem response. */
export async function confirmF0(httpUrl: string, phone: TestPhone, caseRef = "case-1") {
  await phone.register(httpUrl);
  const code = await call(httpUrl, "POST", "/v1/f0-codes", { caseRef }, HA);
  if (code.status !== 201) throw new Error(`code: ${code.status} ${JSON.stringify(code.body)}`);
  const redeemed = await call(
    httpUrl,
    "POST",
    "/v1/f0-codes/redeem",
    { code: code.body.code, phoneId: phone.phoneId },
    phone.auth,
  );
  if (redeemed.status !== 200) {
    throw new Error(`redeem: ${redeemed.status} ${JSON.stringify(redeemed.body)}`);
  }
  return redeemed.body as { indexId: string; uploadToken: string; windowEnd: number };
}

/** A freshly registered phone's id and credential header, for raw HTTP calls. */
export async function registered(httpUrl: string) {
  const r = await call(httpUrl, "POST", "/v1/phones");
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
  const { phoneId, secret } = r.body as { phoneId: string; secret: string };
  return { phoneId, secret, auth: { authorization: `Phone ${secret}` } };
}
