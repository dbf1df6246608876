import { describe, expect, it } from "vitest";
import type { TwinFeature } from "../api/types";
import { describeChange } from "./change-text";

const zones: Record<string, string> = { "zone:yaodu-tech-pharma": "药都科技产业园医药区" };
const zoneName = (id: string) => zones[id] ?? null;

function feature(id: string, properties: Record<string, unknown>): TwinFeature {
  return { type: "Feature", id, geometry: null, properties: { version: 2, zoneId: "zone:yaodu-tech-pharma", ...properties } as TwinFeature["properties"] };
}

describe("a change in plain Chinese", () => {
  it("says a building topped out with its zone and name", () => {
    const b = feature("building:x", { kind: "building", name: "3号厂房", stage: "ToppedOut", floorsBuilt: 5 });
    expect(describeChange(["stage", "floorsBuilt"], b, zoneName)?.text).toBe("药都科技产业园医药区 3号厂房 封顶");
  });

  it("counts the floors of a rising building", () => {
    const b = feature("building:x", { kind: "building", name: "1期2号厂房", stage: "Structure", floorsBuilt: 3 });
    expect(describeChange(["floorsBuilt"], b, zoneName)?.text).toBe("药都科技产业园医药区 1期2号厂房 完成3层");
  });

  it("tells an enterprise going into production", () => {
    const e = feature("enterprise:x", { kind: "enterprise", name: "鑫宁酒业有限公司", status: "InProduction" });
    const text = describeChange(["status"], e, zoneName);
    expect(text?.text).toBe("药都科技产业园医药区 鑫宁酒业有限公司 竣工投产");
    expect(text?.tone).toBe("good");
  });

  it("tells a plant's effluent over its limit, and says nothing of a routine reading", () => {
    const limits = { cod: 50, ammonia: 5, totalPhosphorus: 0.5, phMin: 6, phMax: 9 };
    const over = feature("plant:x", { kind: "plant", name: "城北经开区污水处理厂", limits, latest: { at: "2026-11-27T08:00:00Z", cod: 62, ammonia: 1, totalPhosphorus: 0.2, ph: 7 } });
    const text = describeChange(["latest", "recent"], over, zoneName);
    expect(text?.text).toBe("城北经开区污水处理厂 出水超标：COD 62 mg/L（限值 50）");
    expect(text?.tone).toBe("warn");
    const fine = feature("plant:x", { kind: "plant", name: "p", limits, latest: { at: "2026-11-27T08:00:00Z", cod: 20, ammonia: 1, totalPhosphorus: 0.2, ph: 7 } });
    expect(describeChange(["latest", "recent"], fine, zoneName)).toBeNull();
  });

  it("reports monthly figures in 万元", () => {
    const e = feature("enterprise:x", { kind: "enterprise", name: "仁晖电子科技有限公司", figures: [{ month: "2026-10", revenue: 10 }, { month: "2026-11", revenue: 1234.5 }] });
    expect(describeChange(["figures"], e, zoneName)?.text).toBe("仁晖电子科技有限公司 报送2026年11月经营数据：主营业务收入 1,234.5 万元");
  });

  it("says nothing of stations", () => {
    expect(describeChange(["latest"], feature("station:x", { kind: "station", name: "s" }), zoneName)).toBeNull();
  });
});
