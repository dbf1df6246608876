/** Monitoring stations as circles coloured by their latest reading, with the headline value. */
import type { Map as MapLibreMap } from "maplibre-gl";
import { FONT_BOLD, emphasis, getColor, liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

export function stationsGroup(map: MapLibreMap): LayerGroup {
  const stations = new TwinSource(map, "stations");
  return {
    key: "stations",
    primary: { station: stations },
    sources: [{ source: stations, kinds: ["station"] }],
    interactive: ["station-circle"],
    layers: [
      {
        id: "station-circle",
        type: "circle",
        source: "stations",
        paint: {
          "circle-color": liveColor(getColor),
          "circle-radius": ["interpolate", ["linear"], ["zoom"], 12, emphasis(5, 7, 8), 17, emphasis(9, 11, 12)],
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 2,
        },
      },
      {
        id: "station-value",
        type: "symbol",
        source: "stations",
        minzoom: 13,
        layout: {
          "text-field": ["get", "value"],
          "text-font": FONT_BOLD,
          "text-size": 11,
          "text-anchor": "left",
          "text-offset": [1.1, 0],
          "text-optional": true,
        },
        paint: { "text-color": getColor, "text-halo-color": "#0f141a", "text-halo-width": 1.6 },
      },
    ],
    themed: [
      { layer: "station-value", property: "text-halo-color", dark: "#0f141a", light: "#ffffff" },
      { layer: "station-circle", property: "circle-stroke-color", dark: "#ffffff", light: "#1d2733" },
    ],
  };
}
