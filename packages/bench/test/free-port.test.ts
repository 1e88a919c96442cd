import { createServer } from "node:net";
import { expect, test } from "vitest";
import { freePort } from "../src/processes/free-port.js";

test("a port that can be bound on 127.0.0.1", async () => {
  const port = await freePort();
  expect(port).toBeGreaterThan(0);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
