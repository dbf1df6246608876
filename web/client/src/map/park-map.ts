/**
 * The map view: a MapLibre map with no basemap (a plain background and the park outline), the
 * layer groups, hover and click, selection, flashes, and camera helpers. Knows nothing of the
 * network: it is fed features and changes by the app.
 */
import * as maplibregl from "maplibre-gl";
import type { MapGeoJSONFeature, StyleSpecification } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { TwinFeature, TwinKind } from "../api/types";
import { boundsOf, labelPoint, unionBounds, type Bounds } from "../geo/geometry";
import type { Lang } from "../i18n/i18n";
import { Emitter } from "../ui/emitter";
import type { ColorMode, LayerKey, Theme, View } from "../url/state";
import { Flasher } from "./flash";
import { buildingsGroup } from "./layers/buildings";
import { enterprisesGroup } from "./layers/enterprises";
import { facilitiesGroup } from "./layers/facilities";
import type { LayerGroup } from "./layers/group";
import { LABEL_LAYERS, labelsGroup } from "./layers/labels";
import { networkGroup } from "./layers/network";
import { plantsGroup } from "./layers/plants";
import { stationsGroup } from "./layers/stations";
import { zonesGroup } from "./layers/zones";
import type { TwinSource } from "./twin-source";

// The worker is a file of the build, served by the silo like every other asset.
maplibregl.setWorkerUrl(workerUrl);

const BACKGROUND: Record<Theme, string> = { dark: "#0f141a", light: "#e4e7ea" };

export interface ParkMapOptions {
  container: HTMLElement;
  view: View | null;
  theme: Theme;
  lang: Lang;
  color: ColorMode;
  off: readonly LayerKey[];
  /**
   * How the map is framed: `app` leaves room for the live map's side rail and shows the
   * navigation controls; `plain` (the wall, the presenter's remote) uses the whole map.
   */
  framing?: "app" | "plain";
}

export interface HoverEvent {
  id: string;
  kind: TwinKind;
  point: { x: number; y: number };
}

interface Events {
  select: string | null;
  hover: HoverEvent | null;
  moveend: View;
  idle: undefined;
}

/** Which group draws each layer key, in the order the layers stack (bottom first). */
function createGroups(map: maplibregl.Map, options: ParkMapOptions): LayerGroup[] {
  return [
    zonesGroup(map),
    networkGroup(map),
    enterprisesGroup(map),
    plantsGroup(map),
    facilitiesGroup(map),
    buildingsGroup(map, options.color),
    stationsGroup(map),
    labelsGroup(map, options.lang),
  ];
}

/** Click and hover priority: small things over big ones. */
const PICK_ORDER = [
  "station-circle",
  "enterprise-point",
  "plant-extrusion",
  "plant-fill",
  "building-extrusion",
  "building-ghost",
  "building-footprint",
  "facility-extrusion",
  "facility-fill",
  "enterprise-plot",
  "network-road",
  "network-pipe",
  "network-drainage",
  "zone-fill",
];

export class ParkMap extends Emitter<Events> {
  readonly map: maplibregl.Map;
  private readonly groups: LayerGroup[];
  private readonly flasher: Flasher;
  private readonly primary = new Map<TwinKind, TwinSource>();
  private readonly feeds: { source: TwinSource; kinds: readonly TwinKind[] }[] = [];
  private selected: { source: string; id: string } | null = null;
  private hovered: { source: string; id: string } | null = null;
  private theme: Theme;
  private lang: Lang;
  private parkBounds: Bounds | null = null;
  /** Whether the camera was placed on purpose (URL, fly-to): then loading never refits it. */
  private placed: boolean;
  readonly loaded: Promise<void>;
  private get framing(): "app" | "plain" {
    return this.options.framing ?? "app";
  }

  constructor(private readonly options: ParkMapOptions) {
    super();
    this.theme = options.theme;
    this.placed = options.view !== null;
    this.lang = options.lang;
    const style: StyleSpecification = {
      version: 8,
      // No `glyphs` and no `sprite`: labels are drawn from local fonts, nothing is fetched.
      sources: {},
      layers: [{ id: "background", type: "background", paint: { "background-color": BACKGROUND[options.theme] } }],
    };
    const view = options.view;
    this.map = new maplibregl.Map({
      container: options.container,
      style,
      center: view?.center ?? [115.5, 27.9],
      zoom: view?.zoom ?? 12.5,
      bearing: view?.bearing ?? 0,
      pitch: view?.pitch ?? 45,
      maxPitch: 75,
      attributionControl: false,
      fadeDuration: 150,
    });
    if (this.framing === "app") {
      this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), "top-right");
      this.map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
    }
    this.groups = createGroups(this.map, options);

    this.flasher = new Flasher(this.map);
    this.loaded = new Promise((resolve) => {
      this.map.once("load", () => {
        this.install();
        resolve();
      });
    });
    this.map.on("moveend", () => {
      this.emit("moveend", this.view());
    });
    this.map.on("idle", () => {
      this.emit("idle", undefined);
    });
  }

  private install(): void {
    for (const group of this.groups) {
      for (const feed of group.sources) {
        feed.source.install();
        this.feeds.push(feed);
      }
      for (const [kind, source] of Object.entries(group.primary)) {
        this.primary.set(kind as TwinKind, source);
      }
    }
    for (const group of this.groups) {
      for (const layer of group.layers) {
        this.map.addLayer(layer);
      }
    }
    for (const key of this.options.off) {
      this.setLayerVisible(key, false);
    }
    this.applyTheme(this.theme);
    // Buildings take their colouring when created; the zones' compliance colours are set here.
    if (this.options.color === "compliance") {
      this.setColorMode(this.options.color);
    }
    this.map.on("mousemove", (event) => {
      this.hover(event.point);
    });
    this.map.on("mouseout", () => {
      this.setHover(null);
    });
    this.map.on("click", (event) => {
      const hit = this.pick(event.point);
      this.emit("select", hit ? String(hit.properties["tid"]) : null);
    });
  }

  private interactiveLayers(): string[] {
    return PICK_ORDER.filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, "visibility") !== "none");
  }

  private pick(point: maplibregl.PointLike): MapGeoJSONFeature | null {
    const layers = this.interactiveLayers();
    const hits = this.map.queryRenderedFeatures(point, { layers });
    let best: MapGeoJSONFeature | null = null;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const hit of hits) {
      const rank = PICK_ORDER.indexOf(hit.layer.id);
      if (rank >= 0 && rank < bestRank && typeof hit.properties["tid"] === "string") {
        best = hit;
        bestRank = rank;
      }
    }
    return best;
  }

  private hover(point: maplibregl.Point): void {
    const hit = this.pick(point);
    this.map.getCanvas().style.cursor = hit ? "pointer" : "";
    if (!hit) {
      this.setHover(null);
      this.emit("hover", null);
      return;
    }
    const id = String(hit.properties["tid"]);
    this.setHover({ source: hit.source, id });
    this.emit("hover", { id, kind: hit.properties["kind"] as TwinKind, point: { x: point.x, y: point.y } });
  }

  private setHover(next: { source: string; id: string } | null): void {
    if (this.hovered && (this.hovered.id !== next?.id || this.hovered.source !== next.source)) {
      this.map.setFeatureState(this.hovered, { hover: false });
    }
    this.hovered = next;
    if (next) {
      this.map.setFeatureState(next, { hover: true });
    }
  }

  /** Draws every twin: called once the features are loaded, and on a full resync. */
  async load(features: readonly TwinFeature[]): Promise<void> {
    await this.loaded;
    await Promise.all(this.feeds.map((feed) => feed.source.setAll(features.filter((f) => feed.kinds.includes(f.properties.kind)))));
    // Frame the zones: the park outline holds wide empty land around them.
    const zones = features.filter((f) => f.properties.kind === "zone").map((f) => boundsOf(f.geometry));
    const park = features.find((f) => f.properties.kind === "park");
    this.parkBounds = zones.reduce<Bounds | null>((all, b) => unionBounds(all, b), null) ?? boundsOf(park?.geometry) ?? this.parkBounds;
    if (!this.placed) {
      this.showPark(false);
    }
    if (this.selected) {
      this.map.setFeatureState(this.selected, { selected: true });
    }
  }

  /** Applies one twin's new state; `flash` lights it up briefly. */
  update(feature: TwinFeature, geometryChanged: boolean, flash: boolean): void {
    const kind = feature.properties.kind;
    for (const feed of this.feeds) {
      if (feed.kinds.includes(kind)) {
        feed.source.upsert(feature, geometryChanged);
      }
    }
    const primary = this.primary.get(kind);
    if (flash && primary?.has(feature.id)) {
      this.flasher.flash(primary.id, feature.id);
    }
  }

  select(feature: TwinFeature | null): void {
    if (this.selected && this.map.getSource(this.selected.source)) {
      this.map.setFeatureState(this.selected, { selected: false });
    }
    const source = feature ? this.primary.get(feature.properties.kind) : undefined;
    this.selected = feature && source ? { source: source.id, id: feature.id } : null;
    if (this.selected && this.map.getSource(this.selected.source)) {
      this.map.setFeatureState(this.selected, { selected: true });
    }
  }

  /** Flies to a twin: fits an area, centres on a point. */
  flyTo(feature: TwinFeature): void {
    const bounds = boundsOf(feature.geometry);
    if (!bounds) {
      return;
    }
    this.placed = true;
    // The side panel may have just opened: measure the map as it is now.
    this.map.resize();
    // The map already stops at the side panel; the stats rail covers its left 320 px.
    const rail = this.framing === "app" && window.innerWidth > 900 ? 320 : 0;
    const pitch = Math.max(this.map.getPitch(), 45);
    if (feature.geometry?.type === "Point") {
      const center = labelPoint(feature.geometry);
      if (center) {
        this.map.flyTo({ center, zoom: Math.max(this.map.getZoom(), 16.5), pitch, offset: [rail / 2, 0], duration: 1200, essential: true });
      }
      return;
    }
    this.map.fitBounds(bounds, { padding: { top: 60, bottom: 60, left: 40 + rail, right: 40 }, maxZoom: 16.8, pitch, bearing: this.map.getBearing(), duration: 1200 });
  }

  showPark(animate = true): void {
    if (!this.parkBounds) {
      return;
    }
    if (this.framing === "plain") {
      const pad = Math.round(Math.min(this.map.getContainer().clientWidth, this.map.getContainer().clientHeight) * 0.06);
      this.map.fitBounds(this.parkBounds, { padding: pad, pitch: 50, bearing: -15, duration: animate ? 2500 : 0 });
      return;
    }
    const wide = window.innerWidth > 900;
    const right = this.selected && wide ? 40 : wide ? 260 : 30;
    this.map.fitBounds(this.parkBounds, { padding: { top: 60, bottom: 60, left: wide ? 340 : 30, right }, pitch: 50, bearing: -15, duration: animate ? 1000 : 0 });
  }

  jumpTo(view: View): void {
    this.placed = true;
    this.map.jumpTo({ center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch });
  }

  view(): View {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() };
  }

  setColorMode(mode: ColorMode): void {
    for (const group of this.groups) {
      group.setColorMode?.(this.map, mode);
    }
  }

  /** Colours a zone by its plants' effluent (shown while the colouring is `compliance`). */
  setZoneCompliance(zoneId: string, compliance: "ok" | "breach" | "none"): void {
    if (this.map.getSource("zones")) {
      this.map.setFeatureState({ source: "zones", id: zoneId }, { compliance });
    }
  }

  /** Marks twins (e.g. a scenario's buildings) as selected; returns how many were found. */
  highlight(kind: TwinKind, ids: readonly string[], on: boolean): number {
    const source = this.primary.get(kind);
    let found = 0;
    for (const id of ids) {
      if (source?.has(id)) {
        this.map.setFeatureState({ source: source.id, id }, { selected: on });
        found++;
      }
    }
    return found;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    for (const group of this.groups) {
      group.setLang?.(this.map, lang);
    }
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.applyTheme(theme);
  }

  private applyTheme(theme: Theme): void {
    this.map.setPaintProperty("background", "background-color", BACKGROUND[theme]);
    for (const group of this.groups) {
      for (const t of group.themed) {
        const value = theme === "dark" ? t.dark : t.light;
        if (t.layout) {
          this.map.setLayoutProperty(t.layer, t.property as Parameters<maplibregl.Map["setLayoutProperty"]>[1], value);
        } else {
          this.map.setPaintProperty(t.layer, t.property as Parameters<maplibregl.Map["setPaintProperty"]>[1], value);
        }
      }
    }
  }

  setLayerVisible(key: LayerKey, visible: boolean): void {
    const group = this.groups.find((g) => g.key === key);
    for (const layer of group?.layers ?? []) {
      this.map.setLayoutProperty(layer.id, "visibility", visible ? "visible" : "none");
    }
  }

  /** Where a twin's label point is on screen, for tests and for the panel's pointer. */
  screenPoint(feature: TwinFeature): { x: number; y: number } | null {
    const point = labelPoint(feature.geometry);
    if (!point) {
      return null;
    }
    const p = this.map.project(point);
    return { x: p.x, y: p.y };
  }

  /** The label texts MapLibre has placed on screen now, in the current language. */
  renderedLabels(): string[] {
    const layers = LABEL_LAYERS.filter((id) => this.map.getLayer(id));
    const field = this.lang === "en" ? "nameEn" : "name";
    const texts = this.map.queryRenderedFeatures({ layers }).map((f) => String(f.properties[field] ?? ""));
    return [...new Set(texts)].filter((t) => t !== "");
  }

  resize(): void {
    this.map.resize();
  }
}
