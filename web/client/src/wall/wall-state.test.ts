import { describe, expect, it } from "vitest";
import { isNewer, parseWallState, wallIdFrom } from "./wall-state";

describe("wall state", () => {
  it("reads the server's state, colouring in lower case", () => {
    const state = parseWallState({
      wallId: "main",
      version: 4,
      focusZoneId: "zone:circular",
      hiddenLayers: ["labels", "bogus"],
      coloring: "Compliance",
      scenarioId: null,
      tourPaused: true,
      acknowledged: [{ plantId: "plant:a", at: "2026-11-27T08:00:00+00:00" }, { plantId: 3 }],
      following: true,
      camera: { lon: 115.5, lat: 27.9, zoom: 14, bearing: 10, pitch: 50 },
      lastActionAt: "2026-11-27T08:00:00Z",
    });
    expect(state).toMatchObject({ wallId: "main", version: 4, coloring: "compliance", hiddenLayers: ["labels"], tourPaused: true, following: true });
    expect(state?.acknowledged).toEqual([{ plantId: "plant:a", at: "2026-11-27T08:00:00+00:00" }]);
    expect(state?.lastActionAt).toBe(Date.parse("2026-11-27T08:00:00Z"));
  });

  it("refuses what is not a wall state", () => {
    expect(parseWallState(null)).toBeNull();
    expect(parseWallState({ version: 1 })).toBeNull();
  });

  it("keeps the highest version", () => {
    const a = parseWallState({ wallId: "main", version: 2 });
    const b = parseWallState({ wallId: "main", version: 3 });
    expect(a && b && isNewer(a, b)).toBe(true);
    expect(a && b && isNewer(b, a)).toBe(false);
    expect(b && isNewer(null, b)).toBe(true);
  });

  it("takes the wall id from the query, main by default or when malformed", () => {
    expect(wallIdFrom("?id=lobby", "id")).toBe("lobby");
    expect(wallIdFrom("?wall=lobby", "wall")).toBe("lobby");
    expect(wallIdFrom("", "id")).toBe("main");
    expect(wallIdFrom("?id=../x", "id")).toBe("main");
  });
});
