// `tracebed load` refuses a matcher that judges with other decision parameters than the run,
// in one line; an equal one passes.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_DECISION_PARAMS, type ServerConfig } from "@tracebed/protocol";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkCalibration } from "../src/calibration.js";

let config: ServerConfig = {
  design: "bluezone",
  decisionParams: DEFAULT_DECISION_PARAMS,
  f0Codes: { digits: 10, ttlSeconds: 3600 },
};
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(config));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("passes a matcher calibrated as the run, refuses another in one line", async () => {
  await expect(checkCalibration([url], DEFAULT_DECISION_PARAMS)).resolves.toBeUndefined();
  config = {
    ...config,
    decisionParams: {
      ...DEFAULT_DECISION_PARAMS,
      pathLoss: { ...DEFAULT_DECISION_PARAMS.pathLoss, exponent: 2.5 },
    },
  };
  const err = await checkCalibration([url], DEFAULT_DECISION_PARAMS).catch((e: Error) => e);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toMatch(
    /judges with other decision parameters than this run \(pathLoss\.exponent 2\.5 on the server, 2 in the run\): start it with the same --scenario$/,
  );
  expect((err as Error).message).not.toContain("\n");
});

it("refuses a matcher of another design in one line", async () => {
  const saved = config;
  config = { ...config, design: "gaen" };
  const err = await checkCalibration([url], config.decisionParams).catch((e: Error) => e);
  expect((err as Error).message).toMatch(/serves the gaen design, this run is bluezone/);
  await expect(checkCalibration([url], config.decisionParams, "gaen")).resolves.toBeUndefined();
  config = saved;
});

it("refuses, in one line, a matcher that runs another design than the run's phones", async () => {
  const saved = config;
  config = { ...config, decisionParams: DEFAULT_DECISION_PARAMS, design: "bluetrace" };
  await expect(
    checkCalibration([url], DEFAULT_DECISION_PARAMS, "bluetrace"),
  ).resolves.toBeUndefined();
  const err = await checkCalibration([url], DEFAULT_DECISION_PARAMS).catch((e: Error) => e);
  expect((err as Error).message).toMatch(/serves the bluetrace design, this run is bluezone/);
  expect((err as Error).message).not.toContain("\n");
  config = saved;
});
