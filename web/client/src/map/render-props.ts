/**
 * A twin's state flattened into what the map's style reads. Nested state (readings, limits) does
 * not survive GeoJSON tiling, and colours are decided here (pure, tested) rather than in style
 * expressions. The layers diff these records, so a change sends only what it alters.
 */
import type { TwinFeature } from "../api/types";
import {
  builtHeight,
  exceededLimits,
  headline,
  occupancyOf,
  plannedHeight,
  plantClass,
  plantLoad,
  readingClass,
  type EffluentLimits,
  type EffluentReading,
  type StationReading,
} from "./classify";
import {
  colorOf,
  enterpriseStatusColors,
  facilityColor,
  industryColors,
  networkStatusColors,
  occupancyColors,
  plantColors,
  readingColors,
  stageColors,
} from "./palette";

export type RenderValue = string | number | boolean;
export type RenderProps = Record<string, RenderValue>;

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function num(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/** A JSON object, or null for anything else (arrays included). */
function asObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Whether a plant's latest effluent is within its limits (true with no reading, as the server says). */
export function plantCompliant(properties: Record<string, unknown>): boolean {
  const latest = asObject(properties["latest"]) as EffluentReading | null;
  const limits = asObject(properties["limits"]) as EffluentLimits | null;
  if (latest && limits) {
    return exceededLimits(limits, latest).length === 0;
  }
  return properties["compliant"] !== false;
}

export function renderProps(feature: TwinFeature): RenderProps {
  const p = feature.properties;
  const base: RenderProps = {
    tid: feature.id,
    kind: p.kind,
    name: str(p.name) || feature.id,
    nameEn: str(p.nameEn) || str(p.name) || feature.id,
  };
  switch (p.kind) {
    case "zone":
      return { ...base, industry: str(p["industry"]), color: colorOf(industryColors, p["industry"]) };
    case "building": {
      const stage = str(p["stage"]);
      const occupancy = occupancyOf(stage, p["tenantId"]);
      return {
        ...base,
        stage,
        occupancy,
        height: builtHeight(stage, p["floorsBuilt"]),
        plannedHeight: plannedHeight(p["floorsPlanned"]),
        cStage: colorOf(stageColors, stage),
        cOccupancy: occupancyColors[occupancy],
      };
    }
    case "enterprise":
      return { ...base, status: str(p["status"]), color: colorOf(enterpriseStatusColors, p["status"]) };
    case "plant": {
      const compliant = plantCompliant(p);
      const load = plantLoad(p["capacity"], (asObject(p["latest"])));
      const cls = plantClass(p["status"], compliant, load);
      return { ...base, status: str(p["status"]), compliant, load: load ?? -1, plantClass: cls, color: plantColors[cls] };
    }
    case "network":
      return { ...base, network: str(p["network"]), status: str(p["status"]), color: colorOf(networkStatusColors, p["status"]) };
    case "station": {
      const latest = asObject(p["latest"]) as StationReading | null;
      const head = headline(p["station"], latest);
      const cls = readingClass(p["station"], latest);
      return {
        ...base,
        station: str(p["station"]),
        reading: cls,
        value: head ? `${head.key === "aqi" ? "AQI" : "COD"} ${Math.round(head.value * 10) / 10}` : "",
        color: readingColors[cls],
      };
    }
    case "facility":
      return { ...base, facility: str(p["facility"]), planned: p["planned"] === true, height: p["planned"] === true ? 0 : Math.min(30, 6 + num(p["floorArea"]) / 2000), color: facilityColor };
    case "park":
      return base;
  }
}

/** The entries of `next` that differ from `previous` (a property diff for `updateData`). */
export function diffProps(previous: RenderProps | undefined, next: RenderProps): { key: string; value: RenderValue }[] {
  return Object.entries(next)
    .filter(([key, value]) => previous?.[key] !== value)
    .map(([key, value]) => ({ key, value }));
}
