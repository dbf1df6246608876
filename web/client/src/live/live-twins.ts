/**
 * Keeps the page's twins in step with the server: loads them, then follows the hub. Applies each
 * change item to the store; re-fetches a twin whose item skipped versions or that it does not
 * hold; after a (re)subscription compares the snapshot's versions and catches up — one twin at a
 * time when few are behind, a full reload of `/api/features` when many are.
 */
import { api, withRetry } from "../api/client";
import type { ChangeItem, Snapshot, TwinFeature } from "../api/types";
import { Emitter } from "../ui/emitter";
import { StatsStore } from "./stats-store";
import { TwinStore } from "./store";
import type { TwinHub } from "./twin-hub";

/** Above this many twins behind, one full reload beats that many single reads. */
const FULL_RESYNC_THRESHOLD = 40;
const REFETCH_CONCURRENCY = 4;

export interface TwinChange {
  feature: TwinFeature;
  changed: readonly string[];
  geometryChanged: boolean;
  /** Whether the change is news to the user (a re-read that only confirms what is shown is not). */
  flash: boolean;
}

interface Events {
  changed: TwinChange;
  resynced: readonly TwinFeature[];
  stats: string;
  /** A topic's snapshot was compared and catching up has started. */
  synced: string;
}

export class LiveTwins extends Emitter<Events> {
  readonly store = new TwinStore();
  readonly stats = new StatsStore();
  /** When (client ms) the last change reached the store. */
  lastChangeAt = 0;
  private readonly refetchQueue = new Set<string>();
  private refetching = 0;

  constructor(private readonly hub: TwinHub) {
    super();
    hub.on("snapshot", (snapshot) => {
      void this.onSnapshot(snapshot);
    });
    hub.on("changes", (items) => {
      this.onChanges(items);
    });
  }

  /** Loads every twin and the figures; resolves with the features. */
  async load(): Promise<readonly TwinFeature[]> {
    const [collection, park] = await Promise.all([withRetry(() => api.features()), withRetry(() => api.parkStats())]);
    for (const feature of collection.features) {
      this.store.put(feature);
    }
    this.stats.loadPark(park);
    return collection.features;
  }

  /** Subscribes to every twin and to the figures, and connects. */
  async connect(): Promise<void> {
    await this.hub.subscribe("park");
    await this.hub.subscribe("stats");
    await this.hub.start();
  }

  private async onSnapshot(snapshot: Snapshot): Promise<void> {
    if (snapshot.topic !== "stats") {
      // (For `stats`, the current figures follow as a `changes` message.)
      const behind = this.store.behind(snapshot.versions);
      if (behind.length > FULL_RESYNC_THRESHOLD) {
        await this.fullResync();
      } else {
        for (const id of behind) {
          this.refetch(id);
        }
      }
    }
    this.emit("synced", snapshot.topic);
  }

  private async fullResync(): Promise<void> {
    const collection = await withRetry(() => api.features());
    for (const feature of collection.features) {
      this.store.put(feature);
    }
    this.lastChangeAt = Date.now();
    this.emit("resynced", [...this.store.all()]);
  }

  private onChanges(items: readonly ChangeItem[]): void {
    for (const item of items) {
      if (item.kind === "stats") {
        const key = this.stats.apply(item);
        if (key) {
          this.emit("stats", key);
        }
        continue;
      }
      const result = this.store.apply(item);
      switch (result.outcome) {
        case "applied":
        case "gap":
          this.lastChangeAt = Date.now();
          this.emit("changed", { feature: result.feature, changed: result.changed, geometryChanged: result.geometryChanged, flash: true });
          if (result.outcome === "gap") {
            this.refetch(item.id);
          }
          break;
        case "unknown":
          this.refetch(item.id);
          break;
        case "stale":
          break;
      }
    }
  }

  /** Queues a twin to be read again from its grain; a few reads run at once. */
  refetch(id: string): void {
    this.refetchQueue.add(id);
    this.pump();
  }

  private pump(): void {
    while (this.refetching < REFETCH_CONCURRENCY && this.refetchQueue.size > 0) {
      const id = this.refetchQueue.values().next().value;
      if (id === undefined) {
        return;
      }
      this.refetchQueue.delete(id);
      this.refetching++;
      void withRetry(() => api.twin(id), 3)
        .then((feature) => {
          const before = this.store.get(id);
          if (this.store.put(feature)) {
            this.lastChangeAt = Date.now();
            const geometryChanged = JSON.stringify(before?.geometry) !== JSON.stringify(feature.geometry);
            this.emit("changed", { feature, changed: Object.keys(feature.properties), geometryChanged, flash: before?.properties.version !== feature.properties.version });
          }
        })
        .catch((error: unknown) => {
          console.warn(`re-reading ${id} failed`, error);
        })
        .finally(() => {
          this.refetching--;
          this.pump();
        });
    }
  }
}
