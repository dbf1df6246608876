import { describe, expect, it } from "vitest";
import type { TwinFeature, TwinKind } from "../api/types";
import { occupancyColors, plantColors, stageColors } from "./palette";
import { diffProps, plantCompliant, renderProps } from "./render-props";

function feature(id: string, properties: { kind: TwinKind } & Record<string, unknown>): TwinFeature {
  return { type: "Feature", id, geometry: null, properties: { version: 1, ...properties } };
}

describe("renderProps", () => {
  it("flattens a building into heights and both colourings", () => {
    const props = renderProps(
      feature("building:b", { kind: "building", name: "3期7号厂房", nameEn: "P3 No. 7", stage: "Structure", floorsBuilt: 3, floorsPlanned: 5, tenantId: null }),
    );
    expect(props).toMatchObject({
      tid: "building:b",
      name: "3期7号厂房",
      nameEn: "P3 No. 7",
      height: 13.5,
      plannedHeight: 22.5,
      cStage: stageColors["Structure"],
      cOccupancy: occupancyColors.building,
    });
  });

  it("colours a plant by compliance and load, computed from its latest reading", () => {
    const plant = feature("plant:p", {
      kind: "plant",
      status: "Operating",
      capacity: 10000,
      limits: { cod: 50, ammonia: 5, totalPhosphorus: 0.5, phMin: 6, phMax: 9 },
      latest: { inflow: 9000, cod: 30, ammonia: 1, totalPhosphorus: 0.2, ph: 7 },
      compliant: true,
    });
    expect(renderProps(plant)).toMatchObject({ plantClass: "busy", load: 0.9, compliant: true, color: plantColors.busy });
    plant.properties["latest"] = { inflow: 5000, cod: 80, ammonia: 1, totalPhosphorus: 0.2, ph: 7 };
    expect(renderProps(plant)).toMatchObject({ plantClass: "breach", compliant: false });
  });

  it("trusts the server's compliant flag when limits or reading are missing", () => {
    expect(plantCompliant({ compliant: false })).toBe(false);
    expect(plantCompliant({})).toBe(true);
  });

  it("labels a station with its headline value", () => {
    const station = feature("station:a", { kind: "station", station: "AirQuality", latest: { values: { aqi: 62, pm25: 31 } } });
    expect(renderProps(station)).toMatchObject({ reading: "moderate", value: "AQI 62" });
  });

  it("falls back to the id when a twin has no name", () => {
    expect(renderProps(feature("network:n", { kind: "network", status: "Accepted" }))).toMatchObject({ name: "network:n", nameEn: "network:n" });
  });
});

describe("diffProps", () => {
  it("lists only the values that changed", () => {
    expect(diffProps({ a: 1, b: "x" }, { a: 1, b: "y", c: true })).toEqual([
      { key: "b", value: "y" },
      { key: "c", value: true },
    ]);
    expect(diffProps({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
