/**
 * The view and selection as the URL's hash, so that a link opens the same view:
 * `#/?sel=building:x&c=lon,lat,zoom,bearing,pitch&lang=en&color=occupancy&theme=light&off=labels`.
 * Defaults are left out; anything malformed falls back to its default.
 */
import { isLang, type Lang } from "../i18n/i18n";

export interface View {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export const COLOR_MODES = ["stage", "occupancy", "compliance"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export const THEMES = ["dark", "light"] as const;
export type Theme = (typeof THEMES)[number];

export const LAYER_KEYS = ["zones", "buildings", "enterprises", "plants", "network", "stations", "facilities", "labels"] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export interface UrlState {
  sel: string | null;
  view: View | null;
  lang: Lang;
  color: ColorMode;
  theme: Theme;
  /** Layers switched off. */
  off: LayerKey[];
}

export const DEFAULT_STATE: UrlState = { sel: null, view: null, lang: "zh", color: "stage", theme: "dark", off: [] };

function parseView(text: string | null): View | null {
  if (!text) {
    return null;
  }
  const parts = text.split(",").map(Number);
  if (parts.length < 3 || parts.length > 5 || parts.some((n) => !Number.isFinite(n))) {
    return null;
  }
  const [lon = 0, lat = 0, zoom = 0, bearing = 0, pitch = 0] = parts;
  if (lon < -180 || lon > 180 || lat < -85 || lat > 85 || zoom < 0 || zoom > 24 || pitch < 0 || pitch > 85) {
    return null;
  }
  return { center: [lon, lat], zoom, bearing: normaliseBearing(bearing), pitch };
}

/** Bearing in (-180, 180]. */
export function normaliseBearing(degrees: number): number {
  const b = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return b === -180 ? 180 : b;
}

/** A number with at most `digits` decimals and no trailing zeros. */
function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export function formatView(view: View): string {
  return [
    fixed(view.center[0], 6),
    fixed(view.center[1], 6),
    fixed(view.zoom, 2),
    fixed(normaliseBearing(view.bearing), 1),
    fixed(view.pitch, 1),
  ].join(",");
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseHash(hash: string): UrlState {
  const query = hash.replace(/^#\/?\??/, "");
  const params = new URLSearchParams(query);
  const sel = params.get("sel");
  const lang = params.get("lang");
  const off = (params.get("off") ?? "")
    .split(",")
    .filter((k): k is LayerKey => (LAYER_KEYS as readonly string[]).includes(k));
  return {
    sel: sel !== null && /^[a-z]+:[^\s]+$/.test(sel) ? sel : null,
    view: parseView(params.get("c")),
    lang: isLang(lang) ? lang : DEFAULT_STATE.lang,
    color: oneOf(COLOR_MODES, params.get("color"), DEFAULT_STATE.color),
    theme: oneOf(THEMES, params.get("theme"), DEFAULT_STATE.theme),
    off: [...new Set(off)].sort(),
  };
}

/** Encodes a value for the hash, leaving `:` and `,` readable. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ":").replace(/%2C/gi, ",");
}

export function formatHash(state: UrlState): string {
  const pairs: [string, string][] = [];
  if (state.sel) {
    pairs.push(["sel", state.sel]);
  }
  if (state.view) {
    pairs.push(["c", formatView(state.view)]);
  }
  if (state.lang !== DEFAULT_STATE.lang) {
    pairs.push(["lang", state.lang]);
  }
  if (state.color !== DEFAULT_STATE.color) {
    pairs.push(["color", state.color]);
  }
  if (state.theme !== DEFAULT_STATE.theme) {
    pairs.push(["theme", state.theme]);
  }
  if (state.off.length > 0) {
    pairs.push(["off", [...new Set(state.off)].sort().join(",")]);
  }
  return `#/?${pairs.map(([k, v]) => `${k}=${encode(v)}`).join("&")}`;
}
