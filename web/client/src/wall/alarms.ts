/**
 * Effluent alarms: every recent reading of a plant over one of its permit limits is an alarm,
 * named by the plant and the reading's time, until the presenter acknowledges it. Derived from
 * the plants' own recent readings, so a screen that reloads sees the same alarms. Live items do
 * not carry `recent`: the store appends each live `latest` to it (`live/recent-readings.ts`).
 */
import type { TwinFeature } from "../api/types";
import { exceededLimits, type EffluentLimits, type EffluentReading } from "../map/classify";
import type { AlarmKey } from "./wall-state";

export interface Alarm {
  plantId: string;
  plantName: string;
  zoneId: string | null;
  /** The reading's time as the server wrote it (sent back to acknowledge). */
  at: string;
  atMs: number;
  exceeded: string[];
  reading: EffluentReading;
  limits: EffluentLimits;
}

/** Alarms older than this are history, not news. */
export const ALARM_WINDOW_MS = 24 * 3600 * 1000;

export function alarmKey(plantId: string, at: string): string {
  return `${plantId}@${Date.parse(at)}`;
}

function readings(value: unknown): EffluentReading[] {
  return Array.isArray(value) ? value.filter((r): r is EffluentReading => r !== null && typeof r === "object") : [];
}

/** The plants' unacknowledged alarms within the window, newest first. */
export function activeAlarms(plants: Iterable<TwinFeature>, acknowledged: readonly AlarmKey[], now: number, windowMs = ALARM_WINDOW_MS): Alarm[] {
  const acked = new Set(acknowledged.map((a) => alarmKey(a.plantId, a.at)));
  const alarms: Alarm[] = [];
  for (const plant of plants) {
    if (plant.properties.kind !== "plant") {
      continue;
    }
    const rawLimits: unknown = plant.properties["limits"];
    const limits = rawLimits !== null && typeof rawLimits === "object" ? (rawLimits as EffluentLimits) : null;
    const recent = readings(plant.properties["recent"]);
    const latest = plant.properties["latest"] as EffluentReading | null | undefined;
    const all = latest && !recent.some((r) => r.at === latest.at) ? [...recent, latest] : recent;
    for (const reading of all) {
      const atMs = reading.at ? Date.parse(reading.at) : NaN;
      if (!reading.at || !Number.isFinite(atMs) || now - atMs > windowMs || acked.has(alarmKey(plant.id, reading.at))) {
        continue;
      }
      const exceeded = exceededLimits(limits, reading);
      if (exceeded.length > 0) {
        alarms.push({
          plantId: plant.id,
          plantName: plant.properties.name ?? plant.id,
          zoneId: typeof plant.properties.zoneId === "string" ? plant.properties.zoneId : null,
          at: reading.at,
          atMs,
          exceeded,
          reading,
          limits: limits ?? {},
        });
      }
    }
  }
  return alarms.sort((a, b) => b.atMs - a.atMs || a.plantId.localeCompare(b.plantId));
}

const NAMES: Record<string, string> = { cod: "COD", ammonia: "氨氮", totalPhosphorus: "总磷", ph: "pH" };

/** "COD 62 mg/L（限值 50）" for each limit exceeded. */
export function describeExceedance(alarm: Pick<Alarm, "exceeded" | "reading" | "limits">): string {
  return alarm.exceeded
    .map((key) => {
      if (key === "ph") {
        return `pH ${alarm.reading.ph ?? "—"}（限值 ${alarm.limits.phMin ?? 6}–${alarm.limits.phMax ?? 9}）`;
      }
      const k = key as "cod" | "ammonia" | "totalPhosphorus";
      return `${NAMES[k] ?? k} ${alarm.reading[k] ?? "—"} mg/L（限值 ${alarm.limits[k] ?? "—"}）`;
    })
    .join("，");
}
