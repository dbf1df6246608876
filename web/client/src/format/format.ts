/** Number formatting for the panels, in the units the report quotes. */
import type { Lang } from "../i18n/i18n";
import { translate } from "../i18n/i18n";

function locale(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en-GB";
}

export function formatNumber(lang: Lang, value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return "—";
  }
  return value.toLocaleString(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Money given in 万元: shown in 亿元 from 1 亿 (10,000 万元) up, else in 万元. */
export function formatMoney(lang: Lang, wanYuan: number | null | undefined): string {
  if (wanYuan === null || wanYuan === undefined || !Number.isFinite(wanYuan)) {
    return "—";
  }
  if (Math.abs(wanYuan) >= 10_000) {
    return `${formatNumber(lang, wanYuan / 10_000, 2)} ${translate(lang, "unit.yiYuan")}`;
  }
  return `${formatNumber(lang, wanYuan, wanYuan < 100 ? 1 : 0)} ${translate(lang, "unit.wanYuan")}`;
}

/** Areas given in m²: 万平方米 from 10,000 m² up. */
export function formatArea(lang: Lang, squareMetres: number | null | undefined): string {
  if (squareMetres === null || squareMetres === undefined || !Number.isFinite(squareMetres)) {
    return "—";
  }
  if (squareMetres >= 10_000) {
    return `${formatNumber(lang, squareMetres / 10_000, 2)} ${translate(lang, "unit.wanM2")}`;
  }
  return `${formatNumber(lang, squareMetres)} ${translate(lang, "unit.m2")}`;
}

export function formatFlow(lang: Lang, tonnesPerDay: number | null | undefined): string {
  if (tonnesPerDay === null || tonnesPerDay === undefined || !Number.isFinite(tonnesPerDay)) {
    return "—";
  }
  return `${formatNumber(lang, tonnesPerDay)} ${translate(lang, "unit.tPerDay")}`;
}

export function formatPercent(lang: Lang, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) {
    return "—";
  }
  return `${formatNumber(lang, ratio * 100, ratio < 0.1 ? 1 : 0)}%`;
}

/** A timestamp as local date and time, or "—". */
export function formatTime(lang: Lang, iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") {
    return "—";
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  return date.toLocaleString(locale(lang), { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
}
