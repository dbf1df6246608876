/**
 * A video wall's state as the hub and `/api/walls/{id}` send it, read defensively, and the
 * rule every screen uses to keep the newest: the highest version wins.
 */
import { COLOR_MODES, LAYER_KEYS, type ColorMode, type LayerKey } from "../url/state";

export interface WallCamera {
  lon: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface AlarmKey {
  plantId: string;
  /** The reading's time, ISO 8601. */
  at: string;
}

export interface WallState {
  wallId: string;
  version: number;
  focusZoneId: string | null;
  hiddenLayers: LayerKey[];
  coloring: ColorMode;
  scenarioId: string | null;
  tourPaused: boolean;
  acknowledged: AlarmKey[];
  following: boolean;
  camera: WallCamera | null;
  /** The presenter's last action, ms since the epoch (0 when none). */
  lastActionAt: number;
}

export const DEFAULT_WALL = "main";

/** The wall id a page's query names (`?id=` on the wall, `?wall=` on the remote), or `main`. */
export function wallIdFrom(search: string, param: "id" | "wall"): string {
  const id = new URLSearchParams(search).get(param);
  return id !== null && /^[a-z0-9][a-z0-9-]{0,39}$/.test(id) ? id : DEFAULT_WALL;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function camera(value: unknown): WallCamera | null {
  if (value === null || typeof value !== "object") {
    return null;
  }
  const c = value as Record<string, unknown>;
  const lon = num(c["lon"]);
  const lat = num(c["lat"]);
  const zoom = num(c["zoom"]);
  if (lon === null || lat === null || zoom === null) {
    return null;
  }
  return { lon, lat, zoom, bearing: num(c["bearing"]) ?? 0, pitch: num(c["pitch"]) ?? 0 };
}

/** Reads a wall state; `null` when it is not one. The server spells the colouring `Stage`. */
export function parseWallState(raw: unknown): WallState | null {
  if (raw === null || typeof raw !== "object") {
    return null;
  }
  const r = raw as Record<string, unknown>;
  const wallId = str(r["wallId"]);
  const version = num(r["version"]);
  if (wallId === null || version === null) {
    return null;
  }
  const coloring = (typeof r["coloring"] === "string" ? r["coloring"] : "stage").toLowerCase();
  const hidden = Array.isArray(r["hiddenLayers"]) ? r["hiddenLayers"] : [];
  const acknowledged = Array.isArray(r["acknowledged"]) ? r["acknowledged"] : [];
  const lastAction = str(r["lastActionAt"]);
  return {
    wallId,
    version,
    focusZoneId: str(r["focusZoneId"]),
    hiddenLayers: hidden.filter((l): l is LayerKey => (LAYER_KEYS as readonly unknown[]).includes(l)),
    coloring: (COLOR_MODES as readonly string[]).includes(coloring) ? (coloring as ColorMode) : "stage",
    scenarioId: str(r["scenarioId"]),
    tourPaused: r["tourPaused"] === true,
    acknowledged: acknowledged
      .filter((a): a is Record<string, unknown> => a !== null && typeof a === "object")
      .flatMap((a) => {
        const plantId = str(a["plantId"]);
        const at = str(a["at"]);
        return plantId && at ? [{ plantId, at }] : [];
      }),
    following: r["following"] === true,
    camera: camera(r["camera"]),
    lastActionAt: lastAction ? Date.parse(lastAction) || 0 : 0,
  };
}

/** Whether `next` should replace `held`: states arrive from the hub and from HTTP, in any order. */
export function isNewer(held: WallState | null, next: WallState): boolean {
  return held === null || next.version > held.version;
}
