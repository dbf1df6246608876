import { describe, expect, it } from "vitest";
import { displayName, enumLabel, interpolate, translate } from "./i18n";
import { en, zh } from "./messages";

describe("messages", () => {
  it("English has exactly the Chinese keys, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("both languages use the same placeholders for each key", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});

describe("translate", () => {
  it("is Chinese or English and fills placeholders", () => {
    expect(translate("zh", "stats.vacant", { n: 3 })).toBe("空置已竣工 3 栋");
    expect(translate("en", "stats.vacant", { n: 3 })).toBe("3 completed and vacant");
  });

  it("leaves unknown placeholders visible rather than dropping them", () => {
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("enumLabel", () => {
  it("labels known values and passes unknown ones through", () => {
    expect(enumLabel("zh", "stage", "ToppedOut")).toBe("封顶");
    expect(enumLabel("en", "stage", "ToppedOut")).toBe("Topped out");
    expect(enumLabel("zh", "stage", "Demolished")).toBe("Demolished");
    expect(enumLabel("zh", "stage", null)).toBe("—");
  });
});

describe("displayName", () => {
  it("prefers the language's name and falls back to the other", () => {
    const both = { name: "1期1号厂房", nameEn: "Phase 1 building 1" };
    expect(displayName("zh", both)).toBe("1期1号厂房");
    expect(displayName("en", both)).toBe("Phase 1 building 1");
    expect(displayName("en", { name: "城北大道", nameEn: null })).toBe("城北大道");
    expect(displayName("zh", {}, "building:x")).toBe("building:x");
  });
});
