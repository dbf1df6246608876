import { describe, expect, it } from "vitest";
import { readScenarios } from "./scenarios";

describe("the scenario list", () => {
  it("reads an array or a {scenarios} object, naming a scenario by its id when it has no name", () => {
    expect(readScenarios([{ id: "s1", name: "方案一" }, { id: "s2" }])).toEqual([
      { id: "s1", name: "方案一" },
      { id: "s2", name: "s2" },
    ]);
    expect(readScenarios({ scenarios: [{ id: "s3", name: "" }] })).toEqual([{ id: "s3", name: "s3" }]);
  });

  it("is empty for anything else", () => {
    expect(readScenarios(null)).toEqual([]);
    expect(readScenarios({ title: "Not found" })).toEqual([]);
    expect(readScenarios([null, { name: "no id" }])).toEqual([]);
  });
});
