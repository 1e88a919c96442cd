import { type AdoptionPreset, simDesignNames } from "@tracebed/sim";
import {
  clampAdoption,
  DEFAULT_STATE,
  estimateAt,
  NetworkView,
  parseState,
  roundShare,
  type StringKey,
  SweepChart,
  simulationKey,
  spans,
  stateToQuery,
  t,
  type ViewState,
} from "@tracebed/viewer";
import { bindExports } from "./chart-exports.js";
import { bindControls, fillDesignSelect, fillScenarioSelect, syncControls } from "./controls.js";
import { $ } from "./dom.js";
import { type JobSpec, sweepGrid } from "./jobs.js";
import { LivePanel } from "./live.js";
import type { PageView, Panel } from "./panels/panel.js";
import { PANELS } from "./panels/registry.js";
import { Cancelled, WorkerPool } from "./pool.js";
import { runSaturation, sampleRegions } from "./saturation.js";
import {
  DEFAULT_SCENARIO,
  letterRanges,
  presetsFor,
  SCENARIO_IDS,
  SCENARIO_JSON,
  scenario,
} from "./scenarios.js";
import type { DesignRow, SimRequest, SimResponse } from "./sim-protocol.js";
import { FIRST_LOOK_AGENTS, type SweepProgress, SweepRunner } from "./sweep-runner.js";

type RunResult = Extract<SimResponse, { type: "run-result" }>;
type DesignsRequest = Extract<SimRequest, { type: "designs" }>;

/** The default adoption: the default scenario's own observed figure (Hưng Yên's 16.53%). */
function defaultState(): ViewState {
  const observed = presetsFor(DEFAULT_SCENARIO).find(
    (p) => p.kind === "observed" && p.scenario === DEFAULT_SCENARIO,
  );
  return {
    ...DEFAULT_STATE,
    scenario: DEFAULT_SCENARIO,
    adoption: observed ? roundShare(observed.shareOfPopulation) : DEFAULT_STATE.adoption,
  };
}

/** Where `tracebed demo` says its matcher is (a meta tag it fills in), if anywhere. */
function demoLiveUrl(): string {
  const content = document
    .querySelector<HTMLMetaElement>('meta[name="tracebed-live"]')
    ?.content.trim();
  if (!content) return "";
  return content === "same-origin" ? location.origin : content;
}

/** The longest the network's run waits for the sweep's first curve after the page loads. */
const FIRST_CURVE_WAIT_MS = 20_000;

/** The live feed's viewer token `tracebed demo` puts beside its URL, if any. */
function demoLiveToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="tracebed-live"]');
  return meta?.dataset.token?.trim() ?? "";
}

export class App {
  private state: ViewState;
  private readonly defaults = defaultState();
  private readonly chart: SweepChart;
  private readonly network: NetworkView;
  private readonly sweepPool: WorkerPool<SimRequest, SimResponse>;
  private readonly runPool: WorkerPool<SimRequest, SimResponse>;
  private readonly sweeps: SweepRunner;
  private readonly live: LivePanel;
  private readonly panels: Panel[];
  private presets: AdoptionPreset[] = [];
  private sweep: SweepProgress | null = null;
  private run: RunResult | null = null;
  /** The run at the slider through every design (null until worked out for `run`). */
  private designs: DesignRow[] | null = null;
  /** The scenario the run at the slider simulated (the state may have moved on since). */
  private runScenario = "";
  private runTimer = 0;
  private runBusy = false;
  private runAgain = false;
  private sweepKey = "";
  private readonly loadStart = performance.now();

  constructor() {
    const parsed = parseState(location.search, this.defaults, SCENARIO_IDS, simDesignNames());
    this.state = parsed.state;
    if (parsed.problems.length > 0) {
      const el = $("#problems");
      el.hidden = false;
      el.dataset.problems = parsed.problems.join("; ");
    }

    // Every core the browser offers sweeps (the run at the slider shares them).
    const workers = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2));
    const simWorker = () =>
      new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module", name: "sim" });
    this.sweepPool = new WorkerPool(workers, simWorker);
    this.runPool = new WorkerPool(1, simWorker);
    this.sweeps = new SweepRunner(this.sweepPool);

    this.chart = new SweepChart($("#chart"), {
      lang: this.state.lang,
      band: this.state.band,
      mode: this.state.mode,
      seeds: this.state.seeds,
      design: this.state.design,
      onPick: (a) => this.update({ adoption: a }),
    });
    this.network = new NetworkView($<HTMLCanvasElement>("#network"), {
      createWorker: () =>
        new Worker(new URL("./layout.worker.ts", import.meta.url), {
          type: "module",
          name: "layout",
        }),
    });
    this.panels = PANELS.map((make) => make(document));
    this.live = new LivePanel(
      $("#live"),
      this.state.lang,
      (url) => this.update({ live: url }),
      demoLiveToken(),
    );

    bindControls({
      state: () => this.state,
      defaults: this.defaults,
      update: (patch) => this.update(patch),
    });
    bindExports({
      state: () => this.state,
      sweep: () => this.sweep,
      chart: this.chart,
      showError: (message) => this.showError(message),
    });
    fillScenarioSelect(this.state);
    fillDesignSelect(this.state);
    this.apply(null);

    const liveUrl = this.state.live || demoLiveUrl();
    if (liveUrl) this.live.connect(liveUrl);
  }

  /** Changes settings: the URL, the screen and the runs follow. */
  update(patch: Partial<ViewState>): void {
    const before = this.state;
    const next = { ...before, ...patch };
    if (patch.adoption !== undefined) next.adoption = clampAdoption(patch.adoption);
    if (JSON.stringify(next) === JSON.stringify(before)) return;
    this.state = next;
    this.apply(before);
  }

  private apply(before: ViewState | null): void {
    const s = this.state;
    history.replaceState(null, "", `${location.pathname}?${stateToQuery(s)}${location.hash}`);
    const changed = (k: keyof ViewState) => before === null || before[k] !== s[k];

    if (changed("lang")) {
      document.documentElement.lang = s.lang;
      this.translate();
      this.live.setLang(s.lang);
    }
    if (changed("scenario")) {
      this.presets = presetsFor(s.scenario);
      this.chart.setOptions(letterRanges(this.presets));
    }
    if (changed("presenter")) {
      document.body.classList.toggle("presenter", s.presenter);
    }
    syncControls(s, this.presets, (patch) => this.update(patch));
    this.chart.setOptions({
      lang: s.lang,
      band: s.band,
      mode: s.mode,
      seeds: s.seeds,
      design: s.design,
    });

    const key = `${simulationKey(s)}|${s.seed}|${s.seeds}`;
    if (key !== this.sweepKey) {
      this.sweepKey = key;
      this.startSweep();
    }
    if (
      before === null ||
      changed("adoption") ||
      changed("seed") ||
      changed("net") ||
      simulationKey(before) !== simulationKey(s)
    ) {
      this.scheduleRun(before === null ? 0 : 120);
    }
    this.renderResults();
  }

  // ---- Sweep -------------------------------------------------------------------------------

  private startSweep(): void {
    const s = this.state;
    const sc = scenario(s.scenario);
    const seeds = Array.from({ length: s.seeds }, (_, i) => s.seed + i);
    this.sweep = null;
    this.chart.setData([]);
    document.body.dataset.sweep = "running";
    const spec = (value: number, seed: number): JobSpec => ({
      mode: s.mode,
      value,
      seed,
      agents: s.agents,
      f0: s.f0,
      f0From: s.f0From,
      ble: s.ble,
      design: s.design,
    });
    this.sweeps.start(
      {
        key: simulationKey(s),
        scenarioId: s.scenario,
        scenario: SCENARIO_JSON[s.scenario],
        grid: sweepGrid(sc, s.mode),
        seeds,
        spec,
        coarseAgents: FIRST_LOOK_AGENTS,
      },
      (progress) => {
        this.sweep = progress;
        this.chart.setData(progress.points);
        const since = () => String(Math.round(performance.now() - this.loadStart));
        const body = document.body.dataset;
        if (progress.points.length > 0 && !body.firstPointMs) body.firstPointMs = since();
        const xs = progress.points.map((p) => p.value);
        if (!body.firstCurveMs && xs.length >= 8 && spans(xs, 0.08, 0.6))
          body.firstCurveMs = since();
        if (progress.finished) {
          document.body.dataset.sweep = "done";
          document.body.dataset.sweepMs = String(Math.round(progress.ms));
        }
        this.renderResults();
      },
      (message) => this.showError(message),
    );
  }

  // ---- One run at the slider's value -------------------------------------------------------

  private scheduleRun(delay: number): void {
    clearTimeout(this.runTimer);
    this.runTimer = window.setTimeout(() => this.startRun(), delay);
  }

  private startRun(): void {
    // The whole curve first: the network's run waits for the sweep's first look (at most
    // FIRST_CURVE_WAIT_MS after loading), so it does not take a core from it.
    const waited = performance.now() - this.loadStart;
    if (!document.body.dataset.firstCurveMs && waited < FIRST_CURVE_WAIT_MS) {
      this.scheduleRun(500);
      return;
    }
    if (this.runBusy) {
      this.runAgain = true;
      return;
    }
    const s = this.state;
    const scenarioId = s.scenario;
    this.runBusy = true;
    this.runAgain = false;
    this.network.setMessage(t(s.lang, "net.computing"));
    const job: JobSpec = {
      mode: s.mode,
      value: s.adoption,
      seed: s.seed,
      agents: s.agents,
      f0: s.f0,
      f0From: s.f0From,
      ble: s.ble,
      design: s.design,
    };
    const scenarioJson = SCENARIO_JSON[s.scenario];
    this.runPool
      .request({ type: "run", scenarioId, scenario: scenarioJson, job, net: s.net })
      .then((res) => {
        if (res.type === "error") throw new Error(res.message);
        if (res.type !== "run-result") return;
        this.run = res;
        this.designs = null;
        this.runScenario = scenarioId;
        document.body.dataset.runMs = String(Math.round(res.ms));
        if (!this.runAgain) {
          this.network.setGraph(res.graph);
          this.startDesigns(res, { type: "designs", scenarioId, scenario: scenarioJson, job });
        }
        this.renderResults();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Cancelled)) this.showError(String(err));
      })
      .finally(() => {
        this.runBusy = false;
        if (this.runAgain) this.startRun();
      });
  }

  /**
   * The run at the slider through every design, once its network is shown (the Worker kept the
   * run, so only the designs' own scans are left); dropped if a newer run has arrived.
   */
  private startDesigns(run: RunResult, request: Omit<DesignsRequest, "id">): void {
    this.runPool
      .request(request)
      .then((res) => {
        if (res.type === "error") throw new Error(res.message);
        if (res.type !== "designs-result" || this.run !== run) return;
        this.designs = res.designs;
        document.body.dataset.designsMs = String(Math.round(res.ms));
        this.renderResults();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Cancelled)) this.showError(String(err));
      });
  }

  // ---- Rendering ---------------------------------------------------------------------------

  private translate(): void {
    const lang = this.state.lang;
    for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
      el.textContent = t(lang, el.dataset.i18n as StringKey);
    }
    const langButton = $("#lang");
    langButton.textContent = t(lang, "app.language");
    langButton.setAttribute("aria-label", t(lang, "app.languageLabel"));
    langButton.setAttribute("lang", lang === "vi" ? "en" : "vi");
    document.title = `tracebed · ${t(lang, "chart.title")}`;
    const problems = $("#problems");
    if (problems.dataset.problems) {
      problems.textContent = t(lang, "app.problems", { list: problems.dataset.problems });
    }
    fillScenarioSelect(this.state);
    fillDesignSelect(this.state);
  }

  /** Every panel and the chart's marker, from one view of the page (panels/panel.ts). */
  private renderResults(): void {
    const s = this.state;
    const points = this.sweep?.points ?? [];
    const headline = estimateAt(points, s.adoption, s.mode);
    // Under a policy the curve is drawn at realised adoption: the marker stands there.
    this.chart.setMarker({
      adoption: headline ? roundShare(headline.adoption) : s.adoption,
      ...(headline ? { values: { f1: headline.f1.mean, f2: headline.f2.mean } } : {}),
    });
    const r = this.run?.result;
    const view: PageView = {
      state: s,
      headline,
      sweep: this.sweep,
      curveF1: this.chart.series("f1").map((p) => ({ x: p.x, y: p.mean })),
      run: r
        ? {
            result: r,
            graph: this.run?.graph,
            scenario: this.runScenario,
            designs: this.designs ?? [],
          }
        : null,
      // Whether the run's sample is too small for its F0, from its own results.
      saturation: r
        ? runSaturation(r, sampleRegions(scenario(this.runScenario), r.agents))
        : undefined,
      workers: this.sweepPool.size,
    };
    for (const panel of this.panels) panel.render(view);
  }

  private showError(message: string): void {
    const el = $("#problems");
    el.hidden = false;
    el.textContent = message;
  }
}
