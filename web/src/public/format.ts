/**
 * Numbers, units and years as the portal prints them. Chinese official statistics print numbers
 * without digit grouping (2803.5 亿元); English groups them (2,803.5). Precision follows the value:
 * up to two decimals, or three significant digits below 1 (0.0043 人/亿元).
 */
import type { Locale } from '../shared/i18n.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, small: boolean): Intl.NumberFormat {
  const key = `${locale}:${small}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      useGrouping: locale === 'en',
      ...(small ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 }),
    });
    formatters.set(key, format);
  }
  return format;
}

/** A value as printed in the locale: 2803.5 (zh-CN) or 2,803.5 (en); — when there is none. */
export function formatValue(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const small = value !== 0 && Math.abs(value) < 1;
  return numberFormat(locale, small).format(value);
}

/** A unit as printed in the plan, with superscripts restored (m2 → m²). */
export function displayUnit(unit: string): string {
  return unit.replace(/([a-z])2\b/g, '$1²').replace(/([a-z])3\b/g, '$1³');
}

/** A value with its unit: 61.3%, 2803.5 亿元. */
export function formatWithUnit(value: number | null | undefined, unit: string, locale: Locale): string {
  const number = formatValue(value, locale);
  if (number === '—' || !unit) return number;
  return unit === '%' || unit === '‰' ? `${number}${unit}` : `${number} ${displayUnit(unit)}`;
}

/** A share (0.613) as a percentage (61.3%), one decimal at most. */
export function formatShare(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A year as a label: 2024年 / 2024. */
export function formatYear(year: number, locale: Locale): string {
  return locale === 'en' ? String(year) : `${year}年`;
}

/** A whole count: 37. */
export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
