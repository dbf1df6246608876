import { describe, expect, it } from "vitest";
import { nextStop, shouldTour } from "./tour";
import type { WallState } from "./wall-state";

const state = (over: Partial<WallState>): WallState => ({
  wallId: "main", version: 1, focusZoneId: null, hiddenLayers: [], coloring: "stage", scenarioId: null,
  tourPaused: false, acknowledged: [], following: false, camera: null, lastActionAt: 0, ...over,
});

describe("the idle tour", () => {
  it("runs only when the presenter has been idle long enough, has not paused it and is not followed", () => {
    expect(shouldTour(state({ lastActionAt: 1000 }), 1000 + 59_999)).toBe(false);
    expect(shouldTour(state({ lastActionAt: 1000 }), 1000 + 60_000)).toBe(true);
    expect(shouldTour(state({ tourPaused: true }), 1e12)).toBe(false);
    expect(shouldTour(state({ following: true }), 1e12)).toBe(false);
    expect(shouldTour(null, 1e12)).toBe(false);
  });

  it("goes from the park through every zone and round again", () => {
    const zones = ["zone:a", "zone:b"];
    expect(nextStop(undefined, zones)).toBeNull();
    expect(nextStop(null, zones)).toBe("zone:a");
    expect(nextStop("zone:a", zones)).toBe("zone:b");
    expect(nextStop("zone:b", zones)).toBeNull();
    expect(nextStop("zone:gone", zones)).toBeNull();
  });
});
