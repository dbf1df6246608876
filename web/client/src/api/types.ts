/**
 * The backend's contract as the map reads it: GeoJSON features of the twins, their relations,
 * the park and zone figures, and the hub's messages. Names follow the JSON (camelCase).
 */
import type { Geometry } from "geojson";

export const TWIN_KINDS = ["park", "zone", "building", "enterprise", "plant", "network", "station", "facility"] as const;
export type TwinKind = (typeof TWIN_KINDS)[number];

export function isTwinKind(value: unknown): value is TwinKind {
  return typeof value === "string" && (TWIN_KINDS as readonly string[]).includes(value);
}

/** The state of a twin as feature properties; each kind adds its own fields. */
export interface TwinProperties {
  kind: TwinKind;
  name?: string | null;
  nameEn?: string | null;
  zoneId?: string | null;
  version: number;
  updatedAt?: string | null;
  [property: string]: unknown;
}

export interface TwinFeature {
  type: "Feature";
  id: string;
  geometry: Geometry | null;
  properties: TwinProperties;
}

export interface TwinFeatureCollection {
  type: "FeatureCollection";
  features: TwinFeature[];
}

/** A reference to another twin, as `/api/twins/{id}/related` gives it. */
export interface TwinRef {
  id: string;
  kind: string | null;
  name: string | null;
  version: number | null;
}

export interface Related {
  id: string;
  kind: string;
  zone?: TwinRef | null;
  park?: TwinRef | null;
  tenant?: TwinRef | null;
  buildings?: (TwinRef | null)[];
  plants?: (TwinRef | null)[];
  zonesServed?: (TwinRef | null)[];
  zones?: (TwinRef | null)[];
  members?: (TwinRef | null)[];
}

export interface MonthlyFigures {
  month: string;
  revenue: number;
  tax: number;
  exports: number;
}

/** The figures of the park, of 新三园 or of one zone (money in 万元, areas in m², flows in t/day). */
export interface Figures {
  enterprises: {
    settled: number;
    signed: number;
    underConstruction: number;
    inProduction: number;
    suspended: number;
    exited: number;
    aboveDesignatedSize: number;
  };
  figures: { year: number; revenue: number; tax: number; exports: number; monthly: MonthlyFigures[] };
  buildings: {
    total: number;
    byStage: Record<string, number>;
    vacantCompleted: number;
    completedFloorArea: Record<string, number>;
    plannedFloorArea: Record<string, number> | number;
  };
  plants: { total: number; byStatus: Record<string, number>; compliant: number; capacity: number; inflow: number; load: number };
  network: Record<string, number>;
  stations: Record<string, number>;
  facilities: number;
}

export interface ZoneFigures extends Figures {
  id: string;
  name: string;
  newThreeParks?: boolean;
  members?: number;
}

export interface ParkFigures extends Figures {
  id?: string;
  newThreeParks?: Figures;
  targets?: Record<string, number>;
  zones?: ZoneFigures[];
}

/** One item of a `changes` message. */
export interface ChangeItem {
  id: string;
  kind: string;
  version: number;
  /** Server time, ms since the epoch. */
  at: number;
  zoneId?: string | null;
  changed: Record<string, unknown>;
  geometry?: Geometry | null;
}

/** The `snapshot` message sent right after a subscription. */
export interface Snapshot {
  topic: string;
  versions: Record<string, number>;
}
