/**
 * The idle tour: when the presenter has left the wall alone for a while (and neither paused the
 * tour nor is being followed), the wall moves through the park and then each zone, one stop at a time.
 */
import type { WallState } from "./wall-state";

export const TOUR_IDLE_MS = 60_000;
export const TOUR_DWELL_MS = 20_000;

export function shouldTour(state: WallState | null, now: number, idleMs = TOUR_IDLE_MS): boolean {
  if (!state || state.tourPaused || state.following) {
    return false;
  }
  return now - state.lastActionAt >= idleMs;
}

/** The stop after `current` in [park (null), zone 1, …, zone n], round and round. */
export function nextStop(current: string | null | undefined, zones: readonly string[]): string | null {
  const stops: (string | null)[] = [null, ...zones];
  const at = current === undefined ? -1 : stops.indexOf(current);
  return stops[(at + 1) % stops.length] ?? null;
}
