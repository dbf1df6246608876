/** Small charts in the panels: a time series of readings or monthly figures. */
import type { Theme } from "../url/state";

export interface Series {
  name: string;
  values: (number | null)[];
  kind: "line" | "bar";
  color: string;
  /** Plot on the right-hand axis. */
  right?: boolean;
}

export interface ChartData {
  categories: string[];
  series: Series[];
  /** Formats the left axis' labels. */
  axis?: (value: number) => string;
}

const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

type ECharts = ReturnType<(typeof import("echarts/core"))["init"]>;

/** A chart bound to one element; `set` redraws it, creating ECharts on first use. */
export class SmallChart {
  private chart: ECharts | null = null;
  private disposed = false;

  constructor(
    private readonly element: HTMLElement,
    private readonly theme: () => Theme,
  ) {}

  async set(data: ChartData): Promise<void> {
    const { echarts } = await import("./echarts");
    if (this.disposed) {
      return;
    }
    this.chart ??= echarts.init(this.element, undefined, { renderer: "canvas" });
    const text = this.theme() === "dark" ? "#aab6c3" : "#4a5866";
    const grid = this.theme() === "dark" ? "#263240" : "#dde2e7";
    const hasRight = data.series.some((s) => s.right);
    this.chart.setOption(
      {
        animation: false,
        textStyle: { fontFamily: FONT, color: text },
        grid: { left: 44, right: hasRight ? 40 : 12, top: 28, bottom: 24 },
        legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { color: text, fontSize: 11 } },
        tooltip: { trigger: "axis", confine: true, textStyle: { fontFamily: FONT } },
        xAxis: { type: "category", data: data.categories, axisLabel: { color: text, fontSize: 10 }, axisLine: { lineStyle: { color: grid } } },
        yAxis: [
          { type: "value", splitNumber: 3, axisLabel: { color: text, fontSize: 10, ...(data.axis ? { formatter: data.axis } : {}) }, splitLine: { lineStyle: { color: grid } } },
          ...(hasRight ? [{ type: "value" as const, splitNumber: 3, axisLabel: { color: text, fontSize: 10 }, splitLine: { show: false } }] : []),
        ],
        series: data.series.map((s) => ({
          name: s.name,
          type: s.kind,
          data: s.values,
          yAxisIndex: s.right ? 1 : 0,
          itemStyle: { color: s.color },
          lineStyle: { width: 2 },
          // A short series shows its points, or a single reading would not show at all.
          showSymbol: s.values.length <= 3,
          barMaxWidth: 14,
        })),
      },
      { notMerge: true },
    );
  }

  resize(): void {
    this.chart?.resize();
  }

  dispose(): void {
    this.disposed = true;
    this.chart?.dispose();
    this.chart = null;
  }
}
