/**
 * Turns an API error into one sentence for the user, in the chosen language, from its code (never
 * from a stack). Validation messages of the API come as "中文 · English": the half in the user's
 * language is shown.
 */
import type { ApiError } from '../../shared/api.ts';
import type { Locale } from '../../shared/i18n.ts';

/** Keys of the dictionary for the codes of src/server/errors.ts. */
const CODE_KEYS: Record<string, string> = {
  LANTU_BAD_CREDENTIALS: 'error.badCredentials',
  LANTU_RATE_LIMITED: 'error.rateLimited',
  LANTU_NETWORK: 'error.network',
  LANTU_UNAUTHENTICATED: 'error.unauthenticated',
  LANTU_FORBIDDEN: 'error.forbidden',
  LANTU_CSRF: 'error.csrf',
  LANTU_NOT_FOUND: 'error.notFound',
  LANTU_PLAN_NOT_FOUND: 'error.notFound',
  LANTU_STALE_VERSION: 'error.stale',
  LANTU_INVALID_STATE: 'error.invalidState',
  LANTU_DATABASE_UNAVAILABLE: 'error.database',
  LANTU_PAYLOAD_TOO_LARGE: 'error.tooLarge',
  LANTU_INTERNAL: 'error.internal',
};

/** The half of a bilingual "中文 · English" message in the locale (the whole message when it has one language). */
export function pickLanguage(message: string, locale: Locale): string {
  const parts = message.split(' · ');
  if (parts.length < 2) return message;
  return locale === 'en' ? parts.slice(1).join(' · ') : parts[0]!;
}

/** One sentence saying what went wrong, for a message or an alert. */
export function describeError(
  error: ApiError,
  t: (key: string, vars?: Record<string, string | number>) => string,
  locale: Locale,
): string {
  const key = CODE_KEYS[error.code];
  if (key) return t(key);
  if (error.code === 'LANTU_VALIDATION' || error.code === 'LANTU_DUPLICATE') {
    return t('error.validation', { detail: pickLanguage(error.message, locale) });
  }
  return t('error.generic');
}
