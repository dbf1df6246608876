/**
 * One GeoJSON source of twins. Loads every feature once (`setAll`), then applies each change as a
 * diff through `GeoJSONSource.updateData`: only the render properties that changed (and the
 * geometry when it changed) are sent, batched per animation frame. Features are keyed by the
 * twin id through `promoteId: "tid"`, which also keys feature-state (flash, hover, selection).
 */
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeoJSONFeatureDiff, GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { TwinFeature } from "../api/types";
import { diffProps, renderProps, type RenderProps } from "./render-props";

export const PROMOTE_ID = "tid";

/** Turns a twin into what the source holds: its render properties and the geometry to draw. */
export type Projector = (feature: TwinFeature) => { geometry: Geometry; properties: RenderProps } | null;

export const asIs: Projector = (feature) => (feature.geometry ? { geometry: feature.geometry, properties: renderProps(feature) } : null);

export class TwinSource {
  private readonly held = new Map<string, RenderProps>();
  private readonly pendingUpdates = new Map<string, GeoJSONFeatureDiff>();
  private readonly pendingAdds = new Map<string, Feature>();
  private frame: number | null = null;

  constructor(
    private readonly map: MapLibreMap,
    readonly id: string,
    private readonly project: Projector = asIs,
  ) {}

  install(): void {
    this.map.addSource(this.id, { type: "geojson", data: { type: "FeatureCollection", features: [] }, promoteId: PROMOTE_ID });
  }

  has(id: string): boolean {
    return this.held.has(id);
  }

  get size(): number {
    return this.held.size;
  }

  /** Replaces everything: used once at load and on a full resync. */
  setAll(features: Iterable<TwinFeature>): Promise<void> {
    this.held.clear();
    this.pendingAdds.clear();
    this.pendingUpdates.clear();
    const collection: FeatureCollection = { type: "FeatureCollection", features: [] };
    for (const twin of features) {
      const projected = this.project(twin);
      if (projected) {
        this.held.set(twin.id, projected.properties);
        collection.features.push({ type: "Feature", geometry: projected.geometry, properties: projected.properties });
      }
    }
    return this.source().setData(collection);
  }

  /** Queues the difference between what is drawn and `twin`; returns whether anything differs. */
  upsert(twin: TwinFeature, geometryChanged: boolean): boolean {
    const projected = this.project(twin);
    if (!projected) {
      return false;
    }
    const previous = this.held.get(twin.id);
    if (!previous) {
      this.held.set(twin.id, projected.properties);
      this.pendingAdds.set(twin.id, { type: "Feature", geometry: projected.geometry, properties: projected.properties });
      this.schedule();
      return true;
    }
    const changes = diffProps(previous, projected.properties);
    if (changes.length === 0 && !geometryChanged) {
      return false;
    }
    this.held.set(twin.id, projected.properties);
    const pendingAdd = this.pendingAdds.get(twin.id);
    if (pendingAdd) {
      this.pendingAdds.set(twin.id, { type: "Feature", geometry: projected.geometry, properties: projected.properties });
      return true;
    }
    const diff = this.pendingUpdates.get(twin.id) ?? { id: twin.id };
    const merged = new Map((diff.addOrUpdateProperties ?? []).map((p) => [p.key, p.value as unknown]));
    for (const change of changes) {
      merged.set(change.key, change.value);
    }
    diff.addOrUpdateProperties = [...merged].map(([key, value]) => ({ key, value }));
    if (geometryChanged) {
      diff.newGeometry = projected.geometry;
    }
    this.pendingUpdates.set(twin.id, diff);
    this.schedule();
    return true;
  }

  private schedule(): void {
    this.frame ??= requestAnimationFrame(() => {
      this.frame = null;
      this.flush();
    });
  }

  /** Sends the queued diff now. */
  flush(): void {
    if (this.pendingAdds.size === 0 && this.pendingUpdates.size === 0) {
      return;
    }
    const add = [...this.pendingAdds.values()];
    const update = [...this.pendingUpdates.values()];
    this.pendingAdds.clear();
    this.pendingUpdates.clear();
    void this.source().updateData({ add, update });
  }

  private source(): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(this.id);
    if (!source) {
      throw new Error(`source ${this.id} is not installed`);
    }
    return source;
  }
}
