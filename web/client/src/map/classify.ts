/**
 * Pure classifications of a twin's state into the classes the map colours: a building's
 * occupancy, a plant's compliance and load, a station's reading. Tested without a map.
 */
import type { Occupancy, PlantClass, ReadingClass } from "./palette";

/** Metres per floor for the extrusions. */
export const FLOOR_HEIGHT = 4.5;

/** A building's extruded height: floors built, with a low slab for piling and foundation work. */
export function builtHeight(stage: unknown, floorsBuilt: unknown): number {
  const floors = typeof floorsBuilt === "number" && Number.isFinite(floorsBuilt) ? Math.max(0, floorsBuilt) : 0;
  if (floors > 0) {
    return floors * FLOOR_HEIGHT;
  }
  return stage === "Piling" || stage === "Foundation" ? 0.8 : 0;
}

export function plannedHeight(floorsPlanned: unknown): number {
  return typeof floorsPlanned === "number" && Number.isFinite(floorsPlanned) ? Math.max(0, floorsPlanned) * FLOOR_HEIGHT : 0;
}

export function occupancyOf(stage: unknown, tenantId: unknown): Occupancy {
  if (typeof tenantId === "string" && tenantId !== "") {
    return "occupied";
  }
  return stage === "Completed" ? "vacant" : "building";
}

export interface EffluentLimits {
  cod?: number;
  ammonia?: number;
  totalPhosphorus?: number;
  phMin?: number;
  phMax?: number;
}

export interface EffluentReading {
  at?: string;
  inflow?: number;
  cod?: number;
  ammonia?: number;
  totalPhosphorus?: number;
  ph?: number;
}

/** Which effluent limits a reading exceeds (none when either is missing). */
export function exceededLimits(limits: EffluentLimits | null | undefined, reading: EffluentReading | null | undefined): string[] {
  if (!limits || !reading) {
    return [];
  }
  const over: string[] = [];
  for (const key of ["cod", "ammonia", "totalPhosphorus"] as const) {
    const limit = limits[key];
    const value = reading[key];
    if (typeof limit === "number" && typeof value === "number" && value > limit) {
      over.push(key);
    }
  }
  if (typeof reading.ph === "number") {
    if ((typeof limits.phMin === "number" && reading.ph < limits.phMin) || (typeof limits.phMax === "number" && reading.ph > limits.phMax)) {
      over.push("ph");
    }
  }
  return over;
}

/** Inflow over capacity, or null when the plant has no reading or no capacity. */
export function plantLoad(capacity: unknown, latest: EffluentReading | null | undefined): number | null {
  if (typeof capacity !== "number" || capacity <= 0 || !latest || typeof latest.inflow !== "number") {
    return null;
  }
  return latest.inflow / capacity;
}

const RUNNING_PLANT = new Set(["Operating", "Upgrading", "ExpansionApproved"]);

export function plantClass(status: unknown, compliant: boolean, load: number | null): PlantClass {
  if (typeof status !== "string" || !RUNNING_PLANT.has(status) || load === null) {
    return "offline";
  }
  if (!compliant) {
    return "breach";
  }
  if (load >= 1) {
    return "overload";
  }
  return load >= 0.8 ? "busy" : "ok";
}

export interface StationReading {
  at?: string;
  values?: Record<string, number>;
}

/** The headline value of a station's reading: AQI for air, COD for rainwater outlets. */
export function headline(station: unknown, latest: StationReading | null | undefined): { key: string; value: number } | null {
  const values = latest?.values;
  if (!values) {
    return null;
  }
  const key = station === "RainwaterOutlet" ? "cod" : "aqi";
  const value = values[key];
  return typeof value === "number" ? { key, value } : null;
}

/**
 * A station's reading class. Air: AQI ≤ 50 good, ≤ 100 moderate (China's HJ 633 bands).
 * Rainwater outlets: COD ≤ 30 mg/L good, ≤ 50 moderate, and pH outside 6–9 is poor.
 */
export function readingClass(station: unknown, latest: StationReading | null | undefined): ReadingClass {
  const head = headline(station, latest);
  if (!head) {
    return "none";
  }
  if (station === "RainwaterOutlet") {
    const ph = latest?.values?.["ph"];
    if (typeof ph === "number" && (ph < 6 || ph > 9)) {
      return "poor";
    }
    return head.value <= 30 ? "good" : head.value <= 50 ? "moderate" : "poor";
  }
  return head.value <= 50 ? "good" : head.value <= 100 ? "moderate" : "poor";
}
