/**
 * The side panel for the selected twin: its state, its relations (from `/related`) and its recent
 * readings or monthly figures as a small chart. Re-renders when the twin changes live.
 */
import { api } from "../api/client";
import type { Related, TwinFeature, TwinRef } from "../api/types";
import { SmallChart, type ChartData } from "../chart/chart";
import { formatClock, formatTime } from "../format/format";
import { displayName, enumLabel, translate, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { EffluentReading } from "../map/classify";
import { h, replace } from "../ui/dom";
import type { Theme } from "../url/state";
import { fields, kindLabel, title } from "./describe";

export interface DetailsDeps {
  lang: () => Lang;
  theme: () => Theme;
  twin: (id: string) => TwinFeature | undefined;
  select: (id: string | null) => void;
}

/**
 * A plant's readings to chart, oldest first: its recent readings (read with the twin, each live
 * `latest` appended by the store, see `live/recent-readings.ts`), or the latest alone.
 */
function plantReadings(feature: TwinFeature): EffluentReading[] {
  const p = feature.properties;
  const recent = Array.isArray(p["recent"]) ? (p["recent"] as EffluentReading[]) : [];
  const latest = p["latest"] as EffluentReading | null | undefined;
  return recent.length > 0 ? recent : latest ? [latest] : [];
}

function readingsChart(lang: Lang, feature: TwinFeature): ChartData | null {
  const p = feature.properties;
  if (p.kind === "plant") {
    const rows = plantReadings(feature);
    if (rows.length === 0) {
      return null;
    }
    return {
      categories: rows.map((r) => formatClock(r.at)),
      series: [
        { name: `${enumLabel(lang, "reading", "inflow")} (t/d)`, values: rows.map((r) => r.inflow ?? null), kind: "bar", color: "#4f8fe0", right: true },
        { name: "COD (mg/L)", values: rows.map((r) => r.cod ?? null), kind: "line", color: "#f2c14e" },
        { name: `${enumLabel(lang, "reading", "ammonia")} (mg/L)`, values: rows.map((r) => r.ammonia ?? null), kind: "line", color: "#e5484d" },
      ],
    };
  }
  if (p.kind === "enterprise" && Array.isArray(p["figures"])) {
    const rows = p["figures"] as { month: string; revenue: number; tax: number }[];
    if (rows.length === 0) {
      return null;
    }
    return {
      categories: rows.map((r) => r.month.slice(5)),
      series: [
        { name: translate(lang, "stats.revenue"), values: rows.map((r) => r.revenue), kind: "bar", color: "#3fb6a8" },
        { name: translate(lang, "stats.tax"), values: rows.map((r) => r.tax), kind: "line", color: "#f2c14e", right: true },
      ],
    };
  }
  if (p.kind === "station" && Array.isArray(p["recent"])) {
    const rows = p["recent"] as { at?: string; values?: Record<string, number> }[];
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r.values ?? {})))].slice(0, 3);
    const colors = ["#3fb6a8", "#f2c14e", "#e5484d"];
    return rows.length === 0
      ? null
      : {
          categories: rows.map((r) => formatClock(r.at)),
          series: keys.map((k, i) => ({ name: enumLabel(lang, "reading", k), values: rows.map((r) => r.values?.[k] ?? null), kind: "line" as const, color: colors[i] ?? "#888" })),
        };
  }
  return null;
}

export class DetailsPanel {
  private feature: TwinFeature | null = null;
  private related: Related | null = null;
  private abort: AbortController | null = null;
  private chart: SmallChart | null = null;
  private readonly body: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: DetailsDeps,
  ) {
    this.body = h("div", { class: "details-body" });
    root.append(this.body);
  }

  get current(): string | null {
    return this.feature?.id ?? null;
  }

  /** The times of the readings the shown plant's chart holds (for tests). */
  readingTimes(): string[] {
    return this.feature?.properties.kind === "plant" ? plantReadings(this.feature).map((r) => r.at ?? "") : [];
  }

  show(feature: TwinFeature): void {
    const same = this.feature?.id === feature.id;
    this.feature = feature;
    this.root.hidden = false;
    document.body.classList.add("has-details");
    if (!same) {
      this.related = null;
      this.abort?.abort();
      this.abort = new AbortController();
      const signal = this.abort.signal;
      api
        .related(feature.id, signal)
        .then((related) => {
          if (this.feature?.id === feature.id) {
            this.related = related;
            this.render();
          }
        })
        .catch((error: unknown) => {
          if (!signal.aborted) {
            console.warn("related failed", error);
          }
        });
    }
    this.render();
  }

  /** A newer state of the shown twin. */
  refresh(feature: TwinFeature): void {
    if (this.feature?.id === feature.id) {
      this.feature = feature;
      this.render();
    }
  }

  hide(): void {
    this.feature = null;
    this.abort?.abort();
    this.chart?.dispose();
    this.chart = null;
    this.root.hidden = true;
    document.body.classList.remove("has-details");
  }

  relabel(): void {
    if (this.feature) {
      this.render();
    }
  }

  private render(): void {
    const feature = this.feature;
    if (!feature) {
      return;
    }
    const lang = this.deps.lang();
    const t = (key: MessageKey) => translate(lang, key);
    const chartData = readingsChart(lang, feature);
    const chartBox = h("div", { class: "chart", id: "details-chart" });
    this.chart?.dispose();
    this.chart = null;
    replace(
      this.body,
      h(
        "header",
        { class: "details-head" },
        h("div", { class: `chip chip-${feature.properties.kind}` }, kindLabel(lang, feature)),
        h("button", { class: "icon-button", type: "button", title: t("panel.close"), "aria-label": t("panel.close"), onclick: () => this.deps.select(null) }, "×"),
      ),
      h("h2", { id: "details-title", class: "details-title" }, title(lang, feature)),
      h("div", { class: "details-sub" }, lang === "zh" ? (feature.properties.nameEn ?? "") : (feature.properties.name ?? "")),
      h("div", { class: "details-id" }, feature.id),
      h("section", { class: "details-section" }, h("h3", {}, t("panel.state")), this.fieldList(lang, feature)),
      this.relations(lang),
      feature.properties.kind === "plant" || feature.properties.kind === "enterprise" || feature.properties.kind === "station"
        ? h(
            "section",
            { class: "details-section" },
            h("h3", {}, feature.properties.kind === "enterprise" ? t("panel.figures") : t("panel.readings")),
            chartData ? chartBox : h("p", { class: "muted" }, t("panel.noReadings")),
          )
        : null,
      h(
        "footer",
        { class: "details-foot" },
        `${t("panel.version")} ${feature.properties.version} · ${t("panel.updated")} ${formatTime(lang, feature.properties.updatedAt ?? null)}`,
      ),
    );
    if (chartData) {
      this.chart = new SmallChart(chartBox, this.deps.theme);
      void this.chart.set(chartData);
    }
  }

  private fieldList(lang: Lang, feature: TwinFeature): HTMLElement {
    const zoneId = feature.properties.zoneId;
    const zone = typeof zoneId === "string" ? this.deps.twin(zoneId) : undefined;
    const rows = fields(lang, feature);
    const list = h("dl", { class: "fields" });
    for (const field of rows) {
      list.append(h("dt", {}, field.label), h("dd", { class: field.tone ? `tone-${field.tone}` : "" }, field.value));
    }
    if (zone && feature.properties.kind !== "zone") {
      list.append(h("dt", {}, translate(lang, "panel.zone")), h("dd", {}, this.link(lang, zone.id, displayName(lang, zone.properties, zone.id))));
    }
    return list;
  }

  private link(lang: Lang, id: string, fallback: string | null): HTMLElement {
    const twin = this.deps.twin(id);
    const name = twin ? displayName(lang, twin.properties, id) : (fallback ?? id);
    return h("a", { href: `#/?sel=${id}`, class: "twin-link", onclick: (e: Event) => {
          e.preventDefault();
          this.deps.select(id);
        } }, name);
  }

  private refList(lang: Lang, label: MessageKey, refs: (TwinRef | null)[] | null | undefined): HTMLElement | null {
    const present = (refs ?? []).filter((r): r is TwinRef => r !== null);
    if (refs === undefined) {
      return null;
    }
    return h(
      "div",
      { class: "relation" },
      h("div", { class: "relation-label" }, translate(lang, label)),
      present.length === 0
        ? h("div", { class: "muted" }, translate(lang, "panel.none"))
        : h("div", { class: "relation-links" }, ...present.slice(0, 24).map((r) => this.link(lang, r.id, r.name))),
    );
  }

  private relations(lang: Lang): HTMLElement {
    const related = this.related;
    const section = h("section", { class: "details-section" }, h("h3", {}, translate(lang, "panel.relations")));
    if (!related) {
      section.append(h("p", { class: "muted" }, translate(lang, "panel.loading")));
      return section;
    }
    const single = (label: MessageKey, ref: TwinRef | null | undefined) => (ref === undefined ? null : this.refList(lang, label, [ref]));
    const parts = [
      related.kind === "building" ? single("panel.tenant", related.tenant) : null,
      this.refList(lang, "panel.buildings", related.buildings),
      this.refList(lang, "panel.zonesServed", related.zonesServed),
      this.refList(lang, "panel.plants", related.plants),
      this.refList(lang, "panel.zones", related.zones),
      related.members ? h("div", { class: "relation" }, h("div", { class: "relation-label" }, translate(lang, "panel.members")), h("div", {}, String(related.members.length))) : null,
    ].filter((p): p is HTMLElement => p !== null);
    section.append(...parts);
    return section;
  }
}
