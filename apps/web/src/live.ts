import {
  EVENTS,
  type LiveF0Confirmed,
  type LiveKeyPushed,
  type LiveNotified,
  type Stats,
} from "@tracebed/protocol";
import { formatNumber, type Lang, t } from "@tracebed/viewer";
import type { Socket } from "socket.io-client";
import { openLiveFeed } from "./live-socket.js";

/**
 * Live mode: the matcher's read-only Socket.IO namespace `/live` (the contract is
 * @tracebed/protocol's src/messages/socket.ts): "stats" on connect and every second while
 * counts change, plus "f0-confirmed", "key-pushed" and "notified" as the flow runs. Without a
 * matcher the panel says "not connected" and nothing else happens.
 */

export type LiveEvent =
  | { kind: "f0"; indexId: string; at: number }
  | { kind: "notified"; role: string; indexId: string; at: number }
  | { kind: "keys"; role: string; indexId: string; keyCount: number; at: number };

export type LiveStatus = "idle" | "connecting" | "connected" | "failed";

const MAX_EVENTS = 40;

const short = (id: string) => (id.length > 10 ? `${id.slice(0, 8)}…` : id);

export class LivePanel {
  private socket: Socket | null = null;
  private status: LiveStatus = "idle";
  private url = "";
  private stats: Stats | null = null;
  private events: LiveEvent[] = [];
  private lang: Lang;
  private readonly statusEl: HTMLElement;
  private readonly countsEl: HTMLElement;
  private readonly listEl: HTMLOListElement;
  private readonly emptyEl: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly button: HTMLButtonElement;

  constructor(
    private readonly root: HTMLElement,
    lang: Lang,
    private readonly onUrl: (url: string) => void,
    /** The live feed's viewer token (from `tracebed demo`), sent in the handshake. */
    private readonly token = "",
  ) {
    this.lang = lang;
    root.dataset.status = "idle";
    this.statusEl = root.querySelector<HTMLElement>("[data-live-status]")!;
    this.countsEl = root.querySelector<HTMLElement>("[data-live-counts]")!;
    this.listEl = root.querySelector<HTMLOListElement>("[data-live-events]")!;
    this.emptyEl = root.querySelector<HTMLElement>("[data-live-empty]")!;
    this.input = root.querySelector<HTMLInputElement>("[data-live-url]")!;
    this.button = root.querySelector<HTMLButtonElement>("[data-live-connect]")!;
    root.querySelector("form")!.addEventListener("submit", (e) => {
      e.preventDefault();
      if (this.socket) {
        this.disconnect();
        this.onUrl("");
      } else if (this.input.value.trim() !== "") {
        const url = this.input.value.trim().replace(/\/+$/, "");
        this.connect(url);
        this.onUrl(url);
      }
    });
    this.render();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.render();
  }

  /** Connects to a matcher's base URL (http://host:port); any earlier connection is closed. */
  connect(url: string): void {
    this.disconnect();
    this.url = url;
    this.input.value = url;
    this.setStatus("connecting");
    const socket = openLiveFeed(url, this.token);
    this.socket = socket;
    socket.on("connect", () => this.setStatus("connected"));
    socket.on("disconnect", () => this.setStatus("connecting"));
    socket.on("connect_error", () => this.setStatus("failed"));
    socket.io.on("reconnect_failed", () => this.setStatus("failed"));
    socket.on(EVENTS.stats, (s: Stats) => {
      this.stats = s;
      this.render();
    });
    socket.on(EVENTS.f0Confirmed, (e: LiveF0Confirmed) =>
      this.push({ kind: "f0", indexId: e.indexId, at: e.at }),
    );
    socket.on(EVENTS.notified, (e: LiveNotified) =>
      // The viewer scope does not say through whom (indexId null).
      this.push({ kind: "notified", role: e.role, indexId: e.indexId ?? "", at: e.notifiedAt }),
    );
    socket.on(EVENTS.keyPushed, (e: LiveKeyPushed) =>
      this.push({
        kind: "keys",
        role: e.role,
        indexId: e.indexId,
        keyCount: e.keyCount,
        at: e.pushedAt,
      }),
    );
  }

  disconnect(): void {
    this.socket?.removeAllListeners();
    this.socket?.io.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.setStatus("idle");
  }

  private push(e: LiveEvent): void {
    this.events.unshift(e);
    if (this.events.length > MAX_EVENTS) this.events.length = MAX_EVENTS;
    this.render();
  }

  private setStatus(s: LiveStatus): void {
    this.status = s;
    this.root.dataset.status = s;
    this.render();
  }

  private render(): void {
    const { lang } = this;
    const url = this.url;
    this.statusEl.textContent =
      this.status === "idle"
        ? t(lang, "live.notConnected")
        : this.status === "connecting"
          ? t(lang, "live.connecting", { url })
          : this.status === "connected"
            ? t(lang, "live.connected", { url })
            : t(lang, "live.failed", { url });
    this.button.textContent = t(lang, this.socket ? "live.disconnect" : "live.connect");
    const s = this.stats;
    const cells: [string, number | undefined][] = [
      [t(lang, "live.f0"), s?.f0.confirmed],
      [t(lang, "live.f1"), s?.notifications.f1],
      [t(lang, "live.f2"), s?.notifications.f2],
      [t(lang, "live.phones"), s?.phones.connected],
      [t(lang, "live.uploads"), s?.uploads.stored],
    ];
    this.countsEl.replaceChildren(
      ...cells.map(([label, n]) => {
        const div = document.createElement("div");
        const dt = document.createElement("dt");
        const dd = document.createElement("dd");
        dt.textContent = label;
        dd.textContent = n === undefined ? "–" : formatNumber(n, lang);
        div.append(dt, dd);
        return div;
      }),
    );
    // The list holds one item per event and nothing else; "no events yet" sits beside it.
    this.emptyEl.textContent = t(lang, "live.empty");
    this.emptyEl.hidden = this.events.length > 0;
    this.listEl.replaceChildren(
      ...this.events.map((e) => {
        const li = document.createElement("li");
        const time = new Date(e.at * 1000).toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB");
        const text =
          e.kind === "f0"
            ? t(lang, "live.eventF0", { id: short(e.indexId) })
            : e.kind === "notified"
              ? t(lang, "live.eventNotified", { role: e.role, index: short(e.indexId) })
              : t(lang, "live.eventKeys", {
                  n: e.keyCount,
                  role: e.role,
                  index: short(e.indexId),
                });
        li.textContent = `${time} · ${text}`;
        li.dataset.kind = e.kind;
        return li;
      }),
    );
  }
}
