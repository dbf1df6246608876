/**
 * ECharts, tree-shaken to what the panels draw (line and bar charts on a canvas). Loaded on
 * demand by `chart/chart.ts` so the map does not wait for it.
 */
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { echarts };
