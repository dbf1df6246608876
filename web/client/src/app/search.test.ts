import { describe, expect, it } from "vitest";
import { search, type Searchable } from "./search";

const items: Searchable[] = [
  { id: "zone:chengbei", kind: "zone", name: "城北经开区", nameEn: "Chengbei Economic Development Zone" },
  { id: "plant:chengbei", kind: "plant", name: "城北经开区污水处理厂", nameEn: "Chengbei EDZ wastewater treatment plant" },
  { id: "network:chengbei-avenue", kind: "network", name: "城北大道", nameEn: "Chengbei Avenue" },
  { id: "building:chengbei-p1-01", kind: "building", name: "1期1号厂房", nameEn: "Phase 1 factory building No. 1" },
];

describe("search", () => {
  it("finds Chinese names anywhere in the name", () => {
    expect(search(items, "污水").map((i) => i.id)).toEqual(["plant:chengbei"]);
  });

  it("ranks exact, then prefix matches, then by kind", () => {
    expect(search(items, "城北").map((i) => i.id)).toEqual(["zone:chengbei", "plant:chengbei", "network:chengbei-avenue"]);
    expect(search(items, "城北大道")[0]?.id).toBe("network:chengbei-avenue");
  });

  it("matches ids and English names case-insensitively", () => {
    expect(search(items, "BUILDING:chengbei-p1")[0]?.id).toBe("building:chengbei-p1-01");
    expect(search(items, "avenue").map((i) => i.id)).toEqual(["network:chengbei-avenue"]);
  });

  it("returns nothing for a blank query and respects the limit", () => {
    expect(search(items, "   ")).toEqual([]);
    expect(search(items, "chengbei", 2)).toHaveLength(2);
  });
});
