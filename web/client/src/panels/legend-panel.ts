/** Layer toggles, the building colouring switch, and the legend for what is shown. */
import { enumLabel, translate, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { complianceColors, industryColors, networkStatusColors, occupancyColors, plantColors, readingColors, stageColors } from "../map/palette";
import { h, replace } from "../ui/dom";
import { COLOR_MODES, LAYER_KEYS, type ColorMode, type LayerKey, type UrlState } from "../url/state";

export interface LegendDeps {
  toggle: (key: LayerKey, visible: boolean) => void;
  colorMode: (mode: ColorMode) => void;
}

function swatches(entries: [string, string][], shape: "box" | "line" | "dot" = "box"): HTMLElement {
  return h("ul", { class: `swatches swatches-${shape}` }, ...entries.map(([color, label]) => h("li", {}, h("i", { style: `--c:${color}` }), label)));
}

export class LegendPanel {
  private layersOpen = true;
  private legendOpen = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: LegendDeps,
  ) {}

  render(lang: Lang, state: Readonly<UrlState>): void {
    const t = (key: MessageKey) => translate(lang, key);
    const on = (key: LayerKey) => !state.off.includes(key);
    const toggles = h(
      "div",
      { class: "toggles" },
      ...LAYER_KEYS.map((key) =>
        h(
          "label",
          { class: "toggle" },
          h("input", {
            type: "checkbox",
            "data-layer": key,
            checked: on(key),
            onchange: (event: Event) => this.deps.toggle(key, (event.target as HTMLInputElement).checked),
          }),
          h("span", {}, t(`layers.${key}` as MessageKey)),
        ),
      ),
    );
    const mode = h(
      "div",
      { class: "segmented", role: "radiogroup", "aria-label": t("color.title") },
      ...COLOR_MODES.map((m) =>
        h("button", { type: "button", role: "radio", "aria-checked": String(state.color === m), class: state.color === m ? "on" : "", "data-color": m, onclick: () => this.deps.colorMode(m) }, t(`color.${m}`)),
      ),
    );
    const buildingLegend = h(
      "section",
      { class: "building-legend" },
      state.color === "stage"
        ? swatches(Object.entries(stageColors).map(([k, c]) => [c, enumLabel(lang, "stage", k)]))
        : state.color === "occupancy"
          ? swatches(Object.entries(occupancyColors).map(([k, c]) => [c, t(`occupancy.${k}` as MessageKey)]))
          : swatches(Object.entries(complianceColors).map(([k, c]) => [c, t(`compliance.${k}` as MessageKey)])),
      h("p", { class: "muted small" }, t("legend.ghost")),
    );
    const sections: (HTMLElement | null)[] = [
      on("zones") ? h("section", {}, h("h4", {}, t("legend.zones")), swatches(Object.entries(industryColors).map(([k, c]) => [c, enumLabel(lang, "industry", k)]))) : null,
      on("plants") ? h("section", {}, h("h4", {}, t("legend.plants")), swatches(Object.entries(plantColors).map(([k, c]) => [c, t(`plant.${k}` as MessageKey)]))) : null,
      on("network")
        ? h(
            "section",
            {},
            h("h4", {}, t("legend.network")),
            swatches(Object.entries(networkStatusColors).map(([k, c]) => [c, enumLabel(lang, "networkStatus", k)]), "line"),
            h("p", { class: "muted small" }, `${t("network.road")} · ${t("network.pipe")} · ${t("network.drainage")}`),
          )
        : null,
      on("stations") ? h("section", {}, h("h4", {}, t("legend.stations")), swatches(Object.entries(readingColors).map(([k, c]) => [c, t(`reading.${k}` as MessageKey)]), "dot")) : null,
    ];
    const layersBlock = h("details", { class: "legend-block", open: this.layersOpen }, h("summary", {}, t("layers.title")), toggles, h("div", { class: "eyebrow" }, t("color.title")), mode, buildingLegend);
    const legendBlock = h("details", { class: "legend-block", open: this.legendOpen }, h("summary", {}, t("legend.title")), ...sections);
    layersBlock.addEventListener("toggle", () => {
      this.layersOpen = layersBlock.open;
    });
    legendBlock.addEventListener("toggle", () => {
      this.legendOpen = legendBlock.open;
    });
    replace(this.root, layersBlock, legendBlock);
  }
}
