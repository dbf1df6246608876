import { describe, expect, it } from "vitest";
import { TickerWindow, type TickerEntry } from "./ticker";

const entry = (key: string, at: number, text = key): TickerEntry => ({ key, at, text, tone: "info" });

describe("ticker window", () => {
  it("keeps the newest entries first and never more than its capacity", () => {
    const ticker = new TickerWindow(5);
    for (let i = 0; i < 1000; i++) {
      ticker.push(entry(`k${i}`, i));
    }
    expect(ticker.size).toBe(5);
    expect(ticker.entries().map((e) => e.at)).toEqual([999, 998, 997, 996, 995]);
  });

  it("keeps one entry per key, the newest", () => {
    const ticker = new TickerWindow(5);
    ticker.push(entry("building:a#stage", 1, "完成1层"));
    ticker.push(entry("building:b#stage", 2));
    ticker.push(entry("building:a#stage", 3, "完成2层"));
    expect(ticker.entries().map((e) => e.text)).toEqual(["完成2层", "building:b#stage"]);
    expect(ticker.push(entry("building:a#stage", 2, "late"))).toBe(false);
  });

  it("places a late arrival by its time and drops one older than the whole window", () => {
    const ticker = new TickerWindow(3);
    ticker.push(entry("a", 10));
    ticker.push(entry("b", 30));
    ticker.push(entry("c", 20));
    expect(ticker.entries().map((e) => e.key)).toEqual(["b", "c", "a"]);
    expect(ticker.push(entry("d", 5))).toBe(false);
    expect(ticker.size).toBe(3);
  });
});
