import type { AdoptionConfig, Saturation, SimResult, SweepPoint } from "@tracebed/sim";

/**
 * One-line warnings on stderr when a request was silently changed (a target capped by the
 * phones there are to install on) or a result is known to fall short (a sample too small for
 * its F0). The same lines go into the `--json` document's `warnings`.
 */

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const int = (x: number) => Math.round(x).toLocaleString("en-US");

const DENOMINATOR_NAME = {
  population: "the population",
  adults: "adults",
  smartphoneUsers: "smartphone users",
} as const;

/** Who can install the app under a policy: smartphone owners (adult ones on an adult target). */
function capName(adoption: AdoptionConfig): string {
  return adoption.mode === "policy" && adoption.denominator === "adults"
    ? "adult smartphone users"
    : "smartphone users";
}

function denominatorName(adoption: AdoptionConfig): string {
  return DENOMINATOR_NAME[adoption.mode === "policy" ? adoption.denominator : "population"];
}

export function writeWarnings(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`tracebed: warning: ${line}\n`);
}

/** A single run's target capped by its denominator (undefined when nothing was capped). */
export function capWarning(
  asked: number | undefined,
  adoption: AdoptionConfig,
  r: SimResult,
): string | undefined {
  if (r.adoption.shortfall <= 0) return undefined;
  const what = asked === undefined ? "the scenario's targets" : `--target ${asked}`;
  const a = r.adoption.realised;
  return `${what} of ${denominatorName(adoption)} capped by ${capName(adoption)}: ${int(r.adoption.shortfall)} app users asked for had no eligible phone in this ${int(r.agents)}-agent sample; realised ${pct(a.population)} of the population, ${pct(a.smartphoneUsers)} of smartphone users`;
}

/** The points of a target sweep whose target was capped, in one line. */
export function sweepCapWarning(
  points: readonly SweepPoint[],
  adoption: AdoptionConfig,
  agents: number,
): string | undefined {
  const capped = points.filter((p) => p.adoptionShortfall.mean > 0);
  if (capped.length === 0) return undefined;
  const last = capped[capped.length - 1]!;
  return `--target (shares of ${denominatorName(adoption)}) capped by ${capName(adoption)} at ${capped.length} of ${points.length} points (${capped.map((p) => p.value).join(", ")}): more app users asked for than there are ${capName(adoption)} to install it; at ${last.value}, ${int(last.adoptionShortfall.mean)} short per ${int(agents)}-agent run, realised ${pct(last.adoption.mean)} of the population`;
}

/** The shared saturation rule (sim's saturation.ts) said in one line for a single run. */
export function saturationWarning(s: Saturation, r: SimResult): string | undefined {
  if (!s.saturated) return undefined;
  const fix =
    s.suggestedAgents > r.agents
      ? `use --agents ${s.suggestedAgents} or more`
      : `use fewer --f0 than ${r.f0}`;
  return `sample too small for its F0: ${pct(s.share)} of the people in the F2's districts are already F1 or F2, so the F2 counts (${int(r.f2.true)} true) fall short of what the whole population would give; ${fix}`;
}

/** The points of a sweep whose runs saturated their sample, in one line. */
export function sweepSaturationWarning(
  points: readonly SweepPoint[],
  agents: number,
): string | undefined {
  const saturated = points.filter((p) => p.saturation?.saturated);
  if (saturated.length === 0) return undefined;
  const worst = Math.max(...saturated.map((p) => p.saturation!.share));
  return `sample too small for its F0 at ${saturated.length} of ${points.length} points (${saturated.map((p) => p.value).join(", ")}): up to ${pct(worst)} of the people in the F2's districts are already F1 or F2, so F2 counts fall short of the whole population's; use more --agents than ${int(agents)} or fewer --f0`;
}
