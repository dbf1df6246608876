import { describe, expect, it } from "vitest";
import { compactMoney, formatArea, formatFlow, formatMoney, formatNumber, formatPercent } from "./format";

describe("formatMoney", () => {
  it("shows 亿元 from 10,000 万元 up and 万元 below", () => {
    expect(formatMoney("zh", 2_323_284)).toBe("232.33 亿元");
    expect(formatMoney("zh", 8600)).toBe("8,600 万元");
    expect(formatMoney("en", 2_323_284)).toBe("23.23bn yuan");
    expect(formatMoney("en", 8600)).toBe("86M yuan");
    expect(formatMoney("en", 493.6)).toBe("4.9M yuan");
    expect(formatMoney("en", 0)).toBe("0 yuan");
    expect(formatMoney("en", 58.2)).toBe("582k yuan");
    expect(formatMoney("zh", 58.2)).toBe("58.2 万元");
    expect(formatMoney("zh", 0)).toBe("0 万元");
  });

  it("shows a dash for a missing figure", () => {
    expect(formatMoney("zh", null)).toBe("—");
    expect(formatMoney("zh", Number.NaN)).toBe("—");
  });
});

describe("other units", () => {
  it("formats areas, flows, percentages and plain numbers", () => {
    expect(formatArea("zh", 8960)).toBe("8,960 平方米");
    expect(formatArea("zh", 125_000)).toBe("12.50 万平方米");
    expect(formatFlow("en", 8983)).toBe("8,983 t/day");
    expect(formatPercent("en", 0.5989)).toBe("60%");
    expect(formatPercent("en", 0.042)).toBe("4.2%");
    expect(formatNumber("en", 1234.5, 1)).toBe("1,234.5");
  });
});

describe("compactMoney", () => {
  it("shortens 万元 for chart axes in each language", () => {
    expect(compactMoney("zh", 250_000)).toBe("25亿");
    expect(compactMoney("zh", 4_000)).toBe("4000万");
    expect(compactMoney("en", 250_000)).toBe("2.5bn");
    expect(compactMoney("en", 4_000)).toBe("40M");
  });
});
