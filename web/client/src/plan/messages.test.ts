import { describe, expect, it } from "vitest";
import { planEn, planZh, pt } from "./messages";

describe("planner messages", () => {
  it("has every Chinese key in English too", () => {
    expect(Object.keys(planEn).sort()).toEqual(Object.keys(planZh).sort());
  });

  it("fills placeholders", () => {
    expect(pt("zh", "plan.rowError", { line: 6, field: "industry", error: "x" })).toBe("第 6 行 · industry：x");
    expect(pt("en", "plan.imported", { count: 30 })).toBe("30 imported");
  });
});
