import { describe, expect, it } from "vitest";
import type { ChangeItem, Figures, ParkFigures } from "../api/types";
import { StatsStore, statsKey } from "./stats-store";

function figures(settled: number): Figures {
  return {
    enterprises: { settled, signed: 1, underConstruction: 2, inProduction: 3, suspended: 0, exited: 0, aboveDesignatedSize: 1 },
    figures: { year: 2026, revenue: 100, tax: 5, exports: 0, monthly: [] },
    buildings: { total: 1, byStage: { completed: 1 }, vacantCompleted: 0, completedFloorArea: { industrial: 1, service: 0 }, plannedFloorArea: { industrial: 0, service: 0 } },
    plants: { total: 1, byStatus: { operating: 1 }, compliant: 1, capacity: 10, inflow: 5, load: 0.5 },
    network: {},
    stations: {},
    facilities: 0,
  };
}

const park: ParkFigures = { ...figures(10), targets: { revenue: 3300000 }, zones: [{ ...figures(4), id: "zone:chengbei", name: "城北经开区" }] };

function item(id: string, version: number, settled: number): ChangeItem {
  return { id, kind: "stats", version, at: version, zoneId: null, changed: figures(settled) as unknown as Record<string, unknown> };
}

describe("statsKey", () => {
  it("maps item ids to the park or a zone id", () => {
    expect(statsKey("stats:park")).toBe("park");
    expect(statsKey("stats:zone:chengbei")).toBe("zone:chengbei");
    expect(statsKey("stats:chengbei")).toBe("zone:chengbei");
    expect(statsKey("building:x")).toBeNull();
  });
});

describe("StatsStore", () => {
  it("replaces the park's figures from a live item but keeps the targets and zones", () => {
    const store = new StatsStore();
    store.loadPark(park);
    expect(store.apply(item("stats:park", 5, 11))).toBe("park");
    expect(store.get(null)?.enterprises.settled).toBe(11);
    expect(store.targets()).toEqual({ revenue: 3300000 });
    expect(store.zone("zone:chengbei")?.enterprises.settled).toBe(4);
  });

  it("updates one zone from its item", () => {
    const store = new StatsStore();
    store.loadPark(park);
    expect(store.apply(item("stats:zone:chengbei", 7, 5))).toBe("zone:chengbei");
    expect(store.get("zone:chengbei")?.enterprises.settled).toBe(5);
    expect(store.zone("zone:chengbei")?.id).toBe("zone:chengbei");
  });

  it("ignores an item older than the one held", () => {
    const store = new StatsStore();
    store.loadPark(park);
    store.apply(item("stats:park", 9, 12));
    expect(store.apply(item("stats:park", 8, 1))).toBeNull();
    expect(store.get("park")?.enterprises.settled).toBe(12);
  });
});
