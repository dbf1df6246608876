import { describe, expect, it } from "vitest";
import type { ChangeItem, TwinFeature } from "../api/types";
import { TwinStore } from "./store";

function building(version: number, floorsBuilt = 2): TwinFeature {
  return {
    type: "Feature",
    id: "building:b1",
    geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
    properties: { kind: "building", name: "1号厂房", version, stage: "Structure", floorsBuilt, floorsPlanned: 5, tenantId: null },
  };
}

function change(version: number, changed: Record<string, unknown>, extra: Partial<ChangeItem> = {}): ChangeItem {
  return { id: "building:b1", kind: "building", version, at: 1_000 + version, zoneId: "zone:z", changed, ...extra };
}

describe("TwinStore.apply", () => {
  it("merges only the changed properties of the next version", () => {
    const store = new TwinStore();
    store.put(building(4));
    const result = store.apply(change(5, { floorsBuilt: 3, updatedAt: "t" }));
    expect(result.outcome).toBe("applied");
    const held = store.get("building:b1");
    expect(held?.properties).toMatchObject({ floorsBuilt: 3, stage: "Structure", floorsPlanned: 5, version: 5, updatedAt: "t" });
    expect(store.version("building:b1")).toBe(5);
  });

  it("ignores an item at or below the held version", () => {
    const store = new TwinStore();
    store.put(building(4));
    expect(store.apply(change(4, { floorsBuilt: 9 })).outcome).toBe("stale");
    expect(store.apply(change(3, { floorsBuilt: 9 })).outcome).toBe("stale");
    expect(store.get("building:b1")?.properties["floorsBuilt"]).toBe(2);
  });

  it("applies an item that skips versions but reports the gap, so the twin is re-fetched", () => {
    const store = new TwinStore();
    store.put(building(4));
    const result = store.apply(change(7, { floorsBuilt: 4 }));
    expect(result).toMatchObject({ outcome: "gap", held: 4 });
    expect(store.version("building:b1")).toBe(7);
  });

  it("reports a twin it does not hold as unknown", () => {
    expect(new TwinStore().apply(change(1, {})).outcome).toBe("unknown");
  });

  it("replaces the geometry only when the item carries one", () => {
    const store = new TwinStore();
    store.put(building(1));
    const moved = { type: "Point" as const, coordinates: [5, 5] };
    expect(store.apply(change(2, { stage: "ToppedOut" })).outcome).toBe("applied");
    expect(store.get("building:b1")?.geometry?.type).toBe("Polygon");
    const result = store.apply(change(3, {}, { geometry: moved }));
    expect(result).toMatchObject({ outcome: "applied", geometryChanged: true });
    expect(store.get("building:b1")?.geometry).toEqual(moved);
  });

  it("never lets a change rewrite a twin's kind", () => {
    const store = new TwinStore();
    store.put(building(1));
    store.apply(change(2, { kind: "plant" }));
    expect(store.get("building:b1")?.properties.kind).toBe("building");
  });
});

describe("TwinStore.put and behind", () => {
  it("keeps a newer held version over an older fetched one", () => {
    const store = new TwinStore();
    store.put(building(6, 4));
    expect(store.put(building(5, 3))).toBe(false);
    expect(store.get("building:b1")?.properties["floorsBuilt"]).toBe(4);
    expect(store.put(building(6, 4))).toBe(true);
  });

  it("lists the twins a snapshot says are newer or missing", () => {
    const store = new TwinStore();
    store.put(building(6));
    expect(store.behind({ "building:b1": 6, "plant:p": 1 })).toEqual(["plant:p"]);
    expect(store.behind({ "building:b1": 7 })).toEqual(["building:b1"]);
  });

  it("counts twins by kind", () => {
    const store = new TwinStore();
    store.put(building(1));
    store.put({ ...building(1), id: "building:b2" });
    expect(store.counts()).toEqual({ building: 2 });
  });
});

describe("TwinStore.apply for a plant reading", () => {
  const reading = (minute: number) => ({ at: `2026-11-27T10:0${minute}:00+00:00`, inflow: 1000 + minute, cod: 20 });
  function plant(version: number): TwinFeature {
    return { type: "Feature", id: "plant:p", geometry: null, properties: { kind: "plant", name: "污水处理厂", version, latest: reading(1), recent: [reading(0), reading(1)] } };
  }
  function item(version: number, minute: number): ChangeItem {
    return { id: "plant:p", kind: "plant", version, at: 1_000 + version, zoneId: "zone:z", changed: { latest: reading(minute), compliant: true, updatedAt: "t" } };
  }

  it("appends each live latest to the recent readings it holds, as items no longer carry them", () => {
    const store = new TwinStore();
    store.put(plant(3));
    expect(store.apply(item(4, 2)).outcome).toBe("applied");
    expect(store.apply(item(5, 3)).outcome).toBe("applied");
    expect(store.get("plant:p")?.properties["recent"]).toEqual([reading(0), reading(1), reading(2), reading(3)]);
    expect(store.get("plant:p")?.properties["latest"]).toEqual(reading(3));
  });

  it("reports the change as latest and compliant only", () => {
    const store = new TwinStore();
    store.put(plant(3));
    const result = store.apply(item(4, 2));
    expect(result.outcome === "applied" ? result.changed : []).toEqual(["latest", "compliant", "updatedAt"]);
  });
});
