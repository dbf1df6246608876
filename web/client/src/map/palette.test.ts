import { describe, expect, it } from "vitest";
import { colorOf, contrast, industryColors, networkStatusColors, plantColors, readingColors, stageColors, unknownColor } from "./palette";

const DARK_BG = "#0f141a";

describe("palette", () => {
  it("has a colour for every construction stage and network status the API knows", () => {
    for (const stage of ["Planned", "Piling", "Foundation", "Structure", "ToppedOut", "Completed"]) {
      expect(stageColors[stage], stage).toMatch(/^#[0-9a-f]{6}$/);
    }
    for (const status of ["Planned", "Designed", "UnderConstruction", "Completed", "Accepted"]) {
      expect(networkStatusColors[status], status).toMatch(/^#[0-9a-f]{6}$/);
    }
    for (const industry of ["Pharma", "MetalFurniture", "SaltChemical", "Recycling", "Mixed"]) {
      expect(industryColors[industry], industry).toBeDefined();
    }
  });

  it("keeps the stage colours distinct from each other", () => {
    const colours = Object.values(stageColors);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("falls back to a neutral colour for unknown values", () => {
    expect(colorOf(stageColors, "Demolished")).toBe(unknownColor);
    expect(colorOf(stageColors, 3)).toBe(unknownColor);
  });

  it("reads against the dark background (contrast ≥ 3:1 for the status colours)", () => {
    for (const colour of [...Object.values(plantColors), ...Object.values(readingColors), ...Object.values(stageColors)]) {
      expect(contrast(colour, DARK_BG), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it("computes WCAG contrast: black on white is 21:1", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});
