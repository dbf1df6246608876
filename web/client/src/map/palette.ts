/**
 * The map's colour scales, one place for the layers and the legend. Each scale maps an API value
 * (or a derived class) to a colour chosen to read on both the dark and the light background.
 */

export const industryColors: Record<string, string> = {
  Pharma: "#4fa3e0",
  MetalFurniture: "#d4925a",
  SaltChemical: "#b48ee0",
  Recycling: "#5fbf77",
  Mixed: "#9aa5b1",
};

/** Construction stages in order, early (warm) to done (teal). */
export const stageColors: Record<string, string> = {
  Planned: "#6b7785",
  Piling: "#e0593f",
  Foundation: "#f08c3a",
  Structure: "#f2c14e",
  ToppedOut: "#8fd16a",
  Completed: "#3fb6a8",
};

export type Occupancy = "occupied" | "vacant" | "building";
export const occupancyColors: Record<Occupancy, string> = {
  occupied: "#4f8fe0",
  vacant: "#f5b83d",
  building: "#56606b",
};

/** Zones by their plants' effluent (colouring "compliance"); buildings go neutral. */
export type ComplianceClass = "ok" | "breach" | "none";
export const complianceColors: Record<ComplianceClass, string> = {
  ok: "#2fb86b",
  breach: "#e5484d",
  none: "#56606b",
};

export type PlantClass = "ok" | "busy" | "overload" | "breach" | "offline";
export const plantColors: Record<PlantClass, string> = {
  ok: "#2fb86b",
  busy: "#f2c14e",
  overload: "#f0883a",
  breach: "#e5484d",
  offline: "#6b7785",
};

export const networkStatusColors: Record<string, string> = {
  Planned: "#6b7785",
  Designed: "#9d8fd9",
  UnderConstruction: "#f2a03d",
  Completed: "#7cc4e8",
  Accepted: "#3fb6a8",
};

export type ReadingClass = "good" | "moderate" | "poor" | "none";
export const readingColors: Record<ReadingClass, string> = {
  good: "#2fb86b",
  moderate: "#f2c14e",
  poor: "#e5484d",
  none: "#6b7785",
};

export const enterpriseStatusColors: Record<string, string> = {
  Signed: "#9d8fd9",
  UnderConstruction: "#f2a03d",
  InProduction: "#3fb6a8",
  Suspended: "#e5484d",
  Exited: "#6b7785",
};

export const facilityColor = "#d98bc8";
export const unknownColor = "#8a94a0";
/** What a change briefly lights up in. */
export const flashColor = "#fff3a3";
export const selectedColor = "#ffffff";

export function colorOf(scale: Record<string, string>, value: unknown): string {
  return typeof value === "string" ? (scale[value] ?? unknownColor) : unknownColor;
}

/** Parses `#rrggbb` into its channels, 0–255. */
export function rgb(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) {
    throw new Error(`not a #rrggbb colour: ${hex}`);
  }
  return [parseInt(match[1] ?? "0", 16), parseInt(match[2] ?? "0", 16), parseInt(match[3] ?? "0", 16)];
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = rgb(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of two colours, 1–21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
