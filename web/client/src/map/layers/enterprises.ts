/** Enterprises: their own plots as outlined areas, the ones inside standard buildings as dots. */
import type { Map as MapLibreMap } from "maplibre-gl";
import { emphasis, getColor, liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

export function enterprisesGroup(map: MapLibreMap): LayerGroup {
  const enterprises = new TwinSource(map, "enterprises");
  return {
    key: "enterprises",
    primary: { enterprise: enterprises },
    sources: [{ source: enterprises, kinds: ["enterprise"] }],
    interactive: ["enterprise-point", "enterprise-plot"],
    layers: [
      {
        id: "enterprise-plot",
        type: "fill",
        source: "enterprises",
        filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "fill-color": liveColor(getColor), "fill-opacity": emphasis(0.28, 0.45, 0.55) },
      },
      {
        id: "enterprise-plot-line",
        type: "line",
        source: "enterprises",
        filter: ["==", ["geometry-type"], "Polygon"],
        paint: { "line-color": liveColor(getColor), "line-width": emphasis(1, 2, 2.5) },
      },
      {
        id: "enterprise-point",
        type: "circle",
        source: "enterprises",
        minzoom: 14,
        filter: ["==", ["geometry-type"], "Point"],
        paint: {
          "circle-color": liveColor(getColor),
          "circle-radius": ["interpolate", ["linear"], ["zoom"], 14, 2.5, 17, 6],
          "circle-stroke-width": emphasis(1, 2, 2.5),
          "circle-stroke-color": "#0f141a",
          "circle-pitch-alignment": "map",
        },
      },
    ],
    themed: [{ layer: "enterprise-point", property: "circle-stroke-color", dark: "#0f141a", light: "#ffffff" }],
  };
}
