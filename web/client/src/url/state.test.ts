import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, formatHash, normaliseBearing, parseHash, type UrlState } from "./state";

describe("url state", () => {
  it("round-trips selection, view, language, colouring, theme and hidden layers", () => {
    const state: UrlState = {
      sel: "building:yaodu-innov-pharma-p3-07",
      view: { center: [115.512345, 27.901234], zoom: 16.25, bearing: -30, pitch: 55 },
      lang: "en",
      color: "occupancy",
      theme: "light",
      off: ["enterprises", "labels"],
    };
    const hash = formatHash(state);
    expect(hash).toBe("#/?sel=building:yaodu-innov-pharma-p3-07&c=115.512345,27.901234,16.25,-30,55&lang=en&color=occupancy&theme=light&off=enterprises,labels");
    expect(parseHash(hash)).toEqual(state);
  });

  it("leaves defaults out of the hash", () => {
    expect(formatHash(DEFAULT_STATE)).toBe("#/?");
    expect(parseHash("")).toEqual(DEFAULT_STATE);
    expect(parseHash("#/?")).toEqual(DEFAULT_STATE);
  });

  it("accepts an escaped selection", () => {
    expect(parseHash("#/?sel=plant%3Achengbei").sel).toBe("plant:chengbei");
  });

  it("drops malformed values instead of failing", () => {
    const state = parseHash("#/?sel=not an id&c=1,2&lang=fr&color=rainbow&theme=neon&off=zones,nonsense");
    expect(state.sel).toBeNull();
    expect(state.view).toBeNull();
    expect(state.lang).toBe("zh");
    expect(state.color).toBe("stage");
    expect(state.theme).toBe("dark");
    expect(state.off).toEqual(["zones"]);
  });

  it("rejects a view out of range and accepts one without bearing and pitch", () => {
    expect(parseHash("#/?c=200,27,10").view).toBeNull();
    expect(parseHash("#/?c=115,27,30").view).toBeNull();
    expect(parseHash("#/?c=115,27,12").view).toEqual({ center: [115, 27], zoom: 12, bearing: 0, pitch: 0 });
  });

  it("normalises bearings into (-180, 180]", () => {
    expect(normaliseBearing(190)).toBe(-170);
    expect(normaliseBearing(-180)).toBe(180);
    expect(normaliseBearing(360)).toBe(0);
  });
});
