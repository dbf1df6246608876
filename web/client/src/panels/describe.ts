/** What the panels and the tooltip say about a twin: its title, a one-line summary and its fields. */
import type { TwinFeature } from "../api/types";
import { formatArea, formatFlow, formatMoney, formatNumber, formatPercent, formatTime } from "../format/format";
import { displayName, enumLabel, translate, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { plantLoad, type EffluentReading, type StationReading } from "../map/classify";
import { plantCompliant } from "../map/render-props";

export interface Field {
  label: string;
  value: string;
  tone?: "good" | "warn" | "bad";
}

/** A JSON object, or null for anything else (arrays included). */
function obj(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function n(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function yesNo(lang: Lang, value: unknown): string {
  return value === true ? translate(lang, "yes") : value === false ? translate(lang, "no") : "—";
}

export function title(lang: Lang, feature: TwinFeature): string {
  return displayName(lang, feature.properties, feature.id);
}

export function kindLabel(lang: Lang, feature: TwinFeature): string {
  return translate(lang, `kind.${feature.properties.kind}` as MessageKey);
}

interface MonthlyRow {
  month: string;
  revenue: number;
  tax: number;
  exports: number;
}

/** An enterprise's figures summed over the months of the latest year it reported. */
export function yearToDate(figures: unknown): { revenue: number; tax: number } | null {
  if (!Array.isArray(figures) || figures.length === 0) {
    return null;
  }
  const rows = figures as MonthlyRow[];
  const year = rows.reduce((latest, row) => (row.month > latest ? row.month : latest), "").slice(0, 4);
  const ofYear = rows.filter((r) => r.month.startsWith(year));
  return { revenue: ofYear.reduce((s, r) => s + r.revenue, 0), tax: ofYear.reduce((s, r) => s + r.tax, 0) };
}

/** One short line for the tooltip: the state that matters most for the kind. */
export function summary(lang: Lang, feature: TwinFeature): string {
  const p = feature.properties;
  switch (p.kind) {
    case "building": {
      const floors = `${formatNumber(lang, n(p["floorsBuilt"]))}/${formatNumber(lang, n(p["floorsPlanned"]))} ${translate(lang, "unit.floors")}`;
      return `${enumLabel(lang, "stage", p["stage"])} · ${floors}`;
    }
    case "enterprise":
      return `${enumLabel(lang, "enterpriseStatus", p["status"])} · ${enumLabel(lang, "industry", p["industry"])}`;
    case "plant": {
      const load = plantLoad(p["capacity"], (obj(p["latest"])));
      const compliance = plantCompliant(p) ? translate(lang, "field.compliant") : translate(lang, "plant.breach");
      return `${enumLabel(lang, "plantStatus", p["status"])} · ${translate(lang, "field.load")} ${formatPercent(lang, load)} · ${compliance}`;
    }
    case "network":
      return `${enumLabel(lang, "networkType", p["network"])} · ${enumLabel(lang, "networkStatus", p["status"])}`;
    case "station": {
      const values = (obj(p["latest"]) as StationReading | null)?.values ?? {};
      const shown = Object.entries(values)
        .slice(0, 3)
        .map(([k, v]) => `${enumLabel(lang, "reading", k)} ${formatNumber(lang, v, v % 1 === 0 ? 0 : 1)}`);
      return `${enumLabel(lang, "stationType", p["station"])}${shown.length ? ` · ${shown.join(" ")}` : ""}`;
    }
    case "zone":
      return enumLabel(lang, "industry", p["industry"]);
    case "facility":
      return `${enumLabel(lang, "facilityType", p["facility"])} · ${enumLabel(lang, "stage", p["stage"])}`;
    case "park":
      return translate(lang, "kind.park");
  }
}

/** The state fields of a twin, per kind. */
export function fields(lang: Lang, feature: TwinFeature): Field[] {
  const p = feature.properties;
  const t = (key: MessageKey) => translate(lang, key);
  switch (p.kind) {
    case "building":
      return [
        { label: t("field.stage"), value: enumLabel(lang, "stage", p["stage"]), tone: p["stage"] === "Completed" ? "good" : undefined },
        { label: t("field.floors"), value: `${formatNumber(lang, n(p["floorsBuilt"]))} / ${formatNumber(lang, n(p["floorsPlanned"]))}` },
        { label: t("field.use"), value: enumLabel(lang, "use", p["use"]) },
        { label: t("field.phase"), value: formatNumber(lang, n(p["phase"])) },
        { label: t("field.floorArea"), value: formatArea(lang, n(p["floorArea"])) },
        { label: t("field.allowsSplit"), value: yesNo(lang, p["allowsSplit"]) },
      ];
    case "enterprise": {
      const ytd = yearToDate(p["figures"]);
      return [
        { label: t("field.status"), value: enumLabel(lang, "enterpriseStatus", p["status"]), tone: p["status"] === "InProduction" ? "good" : p["status"] === "Suspended" ? "bad" : undefined },
        { label: t("field.industry"), value: enumLabel(lang, "industry", p["industry"]) },
        { label: t("field.aboveDesignatedSize"), value: yesNo(lang, p["aboveDesignatedSize"]) },
        { label: t("field.revenueYtd"), value: formatMoney(lang, ytd?.revenue) },
        { label: t("field.taxYtd"), value: formatMoney(lang, ytd?.tax) },
        { label: t("field.discharge"), value: formatFlow(lang, n(p["discharge"])) },
        { label: t("field.hazardClass"), value: formatNumber(lang, n(p["hazardClass"])) },
      ];
    }
    case "plant": {
      const latest = obj(p["latest"]) as EffluentReading | null;
      const load = plantLoad(p["capacity"], latest);
      const compliant = plantCompliant(p);
      return [
        { label: t("field.status"), value: enumLabel(lang, "plantStatus", p["status"]) },
        { label: t("field.capacity"), value: formatFlow(lang, n(p["capacity"])) },
        { label: t("field.inflow"), value: formatFlow(lang, latest?.inflow) },
        { label: t("field.load"), value: formatPercent(lang, load), tone: load === null ? undefined : load >= 1 ? "bad" : load >= 0.8 ? "warn" : "good" },
        { label: t("field.compliant"), value: latest ? yesNo(lang, compliant) : "—", tone: latest ? (compliant ? "good" : "bad") : undefined },
        { label: t("field.accepted"), value: yesNo(lang, p["accepted"]) },
        { label: t("field.latestAt"), value: formatTime(lang, latest?.at) },
      ];
    }
    case "network":
      return [
        { label: t("field.network"), value: enumLabel(lang, "networkType", p["network"]) },
        { label: t("field.status"), value: enumLabel(lang, "networkStatus", p["status"]) },
        { label: t("field.phase"), value: formatNumber(lang, n(p["phase"])) },
      ];
    case "station": {
      const latest = obj(p["latest"]) as StationReading | null;
      return [
        { label: t("field.station"), value: enumLabel(lang, "stationType", p["station"]) },
        ...Object.entries(latest?.values ?? {}).map(([k, v]) => ({ label: enumLabel(lang, "reading", k), value: formatNumber(lang, v, v % 1 === 0 ? 0 : 1) })),
        { label: t("field.latestAt"), value: formatTime(lang, latest?.at) },
      ];
    }
    case "zone":
      return [
        { label: t("field.industry"), value: enumLabel(lang, "industry", p["industry"]) },
        { label: t("field.subPark"), value: typeof p["subPark"] === "string" ? p["subPark"] : "—" },
        { label: t("field.newThreeParks"), value: yesNo(lang, p["newThreeParks"]) },
        { label: t("field.area"), value: formatArea(lang, n(p["area"])) },
      ];
    case "facility":
      return [
        { label: t("field.facility"), value: enumLabel(lang, "facilityType", p["facility"]) },
        { label: t("field.stage"), value: enumLabel(lang, "stage", p["stage"]) },
        { label: t("field.floorArea"), value: formatArea(lang, n(p["floorArea"])) },
        { label: t("field.investment"), value: formatMoney(lang, n(p["investment"])) },
        { label: t("field.planned"), value: yesNo(lang, p["planned"]) },
      ];
    case "park":
      return [];
  }
}
