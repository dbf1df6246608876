import { describe, expect, it } from "vitest";
import { CANDIDATE_PALETTE, buildingColors, changeLines, comparable, progressOf, timeSpanSeconds } from "./plan-logic";
import type { CommitPreview, RunRecord } from "./types";

describe("buildingColors", () => {
  it("gives each candidate its own colour, in candidate id order, whatever the plan's order", () => {
    const colors = buildingColors([
      { candidateId: "b", buildingId: "building:2", source: "Optimiser" },
      { candidateId: "a", buildingId: "building:1", source: "Manual" },
    ]);
    expect(colors.get("building:1")).toBe(CANDIDATE_PALETTE[0]);
    expect(colors.get("building:2")).toBe(CANDIDATE_PALETTE[1]);
  });

  it("colours a shared building by its first candidate", () => {
    const colors = buildingColors([
      { candidateId: "z", buildingId: "building:1", source: "Optimiser" },
      { candidateId: "a", buildingId: "building:1", source: "Optimiser" },
    ]);
    expect(colors.size).toBe(1);
    expect(colors.get("building:1")).toBe(CANDIDATE_PALETTE[0]);
  });
});

describe("timeSpanSeconds", () => {
  it("reads .NET TimeSpan JSON", () => {
    expect(timeSpanSeconds("00:00:05.5")).toBe(5.5);
    expect(timeSpanSeconds("01:02:03")).toBe(3723);
    expect(timeSpanSeconds("1.00:00:01")).toBe(86401);
    expect(timeSpanSeconds("soon")).toBeNaN();
  });
});

describe("progressOf", () => {
  it("shows elapsed seconds, objective, bound and the gap in percent", () => {
    const run = { status: "Running", elapsed: "00:00:02.25", objective: 1200, bestBound: 1250.5, gap: 0.04 } as RunRecord;
    expect(progressOf(run)).toEqual({ elapsed: "2.3 s", objective: "1200.0", bound: "1250.5", gap: "4.00 %", done: false });
    expect(progressOf({ ...run, status: "Optimal" }).done).toBe(true);
  });
});

describe("changeLines", () => {
  it("lists each building, then who moves into it", () => {
    const preview: CommitPreview = {
      conflicts: [],
      changes: [
        { action: "LetBuilding", twinId: "building:a", name: "1号", buildingId: "building:a", candidateIds: ["x"] },
        { action: "CreateEnterprise", twinId: "enterprise:plan-x-…", name: "X", buildingId: "building:a", candidateIds: ["x"] },
        { action: "CreateBuilding", twinId: "building:p", name: "规划", buildingId: "building:p", candidateIds: ["y"] },
        { action: "MoveIn", twinId: "enterprise:y", name: "Y", buildingId: "building:p", candidateIds: ["y"] },
      ],
    };
    expect(changeLines(preview).map((l) => l.twinId)).toEqual(["building:a", "enterprise:plan-x-…", "building:p", "enterprise:y"]);
  });
});

describe("comparable", () => {
  it("needs two distinct scenarios", () => {
    expect(comparable(["a", "a"])).toBeNull();
    expect(comparable(["a", "", "b", "a"])).toEqual(["a", "b"]);
  });
});
