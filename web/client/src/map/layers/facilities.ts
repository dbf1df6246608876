/** Public service facilities: built ones extruded, planned ones as dashed outlines. */
import type { Map as MapLibreMap } from "maplibre-gl";
import { emphasis, getColor, liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

export function facilitiesGroup(map: MapLibreMap): LayerGroup {
  const facilities = new TwinSource(map, "facilities");
  return {
    key: "facilities",
    primary: { facility: facilities },
    sources: [{ source: facilities, kinds: ["facility"] }],
    interactive: ["facility-extrusion", "facility-fill"],
    layers: [
      { id: "facility-fill", type: "fill", source: "facilities", paint: { "fill-color": liveColor(getColor), "fill-opacity": 0.18 } },
      {
        id: "facility-extrusion",
        type: "fill-extrusion",
        source: "facilities",
        filter: ["!", ["get", "planned"]],
        paint: { "fill-extrusion-color": liveColor(getColor), "fill-extrusion-height": ["get", "height"], "fill-extrusion-opacity": 0.85 },
      },
      {
        id: "facility-outline",
        type: "line",
        source: "facilities",
        paint: { "line-color": liveColor(getColor), "line-width": emphasis(1.4, 2.4, 3), "line-dasharray": [2, 1] },
      },
    ],
    themed: [],
  };
}
