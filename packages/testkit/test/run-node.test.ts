import { expect, test } from "vitest";
import { runNode } from "../src/run-node.js";

test("runs Node to its end and collects stdout, stderr and the status", async () => {
  const chunks: string[] = [];
  const r = await runNode(
    ["-e", "console.log(process.env.PROBE); console.error('progress'); process.exitCode = 4"],
    { env: { PROBE: "out" }, onStderr: (t) => chunks.push(t) },
  );
  expect(r).toEqual({ status: 4, stdout: "out\n", stderr: "progress\n", timedOut: false });
  expect(chunks.join("")).toBe("progress\n");
});

test("kills a run that outlasts timeoutMs and says so", async () => {
  const r = await runNode(["-e", "console.log('started'); setInterval(() => {}, 1000)"], {
    timeoutMs: 500,
  });
  expect(r).toMatchObject({ status: null, stdout: "started\n", timedOut: true });
});
