/**
 * The contact-tracing designs tracebed runs side by side (one registry line each):
 * `bluezone` (the hybrid flow, default), `gaen` (decentralised exports), `bluetrace`
 * (central server, encrypted TempIDs).
 */
export const DESIGN_NAMES = ["bluezone", "gaen", "bluetrace"] as const;
export type DesignName = (typeof DESIGN_NAMES)[number];

export function isDesignName(name: string): name is DesignName {
  return (DESIGN_NAMES as readonly string[]).includes(name);
}
