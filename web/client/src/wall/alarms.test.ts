import { describe, expect, it } from "vitest";
import type { TwinFeature } from "../api/types";
import { activeAlarms, alarmKey } from "./alarms";

const limits = { cod: 50, ammonia: 5, totalPhosphorus: 0.5, phMin: 6, phMax: 9 };
const now = Date.parse("2026-11-27T12:00:00Z");

function plant(id: string, recent: Record<string, unknown>[]): TwinFeature {
  return { type: "Feature", id, geometry: null, properties: { kind: "plant", version: 1, name: id, zoneId: "zone:z", limits, recent, latest: recent.at(-1) ?? null } };
}

const ok = (at: string) => ({ at, inflow: 100, cod: 20, ammonia: 1, totalPhosphorus: 0.2, ph: 7 });

describe("effluent alarms", () => {
  it("raises one alarm per reading over a limit, newest first, until acknowledged", () => {
    const p = plant("plant:a", [ok("2026-11-27T10:00:00Z"), { ...ok("2026-11-27T10:05:00Z"), cod: 70 }, ok("2026-11-27T10:10:00Z"), { ...ok("2026-11-27T10:15:00Z"), ph: 9.5 }]);
    const alarms = activeAlarms([p], [], now);
    expect(alarms.map((a) => [a.at, a.exceeded])).toEqual([
      ["2026-11-27T10:15:00Z", ["ph"]],
      ["2026-11-27T10:05:00Z", ["cod"]],
    ]);
    // The server may write the time with another offset: the instant is what counts.
    const acked = activeAlarms([p], [{ plantId: "plant:a", at: "2026-11-27T18:15:00+08:00" }], now);
    expect(acked.map((a) => a.at)).toEqual(["2026-11-27T10:05:00Z"]);
  });

  it("stays while the plant is back within its limits", () => {
    const p = plant("plant:a", [{ ...ok("2026-11-27T10:05:00Z"), cod: 70 }, ok("2026-11-27T10:10:00Z")]);
    expect(activeAlarms([p], [], now)).toHaveLength(1);
  });

  it("forgets readings older than the window", () => {
    const p = plant("plant:a", [{ ...ok("2026-11-25T10:05:00Z"), cod: 70 }]);
    expect(activeAlarms([p], [], now)).toHaveLength(0);
  });

  it("keys an alarm by plant and instant", () => {
    expect(alarmKey("plant:a", "2026-11-27T10:00:00Z")).toBe(alarmKey("plant:a", "2026-11-27T18:00:00+08:00"));
  });
});
