/**
 * The wall's charts (ECharts): monthly revenue and tax, construction progress, plant load against
 * capacity, enterprises by zone, and hazards found against closed once the figures carry hazards.
 * Each chart is created once and updated in place; text sizes follow the screen's root font size.
 */
import type { ParkFigures, TwinFeature, ZoneFigures } from "../api/types";
import { echarts } from "../chart/echarts";
import { stageColors } from "../map/palette";

type ECharts = ReturnType<typeof echarts.init>;

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';
const TEXT = "#b8c7d9";
const GRID = "#1f3147";
const MONTHS = 12;

const STAGES: [string, string, string][] = [
  ["planned", "Planned", "规划"],
  ["piling", "Piling", "打桩"],
  ["foundation", "Foundation", "完成基础"],
  ["structure", "Structure", "主体施工"],
  ["toppedOut", "ToppedOut", "封顶"],
  ["completed", "Completed", "竣工"],
];

export interface ChartElements {
  monthly: HTMLElement;
  construction: HTMLElement;
  plants: HTMLElement;
  zones: HTMLElement;
  hazards: HTMLElement;
}

/** Hazard figures, when the twin has them: found, rectified (closed), in progress. */
interface Hazards {
  found: number;
  rectified: number;
  inProgress?: number;
}

function hazardsOf(figures: ParkFigures): Hazards | null {
  const h = (figures as unknown as { hazards?: Hazards }).hazards;
  return h && typeof h.found === "number" && h.found > 0 ? h : null;
}

function shortName(name: string): string {
  return name.replace(/污水处理厂$/, "").replace(/^药都/, "");
}

export class WallCharts {
  private readonly charts = new Map<keyof ChartElements, ECharts>();

  constructor(private readonly elements: ChartElements) {}

  private chart(key: keyof ChartElements): ECharts {
    let chart = this.charts.get(key);
    if (!chart) {
      chart = echarts.init(this.elements[key], undefined, { renderer: "canvas" });
      this.charts.set(key, chart);
    }
    return chart;
  }

  private base(): Record<string, unknown> {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
    const size = Math.round(rem * 0.72);
    return {
      animationDuration: 600,
      animationDurationUpdate: 600,
      textStyle: { fontFamily: FONT, color: TEXT, fontSize: size },
      legend: { top: 0, right: 0, itemWidth: size, itemHeight: size * 0.7, textStyle: { color: TEXT, fontSize: size } },
      grid: { left: size * 0.5, right: size * 0.8, top: size * 2.2, bottom: size * 0.3, containLabel: true },
      tooltip: { show: false },
    };
  }

  private axisLabel(): Record<string, unknown> {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 20;
    return { color: TEXT, fontSize: Math.round(rem * 0.66) };
  }

  update(figures: ParkFigures, plants: readonly TwinFeature[], zones: readonly { name: string; figures: ZoneFigures | null }[]): void {
    const monthly = figures.figures.monthly.slice(-MONTHS);
    this.chart("monthly").setOption({
      ...this.base(),
      xAxis: { type: "category", data: monthly.map((m) => `${Number(m.month.slice(5))}月`), axisLabel: this.axisLabel(), axisLine: { lineStyle: { color: GRID } } },
      yAxis: [
        { type: "value", splitNumber: 3, axisLabel: this.axisLabel(), splitLine: { lineStyle: { color: GRID } } },
        { type: "value", splitNumber: 3, axisLabel: this.axisLabel(), splitLine: { show: false } },
      ],
      series: [
        { name: "主营业务收入", type: "bar", data: monthly.map((m) => m.revenue), itemStyle: { color: "#3d8fe0" }, barMaxWidth: "40%" },
        { name: "上交税金", type: "line", yAxisIndex: 1, data: monthly.map((m) => m.tax), itemStyle: { color: "#f2c14e" }, lineStyle: { width: 3 }, smooth: true },
      ],
    });

    const stages = STAGES.filter(([key]) => key !== "planned" || (figures.buildings.byStage[key] ?? 0) > 0);
    this.chart("construction").setOption({
      ...this.base(),
      legend: { show: false },
      xAxis: { type: "value", splitNumber: 3, axisLabel: this.axisLabel(), splitLine: { lineStyle: { color: GRID } } },
      yAxis: { type: "category", inverse: true, data: stages.map(([, , label]) => label), axisLabel: this.axisLabel(), axisLine: { lineStyle: { color: GRID } } },
      series: [
        {
          name: "厂房",
          type: "bar",
          data: stages.map(([key, api]) => ({ value: figures.buildings.byStage[key] ?? 0, itemStyle: { color: stageColors[api] ?? "#888" } })),
          label: { show: true, position: "right", color: TEXT, fontSize: this.axisLabel()["fontSize"] },
          barMaxWidth: "60%",
        },
      ],
    });

    const running = plants.filter((p) => typeof p.properties["capacity"] === "number" && p.properties["capacity"] > 0);
    this.chart("plants").setOption({
      ...this.base(),
      xAxis: { type: "category", data: running.map((p) => shortName(p.properties.name ?? p.id)), axisLabel: { ...this.axisLabel(), interval: 0 }, axisLine: { lineStyle: { color: GRID } } },
      yAxis: { type: "value", name: "吨/日", nameTextStyle: this.axisLabel(), splitNumber: 3, axisLabel: this.axisLabel(), splitLine: { lineStyle: { color: GRID } } },
      series: [
        { name: "设计能力", type: "bar", data: running.map((p) => p.properties["capacity"]), itemStyle: { color: "#34506e" }, barGap: "-100%", barMaxWidth: "45%" },
        {
          name: "进水量",
          type: "bar",
          data: running.map((p) => (p.properties["latest"] as { inflow?: number } | null)?.inflow ?? 0),
          itemStyle: { color: "#2fb8a0" },
          barMaxWidth: "45%",
        },
      ],
    });

    this.chart("zones").setOption({
      ...this.base(),
      xAxis: { type: "category", data: zones.map((z) => shortName(z.name)), axisLabel: { ...this.axisLabel(), interval: 0, rotate: 30 }, axisLine: { lineStyle: { color: GRID } } },
      yAxis: { type: "value", splitNumber: 3, axisLabel: this.axisLabel(), splitLine: { lineStyle: { color: GRID } } },
      series: [
        { name: "落户", type: "bar", data: zones.map((z) => z.figures?.enterprises.settled ?? 0), itemStyle: { color: "#3d8fe0" } },
        { name: "投产", type: "bar", data: zones.map((z) => z.figures?.enterprises.inProduction ?? 0), itemStyle: { color: "#3fb6a8" } },
      ],
    });

    const hazards = hazardsOf(figures);
    const card = this.elements.hazards.closest<HTMLElement>(".w-card");
    if (card) {
      card.hidden = hazards === null;
    }
    if (hazards) {
      this.chart("hazards").setOption({
        ...this.base(),
        legend: { show: false },
        xAxis: { type: "category", data: ["发现", "已整改销号", "整改中"], axisLabel: this.axisLabel() },
        yAxis: { type: "value", splitNumber: 3, axisLabel: this.axisLabel(), splitLine: { lineStyle: { color: GRID } } },
        series: [{ type: "bar", data: [hazards.found, hazards.rectified, hazards.inProgress ?? hazards.found - hazards.rectified], itemStyle: { color: "#e5904d" } }],
      });
    }
  }

  resize(): void {
    for (const chart of this.charts.values()) {
      chart.resize();
    }
  }
}
