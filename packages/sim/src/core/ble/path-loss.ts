// TEMPORARY until @tracebed/protocol exports rssiAtDistance (decide's inverse).
export function rssiAtDistance(
  distance: number,
  txPower: number,
  p: { oneMeterLossDb: number; pathLossExponent: number },
): number {
  return txPower + p.oneMeterLossDb - 10 * p.pathLossExponent * Math.log10(distance);
}
