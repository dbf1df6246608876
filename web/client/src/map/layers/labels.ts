/**
 * Names on the map, in the page's language. The style has no `glyphs` URL, so MapLibre draws
 * every label with the browser's own fonts (TinySDF, the CJK-first stack in FONT_*): no glyph
 * server, no request leaves the machine, and Chinese renders with any installed CJK font.
 * Zone names always; plants and facilities from z13.5; stations from z14.5; buildings from z16.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from "maplibre-gl";
import type { TwinFeature } from "../../api/types";
import { labelPoint } from "../../geo/geometry";
import type { Lang } from "../../i18n/i18n";
import { FONT_BOLD, FONT_REGULAR } from "../expressions";
import { renderProps } from "../render-props";
import { TwinSource, type Projector } from "../twin-source";
import type { LayerGroup } from "./group";

const RANK: Record<string, number> = { zone: 0, plant: 1, facility: 2, station: 3, building: 4 };

/** A twin's label: a point at its label position with both names and a short detail line. */
export const labelProjector: Projector = (feature: TwinFeature) => {
  const point = labelPoint(feature.geometry);
  if (!point) {
    return null;
  }
  const props = renderProps(feature);
  const load = props["load"];
  const detail = feature.properties.kind === "plant" && typeof load === "number" && load >= 0 ? `${Math.round(load * 100)}%` : "";
  return {
    geometry: { type: "Point", coordinates: point },
    properties: { tid: feature.id, kind: feature.properties.kind, name: props["name"] ?? "", nameEn: props["nameEn"] ?? "", detail, rank: RANK[feature.properties.kind] ?? 9 },
  };
};

export function labelText(lang: Lang): ExpressionSpecification {
  const name: ExpressionSpecification = ["get", lang === "en" ? "nameEn" : "name"];
  return ["case", ["==", ["get", "detail"], ""], name, ["format", name, {}, "\n", {}, ["get", "detail"], { "font-scale": 0.85 }]];
}

export const LABEL_LAYERS = ["label-zone", "label-major", "label-station", "label-building", "label-road"] as const;

export function labelsGroup(map: MapLibreMap, lang: Lang): LayerGroup {
  const labels = new TwinSource(map, "labels", labelProjector);
  const halo = { "text-halo-color": "#0f141a", "text-halo-width": 1.6, "text-halo-blur": 0.4 };
  return {
    key: "labels",
    primary: {},
    sources: [{ source: labels, kinds: ["zone", "plant", "facility", "station", "building"] }],
    interactive: [],
    layers: [
      {
        id: "label-road",
        type: "symbol",
        source: "network",
        minzoom: 15,
        filter: ["==", ["get", "network"], "Road"],
        layout: { "symbol-placement": "line", "text-field": labelText(lang), "text-font": FONT_REGULAR, "text-size": 11, "text-max-angle": 30 },
        paint: { "text-color": "#9fb0c2", ...halo },
      },
      {
        id: "label-building",
        type: "symbol",
        source: "labels",
        minzoom: 16,
        filter: ["==", ["get", "kind"], "building"],
        layout: { "text-field": labelText(lang), "text-font": FONT_REGULAR, "text-size": 11, "text-max-width": 8 },
        paint: { "text-color": "#dfe7ef", ...halo },
      },
      {
        id: "label-station",
        type: "symbol",
        source: "labels",
        minzoom: 14.5,
        filter: ["==", ["get", "kind"], "station"],
        layout: { "text-field": labelText(lang), "text-font": FONT_REGULAR, "text-size": 11, "text-anchor": "top", "text-offset": [0, 1], "text-max-width": 9, "text-optional": true },
        paint: { "text-color": "#c9d4df", ...halo },
      },
      {
        id: "label-major",
        type: "symbol",
        source: "labels",
        minzoom: 13.5,
        filter: ["in", ["get", "kind"], ["literal", ["plant", "facility"]]],
        layout: { "text-field": labelText(lang), "text-font": FONT_BOLD, "text-size": 12, "text-max-width": 9, "symbol-sort-key": ["get", "rank"] },
        paint: { "text-color": "#f2f5f8", ...halo },
      },
      {
        id: "label-zone",
        type: "symbol",
        source: "labels",
        filter: ["==", ["get", "kind"], "zone"],
        layout: {
          "text-field": labelText(lang),
          "text-font": FONT_BOLD,
          "text-size": ["interpolate", ["linear"], ["zoom"], 11, 13, 15, 18],
          "text-max-width": 10,
          "text-letter-spacing": 0.05,
          "text-allow-overlap": false,
          "text-padding": 4,
        },
        paint: { "text-color": "#ffffff", "text-halo-color": "#0f141a", "text-halo-width": 2, "text-halo-blur": 0.5 },
      },
    ],
    themed: [
      ...LABEL_LAYERS.map((layer) => ({ layer, property: "text-halo-color", dark: "#0f141a", light: "#ffffff" })),
      { layer: "label-zone", property: "text-color", dark: "#ffffff", light: "#17202a" },
      { layer: "label-major", property: "text-color", dark: "#f2f5f8", light: "#17202a" },
      { layer: "label-building", property: "text-color", dark: "#dfe7ef", light: "#25313d" },
      { layer: "label-station", property: "text-color", dark: "#c9d4df", light: "#33414f" },
      { layer: "label-road", property: "text-color", dark: "#9fb0c2", light: "#4a5866" },
    ],
    setLang(target, next) {
      for (const layer of LABEL_LAYERS) {
        target.setLayoutProperty(layer, "text-field", labelText(next));
      }
    },
  };
}
