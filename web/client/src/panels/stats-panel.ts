/**
 * Figures for the park or for the selected zone: enterprises by status, revenue and tax year to
 * date, buildings by stage, plant load. Redrawn when topic `stats` brings new figures.
 */
import type { Figures } from "../api/types";
import { SmallChart } from "../chart/chart";
import { compactMoney, formatFlow, formatMoney, formatNumber, formatPercent, formatTime } from "../format/format";
import { enumLabel, translate, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { colorOf, plantColors, stageColors } from "../map/palette";
import { h, replace } from "../ui/dom";
import type { Theme } from "../url/state";

const STAGES = ["Completed", "ToppedOut", "Structure", "Foundation", "Piling", "Planned"] as const;

export interface StatsView {
  scope: string | null;
  scopeName: string;
  figures: Figures | null;
  targets: Record<string, number> | null;
  updatedAt: number | null;
}

export class StatsPanel {
  private chart: SmallChart | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: { lang: () => Lang; theme: () => Theme; backToPark: () => void },
  ) {}

  render(view: StatsView): void {
    const lang = this.deps.lang();
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
    const f = view.figures;
    const head = h(
      "header",
      { class: "stats-head" },
      h("div", {}, h("div", { class: "eyebrow" }, view.scope ? t("stats.zone") : t("stats.park")), h("h2", { id: "stats-title" }, view.scopeName)),
      view.scope ? h("button", { class: "text-button", type: "button", onclick: () => this.deps.backToPark() }, t("stats.backToPark")) : null,
    );
    if (!f) {
      replace(this.root, head, h("p", { class: "muted" }, t("panel.loading")));
      return;
    }
    const e = f.enterprises;
    const tile = (label: MessageKey, value: number, accent?: string) =>
      h("div", { class: "kpi" }, h("div", { class: "kpi-value", style: accent ? `color:${accent}` : null }, formatNumber(lang, value)), h("div", { class: "kpi-label" }, t(label)));
    const money = (label: MessageKey, value: number, target?: number) =>
      h(
        "div",
        { class: "money" },
        h("div", { class: "kpi-label" }, t(label)),
        h("div", { class: "money-value" }, formatMoney(lang, value)),
        target && target > 0 && !view.scope
          ? h("div", { class: "progress", title: formatPercent(lang, value / target) }, h("span", { style: `width:${Math.min(100, (value / target) * 100).toFixed(1)}%` }))
          : null,
      );
    const byStage = f.buildings.byStage;
    const stageCount = (stage: string) => byStage[stage.charAt(0).toLowerCase() + stage.slice(1)] ?? 0;
    const total = Math.max(1, STAGES.reduce((s, st) => s + stageCount(st), 0));
    const load = f.plants.capacity > 0 ? f.plants.inflow / f.plants.capacity : null;
    const loadClass = load === null ? "offline" : load >= 1 ? "overload" : load >= 0.8 ? "busy" : "ok";
    const monthlyBox = h("div", { class: "chart chart-small", id: "stats-chart" });
    replace(
      this.root,
      head,
      h(
        "div",
        { class: "kpis" },
        tile("stats.settled", e.settled),
        tile("stats.inProduction", e.inProduction, "#3fb6a8"),
        tile("stats.underConstruction", e.underConstruction, "#f2a03d"),
        tile("stats.aboveSize", e.aboveDesignatedSize, "#4fa3e0"),
      ),
      h("div", { class: "kpi-note" }, `${t("stats.signed")} ${formatNumber(lang, e.signed)} · ${t("stats.suspended")} ${formatNumber(lang, e.suspended)}`),
      h("div", { class: "eyebrow" }, t("stats.ytd", { year: f.figures.year })),
      h("div", { class: "moneys" }, money("stats.revenue", f.figures.revenue, view.targets?.["revenue"]), money("stats.tax", f.figures.tax, view.targets?.["tax"]), money("stats.exports", f.figures.exports)),
      h("div", { class: "eyebrow" }, t("stats.buildings")),
      h(
        "div",
        { class: "stack", role: "img", "aria-label": t("stats.buildings") },
        ...STAGES.filter((st) => stageCount(st) > 0).map((st) =>
          h("span", { style: `width:${((stageCount(st) / total) * 100).toFixed(2)}%;background:${colorOf(stageColors, st)}`, title: `${enumLabel(lang, "stage", st)} ${stageCount(st)}` }),
        ),
      ),
      h(
        "div",
        { class: "stack-legend" },
        ...STAGES.filter((st) => stageCount(st) > 0).map((st) =>
          h("span", {}, h("i", { style: `background:${colorOf(stageColors, st)}` }), `${enumLabel(lang, "stage", st)} `, h("b", {}, formatNumber(lang, stageCount(st)))),
        ),
      ),
      h("div", { class: "kpi-note" }, t("stats.vacant", { n: formatNumber(lang, f.buildings.vacantCompleted) })),
      ...(f.plants.total > 0
        ? [
            h("div", { class: "eyebrow" }, t("stats.plants")),
            h("div", { class: "bar" }, h("span", { style: `width:${Math.min(100, (load ?? 0) * 100).toFixed(1)}%;background:${plantColors[loadClass]}` })),
            h(
              "div",
              { class: "kpi-note" },
              `${t("stats.plantLoad", { load: formatPercent(lang, load), inflow: formatFlow(lang, f.plants.inflow), capacity: formatFlow(lang, f.plants.capacity) })} · ${t("stats.compliant", { n: f.plants.compliant, total: f.plants.total })}`,
            ),
          ]
        : []),
      f.figures.monthly.length > 0 ? h("div", { class: "eyebrow" }, t("stats.monthly")) : null,
      f.figures.monthly.length > 0 ? monthlyBox : null,
      h("div", { class: "stats-foot" }, view.updatedAt ? t("stats.updated", { time: formatTime(lang, view.updatedAt) }) : ""),
    );
    this.chart?.dispose();
    this.chart = null;
    if (f.figures.monthly.length > 0) {
      this.chart = new SmallChart(monthlyBox, this.deps.theme);
      const rows = f.figures.monthly;
      void this.chart.set({
        categories: rows.map((r) => r.month.slice(5)),
        series: [{ name: t("stats.revenue"), values: rows.map((r) => Math.round(r.revenue)), kind: "bar", color: "#3fb6a8" }],
        axis: (v) => compactMoney(lang, v),
      });
    }
  }
}
