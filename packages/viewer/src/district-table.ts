import { formatNumber, formatPercent } from "./format.js";
import { type Lang, t } from "./i18n.js";
import { PALETTE } from "./palette.js";

/**
 * The district table of the scenario on screen. Where its letter counts users area by area
 * (Đắk Nông's does): users, population, adoption, the gap to the target, and the extra F1 the
 * app would find per F0 if the area reached the target, read off the simulated detection
 * curve. Where it does not: each area's population, and a line saying there are no figures.
 */

export interface DistrictInput {
  id: string;
  name: string;
  /** App users the letter counts in the area; undefined when it gives none. */
  users?: number;
  population: number;
}

export interface DistrictRow extends Required<DistrictInput> {
  /** users / population. */
  adoption: number;
  /** Share of the population still to install to reach the target (0 if reached). */
  gapShare: number;
  /** The same gap in people. */
  gapPeople: number;
  /** True F1 per F0 × (detection at the target − detection now); undefined without a curve. */
  extraF1PerF0: number | undefined;
}

export interface DistrictModel {
  /** The target as a share of the population (60% of adults → ≈ 43% of the population). */
  targetShare: number;
  /** Share of true F1 the app finds at adoption a (undefined where unknown). */
  detectionAt: (a: number) => number | undefined;
  /** True F1 per F0 in the simulation (undefined until known). */
  trueF1PerF0: number | undefined;
}

function rowOf(d: Required<DistrictInput>, m: DistrictModel): DistrictRow {
  const adoption = d.population > 0 ? d.users / d.population : 0;
  const gapShare = Math.max(0, m.targetShare - adoption);
  const now = m.detectionAt(adoption);
  const then = m.detectionAt(Math.max(adoption, m.targetShare));
  const extraF1PerF0 =
    now === undefined || then === undefined || m.trueF1PerF0 === undefined
      ? undefined
      : Math.max(0, then - now) * m.trueF1PerF0;
  return { ...d, adoption, gapShare, gapPeople: gapShare * d.population, extraF1PerF0 };
}

/** One row per district, then the total (users and people summed, shares recomputed). */
export function districtRows(
  districts: readonly Required<DistrictInput>[],
  model: DistrictModel,
): { rows: DistrictRow[]; total: DistrictRow } {
  const rows = districts.map((d) => rowOf(d, model));
  const users = rows.reduce((a, r) => a + r.users, 0);
  const population = rows.reduce((a, r) => a + r.population, 0);
  const total = rowOf({ id: "total", name: "", users, population }, model);
  // The province's gap is the sum of its districts' gaps (a district above target offsets none).
  total.gapPeople = rows.reduce((a, r) => a + r.gapPeople, 0);
  total.gapShare = population > 0 ? total.gapPeople / population : 0;
  return { rows, total };
}

export interface DistrictTableText {
  /** The caption: it names the scenario's area as scenarios/index.json does. */
  caption: string;
  /** The letter's stated total (57,511), shown beside the districts' sum. */
  statedTotal?: number;
}

/** Renders (or re-renders) the table into `container`. */
export function renderDistrictTable(
  container: HTMLElement,
  districts: readonly DistrictInput[],
  model: DistrictModel,
  text: DistrictTableText,
  lang: Lang,
): void {
  const doc = container.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    content?: string,
    attrs: Record<string, string> = {},
  ): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (content !== undefined) e.textContent = content;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const table = el("table", undefined, {
    "data-testid": "district-table",
    class: "district-table",
  });
  table.append(el("caption", text.caption));
  if (districts.some((d) => d.users === undefined)) {
    populationOnly(table, districts, lang, el);
    container.replaceChildren(table, el("p", t(lang, "district.noFigures"), { class: "note" }));
    return;
  }
  const { rows, total } = districtRows(districts as Required<DistrictInput>[], model);
  const head = el("tr");
  const headers = [
    "district.name",
    "district.users",
    "district.population",
    "district.adoption",
    "district.gap",
    "district.extra",
  ] as const;
  headers.forEach((h, i) => {
    head.append(el("th", t(lang, h), { scope: "col", class: i ? "num" : "" }));
  });
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const tbody = el("tbody");
  const line = (r: DistrictRow, name: string, isTotal: boolean) => {
    const tr = el("tr", undefined, { "data-district": r.id });
    tr.append(el(isTotal ? "th" : "td", name, isTotal ? { scope: "row" } : {}));
    tr.append(el("td", formatNumber(r.users, lang), { class: "num" }));
    tr.append(el("td", formatNumber(r.population, lang), { class: "num" }));
    const adoption = el("td", undefined, { class: "num" });
    const bar = el("span", undefined, {
      "aria-hidden": "true",
      style: `display:inline-block;position:relative;width:72px;height:10px;margin-right:8px;background:#eee;vertical-align:middle`,
    });
    bar.append(
      el("span", undefined, {
        style: `position:absolute;left:0;top:0;bottom:0;width:${Math.min(100, r.adoption * 100).toFixed(1)}%;background:${PALETTE.f1}`,
      }),
      el("span", undefined, {
        style: `position:absolute;top:-2px;bottom:-2px;left:${Math.min(100, model.targetShare * 100).toFixed(1)}%;width:2px;background:${PALETTE.text}`,
      }),
    );
    adoption.append(bar, doc.createTextNode(formatPercent(r.adoption, lang, 1)));
    tr.append(adoption);
    tr.append(
      el(
        "td",
        r.gapPeople > 0
          ? `${formatPercent(r.gapShare, lang, 1)} · ${t(lang, "district.people", { n: formatNumber(Math.round(r.gapPeople / 10) * 10, lang) })}`
          : "0",
        { class: "num" },
      ),
    );
    tr.append(
      el("td", r.extraF1PerF0 === undefined ? "…" : `+${formatNumber(r.extraF1PerF0, lang, 1)}`, {
        class: "num",
      }),
    );
    return tr;
  };
  for (const r of rows) tbody.append(line(r, r.name, false));
  table.append(tbody);
  const tfoot = el("tfoot");
  tfoot.append(line(total, t(lang, "district.total"), true));
  table.append(tfoot);
  const note = el(
    "p",
    t(lang, "district.note", {
      target: formatPercent(model.targetShare, lang, 1),
      sum: formatNumber(total.users, lang),
      stated: formatNumber(text.statedTotal ?? total.users, lang),
      diff: formatNumber(total.users - (text.statedTotal ?? total.users), lang),
    }),
    { class: "note" },
  );
  container.replaceChildren(table, note);
}

type El = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  content?: string,
  attrs?: Record<string, string>,
) => HTMLElementTagNameMap[K];

/** The areas and their people, with the total, for a scenario without user counts. */
function populationOnly(
  table: HTMLTableElement,
  districts: readonly DistrictInput[],
  lang: Lang,
  el: El,
): void {
  const head = el("tr");
  head.append(
    el("th", t(lang, "district.name"), { scope: "col" }),
    el("th", t(lang, "district.population"), { scope: "col", class: "num" }),
  );
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  for (const d of districts) {
    const tr = el("tr", undefined, { "data-district": d.id });
    tr.append(el("td", d.name), el("td", formatNumber(d.population, lang), { class: "num" }));
    tbody.append(tr);
  }
  const tfoot = el("tfoot");
  const total = el("tr", undefined, { "data-district": "total" });
  const people = districts.reduce((a, d) => a + d.population, 0);
  total.append(
    el("th", t(lang, "district.total"), { scope: "row" }),
    el("td", formatNumber(people, lang), { class: "num" }),
  );
  tfoot.append(total);
  table.append(thead, tbody, tfoot);
}
