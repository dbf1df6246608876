/**
 * The twins the page holds, by id, with their versions. Change items are merged here: an item
 * one version ahead is applied; one that skips versions is applied too (the server coalesces, so
 * its values are the newest) but reported as a gap so the caller re-fetches the whole twin; an
 * item at or below the held version is stale and ignored.
 */
import { isTwinKind, type ChangeItem, type TwinFeature, type TwinKind } from "../api/types";
import { withRecent } from "./recent-readings";

export type ApplyOutcome =
  | { outcome: "applied"; feature: TwinFeature; changed: string[]; geometryChanged: boolean }
  | { outcome: "gap"; feature: TwinFeature; changed: string[]; geometryChanged: boolean; held: number }
  | { outcome: "unknown" }
  | { outcome: "stale" };

export class TwinStore {
  private readonly twins = new Map<string, TwinFeature>();

  get size(): number {
    return this.twins.size;
  }

  get(id: string): TwinFeature | undefined {
    return this.twins.get(id);
  }

  version(id: string): number | undefined {
    return this.twins.get(id)?.properties.version;
  }

  all(): IterableIterator<TwinFeature> {
    return this.twins.values();
  }

  ofKind(kind: TwinKind): TwinFeature[] {
    return [...this.twins.values()].filter((f) => f.properties.kind === kind);
  }

  counts(): Partial<Record<TwinKind, number>> {
    const counts: Partial<Record<TwinKind, number>> = {};
    for (const feature of this.twins.values()) {
      const kind = feature.properties.kind;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    return counts;
  }

  /**
   * Holds a whole feature read from the API, unless a newer version is already held.
   * Returns whether it was taken.
   */
  put(feature: TwinFeature): boolean {
    if (!isTwinKind(feature.properties.kind)) {
      return false;
    }
    const held = this.version(feature.id);
    if (held !== undefined && held > feature.properties.version) {
      return false;
    }
    this.twins.set(feature.id, feature);
    return true;
  }

  /** Ids whose server version (from a snapshot) is newer than held, or not held at all. */
  behind(versions: Record<string, number>): string[] {
    return Object.entries(versions)
      .filter(([id, version]) => {
        const held = this.version(id);
        return held === undefined || held < version;
      })
      .map(([id]) => id);
  }

  apply(item: ChangeItem): ApplyOutcome {
    const current = this.twins.get(item.id);
    if (!current) {
      return { outcome: "unknown" };
    }
    const held = current.properties.version;
    if (item.version <= held) {
      return { outcome: "stale" };
    }
    const changed = Object.keys(item.changed);
    const feature: TwinFeature = {
      ...current,
      geometry: item.geometry ?? current.geometry,
      properties: { ...current.properties, ...withRecent(current.properties.kind, current.properties, item.changed), kind: current.properties.kind, version: item.version },
    };
    this.twins.set(item.id, feature);
    const geometryChanged = item.geometry !== undefined && item.geometry !== null;
    return item.version === held + 1
      ? { outcome: "applied", feature, changed, geometryChanged }
      : { outcome: "gap", feature, changed, geometryChanged, held };
  }
}
