/** Roads (solid), pipes (dashed) and drainage channels (dotted), coloured by status. */
import type { Map as MapLibreMap } from "maplibre-gl";
import { emphasis, getColor, liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

export function networkGroup(map: MapLibreMap): LayerGroup {
  const network = new TwinSource(map, "network");
  return {
    key: "network",
    primary: { network },
    sources: [{ source: network, kinds: ["network"] }],
    interactive: ["network-road", "network-pipe", "network-drainage"],
    layers: [
      {
        id: "network-road-casing",
        type: "line",
        source: "network",
        filter: ["==", ["get", "network"], "Road"],
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": "#0b0f14", "line-width": ["interpolate", ["linear"], ["zoom"], 12, 3.6, 17, 11.5], "line-opacity": 0.8 },
      },
      {
        id: "network-road",
        type: "line",
        source: "network",
        filter: ["==", ["get", "network"], "Road"],
        layout: { "line-cap": "round", "line-join": "round" },
        paint: { "line-color": liveColor(getColor), "line-width": ["interpolate", ["linear"], ["zoom"], 12, emphasis(2, 3, 4), 17, emphasis(6, 8, 10)] },
      },
      {
        id: "network-pipe",
        type: "line",
        source: "network",
        filter: ["==", ["get", "network"], "Pipe"],
        paint: { "line-color": liveColor(getColor), "line-width": emphasis(1.6, 2.6, 3.4), "line-dasharray": [2, 1.5] },
      },
      {
        id: "network-drainage",
        type: "line",
        source: "network",
        filter: ["==", ["get", "network"], "Drainage"],
        layout: { "line-cap": "round" },
        paint: { "line-color": liveColor(getColor), "line-width": emphasis(2, 3, 4), "line-dasharray": [0.2, 2] },
      },
    ],
    themed: [{ layer: "network-road-casing", property: "line-color", dark: "#0b0f14", light: "#ffffff" }],
  };
}
