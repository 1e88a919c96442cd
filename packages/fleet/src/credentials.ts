import type { PhoneRegistration } from "@tracebed/protocol";
import { postJson } from "./http.js";
import { Limiter } from "./limiter.js";

/** The credentials the matcher issued this process's phones, by agent. */
export interface Credentials {
  phoneIdOf(agent: number): string;
  secretOf(agent: number): string;
  /** The header every phone HTTP request carries (`Authorization: Phone <secret>`). */
  authOf(agent: number): { authorization: string };
}

/**
 * Registers each of `phones` with the matcher it talks to (`POST /v1/phones`), which issues
 * its id and secret; at most `concurrency` registrations at once.
 */
export async function registerPhones(
  phones: readonly number[],
  agents: Int32Array,
  urlOf: (p: number) => string,
  concurrency: number,
): Promise<Credentials> {
  const issued = new Map<number, PhoneRegistration>();
  const limiter = new Limiter(concurrency);
  await Promise.all(
    phones.map((p) =>
      limiter.run(async () => {
        issued.set(
          agents[p]!,
          await postJson<PhoneRegistration>(urlOf(p), "/v1/phones", {}, {}, 3),
        );
      }),
    ),
  );
  const of = (agent: number) => {
    const c = issued.get(agent);
    if (c === undefined) throw new Error(`agent ${agent}: no phone registered in this process`);
    return c;
  };
  return {
    phoneIdOf: (agent) => of(agent).phoneId,
    secretOf: (agent) => of(agent).secret,
    authOf: (agent) => ({ authorization: `Phone ${of(agent).secret}` }),
  };
}
