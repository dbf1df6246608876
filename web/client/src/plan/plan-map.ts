/**
 * The planner's map: the park's zones and buildings (from the live catalog), the scenario's
 * planned buildings, and every building coloured by the candidate the scenario puts in it.
 * A small MapLibre map of its own; geometry helpers and the worker set-up as the live map has them.
 */
import * as maplibregl from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { Feature, FeatureCollection } from "geojson";
import type { TwinFeature } from "../api/types";
import { boundsOf, unionBounds, type Bounds } from "../geo/geometry";
import { buildingColors } from "./plan-logic";
import type { ScenarioView } from "./types";

maplibregl.setWorkerUrl(workerUrl);

const VACANT = "#6b7c8c";
const OTHER = "#2a3440";

export class PlanMap {
  private readonly map: maplibregl.Map;
  private readonly loaded: Promise<void>;
  private zones: TwinFeature[] = [];
  private buildings: TwinFeature[] = [];
  private fitted = false;
  private fittedPlan = "";
  /** Buildings with a candidate on the map now (for the tests). */
  colored = 0;

  constructor(container: HTMLElement) {
    this.map = new maplibregl.Map({
      container,
      style: { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#0f141a" } }] },
      center: [115.5, 27.9],
      zoom: 12,
      attributionControl: false,
    });
    this.loaded = new Promise((resolve) => this.map.once("load", () => resolve()));
  }

  async setPark(zones: TwinFeature[], buildings: TwinFeature[]): Promise<void> {
    this.zones = zones;
    this.buildings = buildings;
    await this.loaded;
    const source = this.map.getSource<maplibregl.GeoJSONSource>("zones");
    const data: FeatureCollection = { type: "FeatureCollection", features: zones.filter((z) => z.geometry !== null).map((z) => ({ type: "Feature", id: z.id, geometry: z.geometry ?? { type: "Point", coordinates: [0, 0] }, properties: { id: z.id } })) };
    if (source) {
      void source.setData(data);
      return;
    }
    this.map.addSource("zones", { type: "geojson", data });
    this.map.addLayer({ id: "zone-fill", type: "fill", source: "zones", paint: { "fill-color": "#1b2633", "fill-opacity": 0.6 } });
    this.map.addLayer({ id: "zone-line", type: "line", source: "zones", paint: { "line-color": "#3b4a5a", "line-width": 1 } });
    this.map.addSource("buildings", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    this.map.addLayer({ id: "building-fill", type: "fill", source: "buildings", paint: { "fill-color": ["get", "color"], "fill-opacity": 0.95 } });
    this.map.addLayer({
      id: "building-line", type: "line", source: "buildings",
      paint: { "line-color": ["case", ["get", "planned"], "#ffffff", "#0f141a"], "line-width": ["case", ["get", "planned"], 1.5, 0.5], "line-dasharray": [2, 1] },
    });
  }

  /** Recolours the buildings for a scenario: by candidate where placed, grey where vacant, dark otherwise. */
  async show(view: ScenarioView | null): Promise<void> {
    await this.loaded;
    const colors = buildingColors(view?.scenario.plan ?? []);
    const sites = new Set((view?.sites ?? []).map((s) => s.buildingId));
    const features: Feature[] = this.buildings.map((b) => ({
      type: "Feature",
      id: b.id,
      geometry: b.geometry ?? { type: "Point", coordinates: [0, 0] },
      properties: { id: b.id, color: colors.get(b.id) ?? (sites.has(b.id) ? VACANT : OTHER), planned: false },
    }));
    for (const site of (view?.sites ?? []).filter((s) => s.planned)) {
      features.push({ type: "Feature", id: site.buildingId, geometry: site.footprint, properties: { id: site.buildingId, color: colors.get(site.buildingId) ?? VACANT, planned: true } });
    }
    void this.map.getSource<maplibregl.GeoJSONSource>("buildings")?.setData({ type: "FeatureCollection", features });
    const placed = features.filter((f) => colors.has(String(f.id)));
    this.colored = placed.length;
    const planKey = [...colors.keys()].sort().join(",");
    if (placed.length > 0 && planKey !== this.fittedPlan) {
      // A new result: bring the buildings it fills into view.
      this.fittedPlan = planKey;
      this.fitTo(placed.reduce<Bounds | null>((b, f) => unionBounds(b, boundsOf(f.geometry)), null), 15);
    } else if (!this.fitted) {
      this.fit();
    }
  }

  onClick(handler: (buildingId: string) => void): void {
    this.map.on("click", "building-fill", (event) => {
      const id: unknown = event.features?.[0]?.properties["id"];
      if (typeof id === "string") {
        handler(id);
      }
    });
  }

  private fit(): void {
    let bounds: Bounds | null = null;
    for (const z of this.zones) {
      bounds = unionBounds(bounds, boundsOf(z.geometry));
    }
    this.fitTo(bounds, 17);
  }

  private fitTo(bounds: Bounds | null, maxZoom: number): void {
    if (bounds) {
      this.map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: 40, duration: 0, maxZoom });
      this.fitted = true;
    }
  }

  resize(): void {
    this.map.resize();
  }
}
