// The browser bundle (built by build.mjs) must run with no Node built-ins: load it into a fresh
// vm context that has only what a browser Worker has and reproduce published IDs there.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { BASE_ID, DAY2_SLOTS_0_1_2 } from "../ids/fixtures/bluezone.js";
import { ADVERTISED, CTINTERVAL_NUMBER_OF_GENERATED_KEY } from "../ids/fixtures/gaen-v1.2.js";

const bundlePath = fileURLToPath(new URL("../../dist/browser/protocol.js", import.meta.url));

interface Api {
  fromHex(hex: string): Uint8Array;
  toHex(b: Uint8Array): string;
  gaenRpis(tek: Uint8Array, first: number, count: number): Uint8Array;
  bluezone: {
    dailyKey(k: Uint8Array, d: number): Uint8Array;
    ids(k: Uint8Array, u: number, s: number, n: number): Uint8Array;
  };
}

function loadBundle() {
  if (!existsSync(bundlePath)) {
    throw new Error(`${bundlePath} is missing: run \`npm run build -w @tracebed/protocol\``);
  }
  const context = createContext({ TextEncoder, TextDecoder, console });
  runInContext(readFileSync(bundlePath, "utf8"), context, { filename: "protocol.js" });
  return { context, api: context.TracebedProtocol as Api };
}

describe("browser bundle", () => {
  it("runs in a context without require, process or Buffer", () => {
    const { context } = loadBundle();
    for (const name of ["require", "process", "Buffer", "module", "global"]) {
      expect(runInContext(`typeof ${name}`, context)).toBe("undefined");
    }
  });

  it("reproduces published GAEN RPIs", () => {
    const { api } = loadBundle();
    const tek = api.fromHex("75c734c6dd1a782de7a965da5eb93125");
    const rpis = api.gaenRpis(tek, CTINTERVAL_NUMBER_OF_GENERATED_KEY + 10, 3);
    expect(api.toHex(rpis)).toBe(
      ADVERTISED.slice(10, 13)
        .map(([rpi]) => rpi)
        .join(""),
    );
  });

  it("reproduces Bluezone IDs", () => {
    const { api } = loadBundle();
    const day2 = api.bluezone.dailyKey(api.fromHex(BASE_ID), 2);
    expect(api.toHex(api.bluezone.ids(day2, 0, 0, 3))).toBe(DAY2_SLOTS_0_1_2.join(""));
  });
});
