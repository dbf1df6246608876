import { describe, expect, it } from "vitest";
import { counterValue, easeOutCubic, formatNumber } from "./counter";

describe("counter animation", () => {
  it("starts at the old value and ends exactly at the new one", () => {
    expect(counterValue(100, 250, 0, 1000)).toBe(100);
    expect(counterValue(100, 250, 1000, 1000)).toBe(250);
    expect(counterValue(100, 250, 5000, 1000)).toBe(250);
  });

  it("moves monotonically and eases out (more than half way at half time)", () => {
    const values = [0, 100, 250, 500, 750, 900, 1000].map((t) => counterValue(0, 1000, t, 1000));
    for (let i = 1; i < values.length; i++) {
      expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] ?? 0);
    }
    expect(counterValue(0, 1000, 500, 1000)).toBeCloseTo(875, 6);
  });

  it("counts down as well as up, and jumps when there is no time to animate", () => {
    expect(counterValue(50, 10, 500, 1000)).toBeCloseTo(15, 6);
    expect(counterValue(50, 10, 0, 0)).toBe(10);
  });

  it("clamps the easing to [0, 1]", () => {
    expect(easeOutCubic(-1)).toBe(0);
    expect(easeOutCubic(2)).toBe(1);
  });

  it("formats with thousands separators and fixed decimals", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(1234.5, 1)).toBe("1,234.5");
  });
});
