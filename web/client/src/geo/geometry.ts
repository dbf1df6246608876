/** Small planar helpers on lon/lat geometry: bounds and a label point. Good enough at park scale. */
import type { Geometry, Position } from "geojson";

export type Bounds = [number, number, number, number];

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case "Point":
      return [geometry.coordinates];
    case "MultiPoint":
    case "LineString":
      return geometry.coordinates;
    case "MultiLineString":
    case "Polygon":
      return geometry.coordinates.flat();
    case "MultiPolygon":
      return geometry.coordinates.flat(2);
    case "GeometryCollection":
      return geometry.geometries.flatMap(positions);
  }
}

/** [minLon, minLat, maxLon, maxLat], or null for an empty geometry. */
export function boundsOf(geometry: Geometry | null | undefined): Bounds | null {
  if (!geometry) {
    return null;
  }
  let result: Bounds | null = null;
  for (const [x, y] of positions(geometry)) {
    if (x === undefined || y === undefined) {
      continue;
    }
    result = result ? [Math.min(result[0], x), Math.min(result[1], y), Math.max(result[2], x), Math.max(result[3], y)] : [x, y, x, y];
  }
  return result;
}

export function unionBounds(a: Bounds | null, b: Bounds | null): Bounds | null {
  if (!a) {
    return b;
  }
  if (!b) {
    return a;
  }
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The area-weighted centroid of a ring (shoelace), or its vertex mean when degenerate. */
function ringCentroid(ring: Position[]): { x: number; y: number; area: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    const cross = x1 * y2 - x2 * y1;
    area += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  area /= 2;
  if (Math.abs(area) < 1e-14) {
    const n = Math.max(ring.length, 1);
    return { x: ring.reduce((s, p) => s + (p[0] ?? 0), 0) / n, y: ring.reduce((s, p) => s + (p[1] ?? 0), 0) / n, area: 0 };
  }
  return { x: cx / (6 * area), y: cy / (6 * area), area: Math.abs(area) };
}

/** The midpoint along a line, by length. */
function lineMidpoint(line: Position[]): [number, number] {
  let total = 0;
  for (let i = 1; i < line.length; i++) {
    total += Math.hypot((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0), (line[i]?.[1] ?? 0) - (line[i - 1]?.[1] ?? 0));
  }
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    const [x0 = 0, y0 = 0] = line[i - 1] ?? [];
    const [x1 = 0, y1 = 0] = line[i] ?? [];
    const step = Math.hypot(x1 - x0, y1 - y0);
    if (walked + step >= total / 2 && step > 0) {
      const f = (total / 2 - walked) / step;
      return [x0 + (x1 - x0) * f, y0 + (y1 - y0) * f];
    }
    walked += step;
  }
  const first = line[0];
  return [first?.[0] ?? 0, first?.[1] ?? 0];
}

/** Where a geometry's label goes: a polygon's centroid (largest part), a line's middle, a point itself. */
export function labelPoint(geometry: Geometry | null | undefined): [number, number] | null {
  if (!geometry) {
    return null;
  }
  switch (geometry.type) {
    case "Point":
      return [geometry.coordinates[0] ?? 0, geometry.coordinates[1] ?? 0];
    case "LineString":
      return lineMidpoint(geometry.coordinates);
    case "MultiLineString": {
      const longest = [...geometry.coordinates].sort((a, b) => b.length - a.length)[0];
      return longest ? lineMidpoint(longest) : null;
    }
    case "Polygon": {
      const outer = geometry.coordinates[0];
      if (!outer) {
        return null;
      }
      const c = ringCentroid(outer);
      return [c.x, c.y];
    }
    case "MultiPolygon": {
      let best: { x: number; y: number; area: number } | null = null;
      for (const polygon of geometry.coordinates) {
        const outer = polygon[0];
        if (outer) {
          const c = ringCentroid(outer);
          if (!best || c.area > best.area) {
            best = c;
          }
        }
      }
      return best ? [best.x, best.y] : null;
    }
    default: {
      const b = boundsOf(geometry);
      return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : null;
    }
  }
}
