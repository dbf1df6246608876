/**
 * The KPI tiles: each number is a figure of `/api/stats` as it stands (money in 万元, areas in
 * m²), rolled to by an animated counter; money tiles show progress against the year's target.
 */
import type { ParkFigures } from "../api/types";
import { h, replace } from "../ui/dom";
import { AnimatedCounter, formatNumber } from "./counter";

interface Tile {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  value: (f: ParkFigures) => number;
  target?: (t: Record<string, number>) => number | undefined;
  sub?: (f: ParkFigures) => string;
}

/** Under construction: from piling to topped out. */
const RISING = ["piling", "foundation", "structure", "toppedOut"];

function sum(record: Record<string, number> | number | undefined): number {
  if (typeof record === "number") {
    return record;
  }
  return Object.values(record ?? {}).reduce((a, b) => a + b, 0);
}

const RUNNING = ["operating", "upgrading", "expansionApproved"];

export const TILES: Tile[] = [
  { key: "settled", label: "落户企业", unit: "家", decimals: 0, value: (f) => f.enterprises.settled, sub: (f) => `签约待落户 ${f.enterprises.signed} 家` },
  { key: "inProduction", label: "投产企业", unit: "家", decimals: 0, value: (f) => f.enterprises.inProduction, sub: (f) => `在建 ${f.enterprises.underConstruction} 家` },
  { key: "aboveDesignatedSize", label: "规上企业", unit: "家", decimals: 0, value: (f) => f.enterprises.aboveDesignatedSize },
  { key: "revenue", label: "主营业务收入（年累计）", unit: "万元", decimals: 1, value: (f) => f.figures.revenue, target: (t) => t["revenue"] },
  { key: "tax", label: "上交税金（年累计）", unit: "万元", decimals: 1, value: (f) => f.figures.tax, target: (t) => t["tax"] },
  { key: "exports", label: "出口（年累计）", unit: "万元", decimals: 1, value: (f) => f.figures.exports, target: (t) => t["exports"] },
  {
    key: "completedFloorArea",
    label: "标准厂房竣工面积",
    unit: "㎡",
    decimals: 0,
    value: (f) => sum(f.buildings.completedFloorArea),
    sub: (f) => `工业 ${formatNumber(f.buildings.completedFloorArea["industrial"] ?? 0)} · 服务 ${formatNumber(f.buildings.completedFloorArea["service"] ?? 0)}`,
  },
  {
    key: "buildings",
    label: "标准厂房",
    unit: "栋",
    decimals: 0,
    value: (f) => f.buildings.total,
    sub: (f) => `竣工 ${f.buildings.byStage["completed"] ?? 0} · 在建 ${RISING.reduce((n, k) => n + (f.buildings.byStage[k] ?? 0), 0)} · 封顶 ${f.buildings.byStage["toppedOut"] ?? 0}`,
  },
  {
    key: "plantsCompliant",
    label: "污水厂达标排放",
    unit: "座",
    decimals: 0,
    value: (f) => f.plants.compliant,
    sub: (f) => `运行 ${RUNNING.reduce((n, k) => n + (f.plants.byStatus[k] ?? 0), 0)} 座 · 负荷 ${Math.round(f.plants.load * 100)}%`,
  },
];

interface Bound {
  tile: Tile;
  counter: AnimatedCounter;
  sub: HTMLElement;
  bar: HTMLElement | null;
  percent: HTMLElement | null;
}

/** Scales `text`'s font (base `rem`) down until `box` no longer overflows, and back up when there is room. */
function shrinkToFit(text: HTMLElement, box: HTMLElement, rem: number): void {
  if (box.clientWidth === 0) {
    return;
  }
  const scale = Number(text.dataset["scale"] ?? "1");
  const room = box.clientWidth / box.scrollWidth;
  if (room < 1 || (scale < 1 && room > 1.15)) {
    const next = Math.min(1, Math.max(0.4, scale * (room < 1 ? room * 0.97 : 1.1)));
    text.dataset["scale"] = next.toFixed(3);
    text.style.fontSize = `${(rem * next).toFixed(3)}rem`;
  }
}

export class KpiTiles {
  private readonly bound: Bound[];

  constructor(root: HTMLElement) {
    this.bound = TILES.map((tile) => {
      const number = h("span", { class: "kpi-number", "data-kpi": tile.key });
      const sub = h("div", { class: "kpi-sub" });
      const bar = tile.target ? h("i", { class: "kpi-bar-fill" }) : null;
      const percent = tile.target ? h("span", { class: "kpi-percent" }) : null;
      const element = h(
        "div",
        { class: "kpi", "data-tile": tile.key },
        h("div", { class: "kpi-label" }, tile.label),
        h("div", { class: "kpi-value" }, number, h("span", { class: "kpi-unit" }, tile.unit)),
        bar ? h("div", { class: "kpi-target" }, h("div", { class: "kpi-bar" }, bar), percent) : sub,
      );
      root.appendChild(element);
      return { tile, counter: new AnimatedCounter(number, tile.decimals), sub, bar, percent };
    });
  }

  render(figures: ParkFigures, targets: Record<string, number> | null): void {
    for (const { tile, counter, sub, bar, percent } of this.bound) {
      counter.set(tile.value(figures));
      if (tile.sub) {
        const text = tile.sub(figures);
        if (sub.textContent !== text) {
          replace(sub, text);
        }
      }
      if (bar && percent) {
        const target = targets && tile.target ? tile.target(targets) : undefined;
        const share = target && target > 0 ? tile.value(figures) / target : null;
        bar.style.width = `${Math.min(100, (share ?? 0) * 100).toFixed(1)}%`;
        percent.textContent = share === null ? "无年度目标" : `完成年度目标 ${(share * 100).toFixed(1)}%`;
      }
    }
  }

  /**
   * Shrinks a tile's number until it fits its tile (a screen's figures may be wider than the
   * layout expected); called once a second, it measures nine elements.
   */
  fit(): void {
    for (const { counter, sub } of this.bound) {
      if (counter.element.parentElement) {
        shrinkToFit(counter.element, counter.element.parentElement, 2);
      }
      shrinkToFit(sub, sub, 0.7);
    }
  }

  /** The figures the tiles hold, by key (what they roll to), for the tests. */
  values(): Record<string, number | null> {
    return Object.fromEntries(this.bound.map((b) => [b.tile.key, b.counter.value]));
  }
}
