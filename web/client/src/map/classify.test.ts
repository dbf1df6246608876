import { describe, expect, it } from "vitest";
import { builtHeight, exceededLimits, headline, occupancyOf, plannedHeight, plantClass, plantLoad, readingClass } from "./classify";

describe("building heights", () => {
  it("extrudes 4.5 m a floor built, a slab while piling or on foundations, nothing when planned", () => {
    expect(builtHeight("Structure", 3)).toBe(13.5);
    expect(builtHeight("Piling", 0)).toBe(0.8);
    expect(builtHeight("Foundation", 0)).toBe(0.8);
    expect(builtHeight("Planned", 0)).toBe(0);
    expect(builtHeight("Completed", Number.NaN)).toBe(0);
    expect(plannedHeight(6)).toBe(27);
  });
});

describe("occupancy", () => {
  it("is occupied with a tenant, vacant when completed without one, else still building", () => {
    expect(occupancyOf("Completed", "enterprise:a")).toBe("occupied");
    expect(occupancyOf("Completed", null)).toBe("vacant");
    expect(occupancyOf("Structure", null)).toBe("building");
    expect(occupancyOf("ToppedOut", "")).toBe("building");
  });
});

describe("plants", () => {
  const limits = { cod: 50, ammonia: 5, totalPhosphorus: 0.5, phMin: 6, phMax: 9 };

  it("finds the limits a reading exceeds, pH on both sides", () => {
    expect(exceededLimits(limits, { cod: 31.5, ammonia: 1.4, totalPhosphorus: 0.28, ph: 7.3 })).toEqual([]);
    expect(exceededLimits(limits, { cod: 51, ammonia: 6, totalPhosphorus: 0.1, ph: 5.5 })).toEqual(["cod", "ammonia", "ph"]);
    expect(exceededLimits(limits, { ph: 9.5 })).toEqual(["ph"]);
    expect(exceededLimits(null, { cod: 999 })).toEqual([]);
  });

  it("computes load as inflow over capacity, null without a reading", () => {
    expect(plantLoad(15000, { inflow: 8983 })).toBeCloseTo(0.5989, 4);
    expect(plantLoad(15000, null)).toBeNull();
    expect(plantLoad(0, { inflow: 1 })).toBeNull();
  });

  it("classes a plant: breach beats load, offline when not running", () => {
    expect(plantClass("Operating", true, 0.6)).toBe("ok");
    expect(plantClass("Operating", true, 0.85)).toBe("busy");
    expect(plantClass("ExpansionApproved", true, 1.02)).toBe("overload");
    expect(plantClass("Operating", false, 1.2)).toBe("breach");
    expect(plantClass("UnderConstruction", true, null)).toBe("offline");
    expect(plantClass("Operating", true, null)).toBe("offline");
  });
});

describe("stations", () => {
  it("reads AQI for air and COD for rainwater outlets", () => {
    expect(headline("AirQuality", { values: { aqi: 62, pm25: 31 } })).toEqual({ key: "aqi", value: 62 });
    expect(headline("RainwaterOutlet", { values: { cod: 16.2, ph: 7.3 } })).toEqual({ key: "cod", value: 16.2 });
    expect(headline("AirQuality", null)).toBeNull();
  });

  it("classes air by AQI bands and outlets by COD and pH", () => {
    expect(readingClass("AirQuality", { values: { aqi: 42 } })).toBe("good");
    expect(readingClass("EnvironmentDisplay", { values: { aqi: 62 } })).toBe("moderate");
    expect(readingClass("AirQuality", { values: { aqi: 151 } })).toBe("poor");
    expect(readingClass("RainwaterOutlet", { values: { cod: 16, ph: 7 } })).toBe("good");
    expect(readingClass("RainwaterOutlet", { values: { cod: 16, ph: 9.4 } })).toBe("poor");
    expect(readingClass("RainwaterOutlet", { values: { cod: 45, ph: 7 } })).toBe("moderate");
    expect(readingClass("AirQuality", {})).toBe("none");
  });
});
