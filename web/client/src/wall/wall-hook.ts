/** `window.__wall`: what the browser tests and the soak check read from a wall screen. */
import type { View } from "../url/state";
import type { WallState } from "./wall-state";

export interface WallTestHook {
  /** True once the map is drawn and the wall's state applied. */
  ready: boolean;
  wallId: string;
  /** The highest wall version received, and the one the screen has applied. */
  version(): number;
  applied: number;
  /** When (Date.now()) the screen applied its latest state. */
  appliedAt: number;
  state(): WallState | null;
  /** The figures the KPI tiles hold, by tile key. */
  kpis(): Record<string, number | null>;
  /** The version of a twin the screen holds. */
  twinVersion(id: string): number | undefined;
  /** Unacknowledged alarms, `plantId@ms`. */
  alarms(): string[];
  tickerSize(): number;
  /** The tour's current stop (`park` or a zone id), or null when not touring. */
  tour(): string | null;
  camera(): View;
  hub(): string;
}

declare global {
  interface Window {
    __wall?: WallTestHook;
  }
}

export function installWallHook(hook: Omit<WallTestHook, "applied" | "appliedAt">): WallTestHook {
  const full: WallTestHook = { ...hook, applied: -1, appliedAt: 0 };
  window.__wall = full;
  return full;
}
