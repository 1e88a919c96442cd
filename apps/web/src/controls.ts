// The page's controls: the adoption slider and its keys, the settings, the scenario list, the
// letters' presets, language, presenter mode and reset. Each control changes the state through
// `update`; `syncControls` shows the state on them.
import { type AdoptionPreset, simDesignNames } from "@tracebed/sim";
import {
  formatPercent,
  LIMITS,
  presetText,
  roundShare,
  stepAdoption,
  t,
  type ViewState,
} from "@tracebed/viewer";
import { $ } from "./dom.js";
import { SCENARIO_IDS, scenario, scenarioName, smartphoneShare } from "./scenarios.js";

/** What the controls read and change. */
export interface ControlsHost {
  state(): ViewState;
  readonly defaults: ViewState;
  update(patch: Partial<ViewState>): void;
}

/** Listens to every control once; each change is a patch of the state. */
export function bindControls(host: ControlsHost): void {
  bindAdoption(host);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
    r.addEventListener("change", () => {
      if (r.checked) host.update({ mode: r.value as ViewState["mode"] });
    });
  }
  const scenarioSelect = $<HTMLSelectElement>("#scenario");
  scenarioSelect.addEventListener("change", () => host.update({ scenario: scenarioSelect.value }));
  const designSelect = $<HTMLSelectElement>("#design");
  designSelect.addEventListener("change", () =>
    host.update({ design: designSelect.value as ViewState["design"] }),
  );
  bindSettings(host);
  $("#lang").addEventListener("click", () =>
    host.update({ lang: host.state().lang === "vi" ? "en" : "vi" }),
  );
  $("#presenter").addEventListener("click", () =>
    host.update({ presenter: !host.state().presenter }),
  );
  $("#reset").addEventListener("click", () => {
    const s = host.state();
    host.update({ ...host.defaults, lang: s.lang, presenter: s.presenter, live: s.live });
  });
}

/** The slider, and its arrow, page and home/end keys (viewer's stepAdoption). */
function bindAdoption(host: ControlsHost): void {
  const slider = $<HTMLInputElement>("#adoption");
  slider.addEventListener("input", () => host.update({ adoption: Number(slider.value) }));
  slider.addEventListener("keydown", (e) => {
    const next = stepAdoption(host.state().adoption, e.key, e.shiftKey);
    if (next === undefined) return;
    e.preventDefault();
    host.update({ adoption: next });
  });
}

/** The numeric settings (within their LIMITS) and the choices. */
function bindSettings(host: ControlsHost): void {
  const int = (id: string, key: "seed" | "seeds" | "agents" | "f0" | "net") => {
    const el = $<HTMLInputElement>(id);
    el.addEventListener("change", () => {
      const v = Math.round(Number(el.value));
      const { min, max } = LIMITS[key];
      if (!Number.isFinite(v)) return;
      host.update({ [key]: Math.min(max, Math.max(min, v)) });
    });
  };
  int("#seed", "seed");
  int("#seeds", "seeds");
  int("#agents", "agents");
  int("#f0", "f0");
  int("#net", "net");
  const choice = <K extends "f0From" | "ble" | "band">(id: string, key: K) => {
    const el = $<HTMLSelectElement>(id);
    el.addEventListener("change", () => host.update({ [key]: el.value } as Partial<ViewState>));
  };
  choice("#f0from", "f0From");
  choice("#ble", "ble");
  choice("#band", "band");
}

/** The scenario list, in the page's language (scenarios/index.json's order). */
export function fillScenarioSelect(s: ViewState): void {
  const select = $<HTMLSelectElement>("#scenario");
  select.replaceChildren(
    ...SCENARIO_IDS.map((id) => {
      const o = document.createElement("option");
      o.value = id;
      o.textContent = scenarioName(id, s.lang);
      return o;
    }),
  );
  select.value = s.scenario;
}

/** The designs the simulator runs, named in the page's language. */
export function fillDesignSelect(s: ViewState): void {
  const select = $<HTMLSelectElement>("#design");
  select.replaceChildren(
    ...simDesignNames().map((name) => {
      const o = document.createElement("option");
      o.value = name;
      o.textContent = t(s.lang, `design.${name}`);
      return o;
    }),
  );
  select.value = s.design;
}

/** Shows the state on the controls (but the one being typed in). */
export function syncControls(
  s: ViewState,
  presets: readonly AdoptionPreset[],
  update: ControlsHost["update"],
): void {
  const slider = $<HTMLInputElement>("#adoption");
  if (Number(slider.value) !== s.adoption) slider.value = String(s.adoption);
  const valueText = t(s.lang, "controls.adoptionValue", {
    pct: formatPercent(s.adoption, s.lang),
  });
  slider.setAttribute("aria-valuetext", valueText);
  $("#adoption-value").textContent = formatPercent(s.adoption, s.lang);
  for (const r of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
    r.checked = r.value === s.mode;
  }
  $<HTMLSelectElement>("#scenario").value = s.scenario;
  $<HTMLSelectElement>("#design").value = s.design;
  const set = (id: string, v: string | number) => {
    const el = $<HTMLInputElement | HTMLSelectElement>(id);
    if (document.activeElement !== el) el.value = String(v);
  };
  set("#seed", s.seed);
  set("#seeds", s.seeds);
  set("#agents", s.agents);
  set("#f0", s.f0);
  set("#net", s.net);
  set("#f0from", s.f0From);
  set("#ble", s.ble);
  set("#band", s.band);
  const presenter = $("#presenter");
  presenter.setAttribute("aria-pressed", String(s.presenter));
  presenter.textContent = t(s.lang, s.presenter ? "app.presenterOff" : "app.presenter");
  $("#presets").replaceChildren(...presets.map((p) => presetButton(p, s, update)));
}

/** One letter's figure as a button that moves the slider to it. */
function presetButton(
  p: AdoptionPreset,
  s: ViewState,
  update: ControlsHost["update"],
): HTMLButtonElement {
  const text = presetText(p, s.lang);
  const b = document.createElement("button");
  b.type = "button";
  b.className = "preset";
  b.dataset.kind = p.kind;
  b.dataset.share = String(roundShare(p.shareOfPopulation));
  b.dataset.preset = p.id;
  b.setAttribute("aria-pressed", String(Math.abs(p.shareOfPopulation - s.adoption) < 5e-5));
  b.title = p.label[s.lang];
  const span = (cls: string, content: string) => {
    const e = document.createElement("span");
    e.className = cls;
    e.textContent = content;
    return e;
  };
  const title = span("title", "");
  title.append(
    span(
      "kind",
      t(s.lang, p.kind === "target" ? "controls.presetTarget" : "controls.presetObserved"),
    ),
    document.createTextNode(text.title),
  );
  b.append(
    span("value", text.value),
    title,
    span("stated", text.stated),
    span("letter", text.letter),
  );
  if (!p.reachableWithSmartphones) {
    const smartphones = smartphoneShare(scenario(s.scenario));
    b.append(
      span(
        "warn",
        `⚠ ${t(s.lang, "controls.unreachable", { pct: formatPercent(smartphones, s.lang, 0) })}`,
      ),
    );
  }
  b.addEventListener("click", () => update({ adoption: roundShare(p.shareOfPopulation) }));
  return b;
}
