/**
 * `window.__twin`: what the browser tests read. `ready` turns true after the map's first `idle`
 * with every twin and the figures loaded.
 */
import type { TwinKind } from "../api/types";

export interface TwinTestHook {
  ready: boolean;
  featureCounts: Partial<Record<TwinKind, number>>;
  lastChangeAt: number;
  version(id: string): number | undefined;
  lang: string;
  /** Screen position (CSS px, relative to the map) of a twin's label point. */
  screenPoint(id: string): { x: number; y: number } | null;
  /** The label texts placed on the map now. */
  renderedLabels(): string[];
  /** The times of the readings in the details panel's chart (a plant's), oldest first. */
  detailsReadings(): string[];
  /** The selected twin, if any. */
  selection(): string | null;
  /** The hub connection's state. */
  hub: string;
  /** Topics whose snapshot has been received since the page loaded (`park`, `stats`). */
  synced: string[];
  /** The camera, as the URL holds it. */
  view(): { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

declare global {
  interface Window {
    __twin?: TwinTestHook;
  }
}

export function installHook(hook: TwinTestHook): TwinTestHook {
  window.__twin = hook;
  return hook;
}
