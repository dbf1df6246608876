/**
 * A plant's recent readings, kept by the page. Change items of a plant reading carry `latest` but
 * not `recent` (the server would otherwise send all 48 readings with every reading): the page
 * holds the `recent` it read with the twin (`/api/features`, `/api/twins/{id}`) and appends each
 * live `latest` to it. An item that skips versions may have skipped readings too; the store
 * reports it as a gap and the twin is read again, `recent` included.
 */

/** As many as the server keeps (`PlantState.RecentReadings`). */
export const RECENT_READINGS = 48;

interface Timed {
  at?: unknown;
}

function isReading(value: unknown): value is Timed {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `recent` with `latest` appended (replacing one of the same time), oldest first, at most `limit`. */
export function appendReading(recent: unknown, latest: unknown, limit = RECENT_READINGS): unknown[] {
  const held = Array.isArray(recent) ? (recent as unknown[]) : [];
  if (!isReading(latest)) {
    return held;
  }
  const others = held.filter((r) => !isReading(r) || r.at !== latest.at);
  return [...others, latest].slice(-limit);
}

/**
 * The properties to hold after a change item: for a plant whose item names `latest` and not
 * `recent`, `recent` with the new reading appended; otherwise the item's values as they are.
 */
export function withRecent(kind: string, held: Readonly<Record<string, unknown>>, changed: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (kind !== "plant" || !("latest" in changed) || "recent" in changed) {
    return changed;
  }
  return { ...changed, recent: appendReading(held["recent"], changed["latest"]) };
}
