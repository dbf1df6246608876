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
  if (lang === "en") {
    // English has no 万 or 亿: billions and millions of yuan read naturally.
    if (Math.abs(wanYuan) >= 100_000) {
      return `${formatNumber(lang, wanYuan / 100_000, 2)}bn yuan`;
    }
    if (Math.abs(wanYuan) >= 100) {
      return `${formatNumber(lang, wanYuan / 100, Math.abs(wanYuan) >= 1000 ? 0 : 1)}M yuan`;
    }
    return wanYuan === 0 ? "0 yuan" : `${formatNumber(lang, wanYuan * 10, 0)}k yuan`;
  }
  if (Math.abs(wanYuan) >= 10_000) {
    return `${formatNumber(lang, wanYuan / 10_000, 2)} ${translate(lang, "unit.yiYuan")}`;
  }
  const digits = wanYuan < 100 && !Number.isInteger(wanYuan) ? 1 : 0;
  return `${formatNumber(lang, wanYuan, digits)} ${translate(lang, "unit.wanYuan")}`;
}

/** A short axis label for money in 万元: 亿/万 in Chinese, bn/M yuan in English. */
export function compactMoney(lang: Lang, wanYuan: number): string {
  const trim = (n: number) => String(Number(n.toFixed(1)));
  if (lang === "zh") {
    return Math.abs(wanYuan) >= 10_000 ? `${trim(wanYuan / 10_000)}亿` : `${trim(wanYuan)}万`;
  }
  return Math.abs(wanYuan) >= 100_000 ? `${trim(wanYuan / 100_000)}bn` : `${trim(wanYuan / 100)}M`;
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

/** A reading's time of day, HH:mm. */
export function formatClock(iso: string | null | undefined): string {
  const date = new Date(iso ?? "");
  return Number.isNaN(date.getTime()) ? "" : `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
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
