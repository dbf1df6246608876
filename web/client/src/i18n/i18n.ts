/** Translation: the current language, `t(key, params)` and labels for enumerations. */
import { en, zh, type MessageKey } from "./messages";

export type Lang = "zh" | "en";
export const LANGS: readonly Lang[] = ["zh", "en"];

const tables: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function isLang(value: unknown): value is Lang {
  return value === "zh" || value === "en";
}

/** Fills `{name}` placeholders; unknown placeholders stay as they are. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(tables[lang][key], params);
}

/** A label for an API enumeration value (`stage`, `Completed`), or the value itself if unknown. */
export function enumLabel(lang: Lang, group: string, value: unknown): string {
  if (typeof value !== "string" && typeof value !== "number") {
    return "—";
  }
  if (value === "") {
    return "—";
  }
  const key = `${group}.${String(value)}`;
  return key in zh ? tables[lang][key as MessageKey] : String(value);
}

/** The language's name field on a feature: `name` (Chinese) or `nameEn`, falling back to the other. */
export function displayName(lang: Lang, properties: { name?: string | null; nameEn?: string | null }, fallback = ""): string {
  const primary = lang === "en" ? properties.nameEn : properties.name;
  const secondary = lang === "en" ? properties.name : properties.nameEn;
  return primary ?? secondary ?? fallback;
}

export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}
