import { describe, expect, it } from "vitest";
import { boundsOf, labelPoint, unionBounds } from "./geometry";

const square = { type: "Polygon" as const, coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };

describe("boundsOf", () => {
  it("spans every vertex of any geometry type", () => {
    expect(boundsOf(square)).toEqual([0, 0, 2, 2]);
    expect(boundsOf({ type: "LineString", coordinates: [[1, 5], [-1, 3]] })).toEqual([-1, 3, 1, 5]);
    expect(boundsOf(null)).toBeNull();
  });

  it("unions, ignoring a missing side", () => {
    expect(unionBounds([0, 0, 1, 1], [2, -1, 3, 0])).toEqual([0, -1, 3, 1]);
    expect(unionBounds(null, [0, 0, 1, 1])).toEqual([0, 0, 1, 1]);
  });
});

describe("labelPoint", () => {
  it("puts a polygon's label at its centroid, whichever way the ring winds", () => {
    expect(labelPoint(square)).toEqual([1, 1]);
    const clockwise = { type: "Polygon" as const, coordinates: [[[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] };
    expect(labelPoint(clockwise)).toEqual([1, 1]);
  });

  it("uses the largest part of a multipolygon", () => {
    const multi = {
      type: "MultiPolygon" as const,
      coordinates: [[[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]], square.coordinates],
    };
    expect(labelPoint(multi)).toEqual([1, 1]);
  });

  it("puts a line's label halfway along it", () => {
    expect(labelPoint({ type: "LineString", coordinates: [[0, 0], [3, 0], [3, 1]] })).toEqual([2, 0]);
  });

  it("keeps a point where it is", () => {
    expect(labelPoint({ type: "Point", coordinates: [115.5, 27.9] })).toEqual([115.5, 27.9]);
  });
});
