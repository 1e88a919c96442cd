/**
 * Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"): told apart by people with
 * the common colour-vision deficiencies. Every role also has its own shape or dash, so
 * nothing on screen depends on colour alone.
 */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

/** What each thing on screen is drawn with. */
export const PALETTE = {
  f0: OKABE_ITO.vermillion,
  f1: OKABE_ITO.blue,
  f2: OKABE_ITO.bluishGreen,
  reference: "#555555",
  edgeDetected: "#1f1f1f",
  edgeMissed: "#8c8c8c",
  marker: OKABE_ITO.black,
  observed: "#e9eef3",
  target: "#f6efe0",
  grid: "#e4e4e4",
  axis: "#333333",
  text: "#1a1a1a",
  muted: "#5c5c5c",
  background: "#ffffff",
} as const;

/** The network view's node roles: index case, contact of an F0, contact of an F1. */
export type Role = 0 | 1 | 2;

export const ROLE_COLOURS: readonly [string, string, string] = [PALETTE.f0, PALETTE.f1, PALETTE.f2];

/** Shapes by role: F0 a triangle, F1 a circle, F2 a square. */
export const ROLE_SHAPES = ["triangle", "circle", "square"] as const;
export type Shape = (typeof ROLE_SHAPES)[number];

/** Relative luminance (WCAG 2.x) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
