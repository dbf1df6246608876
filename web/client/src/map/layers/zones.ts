/** The park outline and the zones, filled by industry. */
import type { ExpressionSpecification, Map as MapLibreMap } from "maplibre-gl";
import type { ColorMode } from "../../url/state";
import { complianceColors } from "../palette";
import { emphasis, getColor, liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

/** Industry colours, or (colouring "compliance") the feature-state `compliance` the map sets per zone. */
function zoneColor(mode: ColorMode): ExpressionSpecification {
  if (mode !== "compliance") {
    return liveColor(getColor);
  }
  return liveColor(["match", ["coalesce", ["feature-state", "compliance"], "none"], "ok", complianceColors.ok, "breach", complianceColors.breach, complianceColors.none]);
}

export function zonesGroup(map: MapLibreMap): LayerGroup {
  const park = new TwinSource(map, "park");
  const zones = new TwinSource(map, "zones");
  return {
    key: "zones",
    primary: { park, zone: zones },
    sources: [
      { source: park, kinds: ["park"] },
      { source: zones, kinds: ["zone"] },
    ],
    interactive: ["zone-fill"],
    layers: [
      { id: "park-fill", type: "fill", source: "park", paint: { "fill-color": "#18212b" } },
      {
        id: "park-outline",
        type: "line",
        source: "park",
        paint: { "line-color": "#5b6b7c", "line-width": 2, "line-dasharray": [3, 2] },
      },
      {
        id: "zone-fill",
        type: "fill",
        source: "zones",
        paint: {
          "fill-color": zoneColor("stage"),
          // Stronger from afar, where the zones are the story; faint up close, under the buildings.
          "fill-opacity": ["interpolate", ["linear"], ["zoom"], 12, emphasis(0.3, 0.4, 0.45), 15, emphasis(0.14, 0.24, 0.3)],
        },
      },
      {
        id: "zone-outline",
        type: "line",
        source: "zones",
        paint: { "line-color": liveColor(getColor), "line-width": emphasis(1.5, 2.5, 3.5), "line-opacity": 0.9 },
      },
    ],
    setColorMode(target, mode) {
      target.setPaintProperty("zone-fill", "fill-color", zoneColor(mode));
      target.setPaintProperty("zone-outline", "line-color", zoneColor(mode));
    },
    themed: [
      { layer: "park-fill", property: "fill-color", dark: "#18212b", light: "#f3f1ea" },
      { layer: "park-outline", property: "line-color", dark: "#5b6b7c", light: "#9aa4ae" },
    ],
  };
}
