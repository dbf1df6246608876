import { describe, expect, it } from "vitest";
import { appendReading, RECENT_READINGS, withRecent } from "./recent-readings";

const reading = (minute: number, cod = 20) => ({ at: `2026-11-27T10:${String(minute).padStart(2, "0")}:00+00:00`, inflow: 1000, cod });

describe("appendReading", () => {
  it("appends the latest reading after the held ones", () => {
    expect(appendReading([reading(1), reading(2)], reading(3))).toEqual([reading(1), reading(2), reading(3)]);
  });

  it("replaces a held reading of the same time instead of repeating it", () => {
    expect(appendReading([reading(1), reading(2, 20)], reading(2, 99))).toEqual([reading(1), reading(2, 99)]);
  });

  it("keeps as many readings as the server does, dropping the oldest", () => {
    const held = Array.from({ length: RECENT_READINGS }, (_, i) => reading(i));
    const after = appendReading(held, reading(59));
    expect(after).toHaveLength(RECENT_READINGS);
    expect(after[0]).toEqual(reading(1));
    expect(after.at(-1)).toEqual(reading(59));
  });

  it("starts a list when none is held and leaves it alone when there is no reading", () => {
    expect(appendReading(undefined, reading(1))).toEqual([reading(1)]);
    expect(appendReading([reading(1)], null)).toEqual([reading(1)]);
  });
});

describe("withRecent", () => {
  it("adds the new latest to a plant's recent readings when the item does not carry them", () => {
    const changed = withRecent("plant", { recent: [reading(1)] }, { latest: reading(2), compliant: true });
    expect(changed).toEqual({ latest: reading(2), compliant: true, recent: [reading(1), reading(2)] });
  });

  it("takes recent from the item when it carries it, and leaves other kinds alone", () => {
    expect(withRecent("plant", { recent: [reading(1)] }, { latest: reading(3), recent: [reading(3)] })).toEqual({ latest: reading(3), recent: [reading(3)] });
    expect(withRecent("station", { recent: [reading(1)] }, { latest: reading(2) })).toEqual({ latest: reading(2) });
    expect(withRecent("plant", { recent: [reading(1)] }, { status: "Operating" })).toEqual({ status: "Operating" });
  });
});
