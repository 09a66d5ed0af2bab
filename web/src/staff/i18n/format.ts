/**
 * Formatters of the staff workspace beyond the shared ones: plan values keep their precision
 * (0.0043 stays 0.0043, 2218.6 stays 2218.6), date-times are shown in China Standard Time.
 */
import type { Locale } from '../../shared/i18n.ts';

/** Formats a plan value: up to 2 decimals, or 3 significant digits below 1 (0.0043 人/亿元). */
export function formatValue(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const small = value !== 0 && Math.abs(value) < 1;
  return new Intl.NumberFormat(
    locale,
    small ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 },
  ).format(value);
}

/** Formats an ISO date-time as date and time (2026年11月26日 16:05 / Nov 26, 2026, 4:05 PM), UTC+8. */
export function formatDateTime(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(value));
}

/** Whole days from today (UTC+8) to a YYYY-MM-DD date: negative once it has passed. */
export function daysUntil(date: string, now: Date = new Date()): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today as YYYY-MM-DD in China Standard Time. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
