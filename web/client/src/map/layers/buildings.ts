/**
 * Standard factory buildings: extruded by the floors built, the rest of the planned height as a
 * faint ghost above, coloured by construction stage or by occupancy.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from "maplibre-gl";
import type { ColorMode } from "../../url/state";
import { liveColor } from "../expressions";
import { TwinSource } from "../twin-source";
import type { LayerGroup } from "./group";

/** Neutral buildings while the zones carry the colour (compliance). */
const NEUTRAL = "#8a96a3";

function colorFor(mode: ColorMode): ExpressionSpecification {
  return mode === "compliance" ? liveColor(NEUTRAL) : liveColor(["get", mode === "stage" ? "cStage" : "cOccupancy"]);
}

export function buildingsGroup(map: MapLibreMap, mode: ColorMode): LayerGroup {
  const buildings = new TwinSource(map, "buildings");
  return {
    key: "buildings",
    primary: { building: buildings },
    sources: [{ source: buildings, kinds: ["building"] }],
    interactive: ["building-extrusion", "building-ghost", "building-footprint"],
    layers: [
      {
        id: "building-footprint",
        type: "fill",
        source: "buildings",
        paint: { "fill-color": colorFor(mode), "fill-opacity": 0.35, "fill-outline-color": "#cfd8e3" },
      },
      {
        id: "building-extrusion",
        type: "fill-extrusion",
        source: "buildings",
        paint: {
          "fill-extrusion-color": colorFor(mode),
          "fill-extrusion-height": ["get", "height"],
          "fill-extrusion-base": 0,
          "fill-extrusion-opacity": 0.94,
          "fill-extrusion-vertical-gradient": true,
        },
      },
      {
        id: "building-ghost",
        type: "fill-extrusion",
        source: "buildings",
        filter: [">", ["get", "plannedHeight"], ["get", "height"]],
        paint: {
          "fill-extrusion-color": "#cfd8e3",
          "fill-extrusion-height": ["get", "plannedHeight"],
          "fill-extrusion-base": ["get", "height"],
          "fill-extrusion-opacity": 0.16,
        },
      },
    ],
    themed: [
      { layer: "building-ghost", property: "fill-extrusion-color", dark: "#cfd8e3", light: "#5b6b7c" },
      { layer: "building-footprint", property: "fill-outline-color", dark: "#cfd8e3", light: "#5b6b7c" },
    ],
    setColorMode(target, next) {
      target.setPaintProperty("building-extrusion", "fill-extrusion-color", colorFor(next));
      target.setPaintProperty("building-footprint", "fill-color", colorFor(next));
    },
  };
}
