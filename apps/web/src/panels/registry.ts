import { designPrivacyPanel } from "./design-privacy.js";
import { districtPanel } from "./districts.js";
import { headlinePanel } from "./headline.js";
import { networkCaptionPanel } from "./network-caption.js";
import type { PanelFactory } from "./panel.js";
import { saturationPanel } from "./saturation-note.js";
import { sweepStatusPanel } from "./sweep-status.js";

/**
 * The page's panels, rendered in this order after every change. A new panel is a file in
 * panels/ exporting a PanelFactory, and one line here; the App class does not change.
 */
export const PANELS: readonly PanelFactory[] = [
  headlinePanel,
  designPrivacyPanel,
  saturationPanel,
  networkCaptionPanel,
  sweepStatusPanel,
  districtPanel,
];
