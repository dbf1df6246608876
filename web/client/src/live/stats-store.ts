/**
 * The park's and the zones' figures as last heard: loaded from `/api/stats`, then replaced by the
 * hub's `stats` items (`stats:park`, `stats:zone:{slug}`), each carrying the whole figures object.
 * Items older than what is held are ignored.
 */
import type { ChangeItem, Figures, ParkFigures, ZoneFigures } from "../api/types";

export const PARK = "park";

/** The key an item's id stands for: `park` or a zone id (`zone:slug`). */
export function statsKey(itemId: string): string | null {
  if (!itemId.startsWith("stats:")) {
    return null;
  }
  const rest = itemId.slice("stats:".length);
  if (rest === PARK) {
    return PARK;
  }
  if (rest === "") {
    return null;
  }
  return rest.startsWith("zone:") ? rest : `zone:${rest}`;
}

export class StatsStore {
  private park: ParkFigures | null = null;
  private readonly zones = new Map<string, ZoneFigures>();
  private readonly versions = new Map<string, number>();
  private readonly heardAt = new Map<string, number>();

  loadPark(park: ParkFigures, at = Date.now()): void {
    this.park = park;
    this.heardAt.set(PARK, at);
    for (const zone of park.zones ?? []) {
      this.zones.set(zone.id, zone);
      this.heardAt.set(zone.id, at);
    }
  }

  loadZone(zone: ZoneFigures, at = Date.now()): void {
    this.zones.set(zone.id, zone);
    this.heardAt.set(zone.id, at);
  }

  /** Takes a stats item; returns the key it updated, or null when stale or not a stats item. */
  apply(item: ChangeItem): string | null {
    const key = statsKey(item.id);
    if (!key) {
      return null;
    }
    const held = this.versions.get(key);
    if (held !== undefined && item.version <= held) {
      return null;
    }
    this.versions.set(key, item.version);
    this.heardAt.set(key, item.at);
    if (key === PARK) {
      // The hub's park item has no zones or targets: keep those from the REST load.
      this.park = { ...(this.park ?? {}), ...(item.changed as unknown as ParkFigures), zones: this.park?.zones ?? [], ...(this.park?.targets ? { targets: this.park.targets } : {}) };
    } else {
      this.zones.set(key, { ...(item.changed as unknown as ZoneFigures), id: key });
    }
    return key;
  }

  /** The figures of the park (`null` or `park`) or of one zone. */
  get(key: string | null): Figures | null {
    return key === null || key === PARK ? this.park : (this.zones.get(key) ?? null);
  }

  zone(zoneId: string): ZoneFigures | null {
    return this.zones.get(zoneId) ?? null;
  }

  targets(): Record<string, number> | null {
    return this.park?.targets ?? null;
  }

  updatedAt(key: string | null): number | null {
    return this.heardAt.get(key ?? PARK) ?? null;
  }
}
