/**
 * Translation: zh-CN is the source language, English the second. Every user-visible string goes
 * through `t(key)`; numbers and dates through the locale's formatters. The choice is remembered in
 * localStorage and applies to the whole page.
 */
export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'lantu.locale';

/** The locale chosen before, or zh-CN. */
export function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** A dictionary: every key has its Chinese text and its English text. */
export type Dictionary = Record<string, { 'zh-CN': string; en: string }>;

/**
 * Makes a translation function for a dictionary and locale; {name} placeholders are filled from `vars`.
 * A count `n` picks the key's plural form where the dictionary has one, by the locale's rules:
 * `rev.count.one` ("1 value") for n = 1 in English; Chinese has one form, so `rev.count` serves.
 */
export function translator(dictionary: Dictionary, locale: Locale) {
  const plurals = new Intl.PluralRules(locale);
  return (key: string, vars?: Record<string, string | number>): string => {
    const n = vars?.n;
    const entry =
      (typeof n === 'number' ? dictionary[`${key}.${plurals.select(n)}`] : undefined) ?? dictionary[key];
    let text = entry ? entry[locale] : key;
    if (vars)
      for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}

/** Formats a number in the locale, keeping the plan's precision (up to `digits` decimals). */
export function formatNumber(value: number | null | undefined, locale: Locale, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** Formats a share (0.613) as a percentage (61.3%). */
export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Formats an ISO date or date-time as a date in the locale (2026年11月26日 / Nov 26, 2026). */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00+08:00` : value);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}
