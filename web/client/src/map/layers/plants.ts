/** Wastewater treatment plants, coloured by effluent compliance and load (inflow over capacity). */
import type { Map as MapLibreMap } from "maplibre-gl";
import { emphasis, getColor, liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

export function plantsGroup(map: MapLibreMap): LayerGroup {
  const plants = new TwinSource(map, "plants");
  return {
    key: "plants",
    primary: { plant: plants },
    sources: [{ source: plants, kinds: ["plant"] }],
    interactive: ["plant-extrusion", "plant-fill"],
    layers: [
      { id: "plant-fill", type: "fill", source: "plants", paint: { "fill-color": liveColor(getColor), "fill-opacity": 0.35 } },
      {
        id: "plant-extrusion",
        type: "fill-extrusion",
        source: "plants",
        paint: {
          "fill-extrusion-color": liveColor(getColor),
          // Basins stand 3 m high, and rise with the load so a busy plant shows from afar.
          "fill-extrusion-height": ["+", 3, ["*", 9, ["max", 0, ["get", "load"]]]],
          "fill-extrusion-opacity": 0.85,
        },
      },
      { id: "plant-outline", type: "line", source: "plants", paint: { "line-color": liveColor(getColor), "line-width": emphasis(2, 3, 4) } },
    ],
    themed: [],
  };
}
