/**
 * A refused change to a user in words. The generic sentences of describeError fit most codes; a
 * refusal for the account's state (the last active administrator cannot be demoted) carries its own
 * reason, which the generic "not in a state that allows this" would hide, so the server's is shown.
 */
import type { ApiError } from '../../../shared/api.ts';
import type { Locale } from '../../../shared/i18n.ts';
import { describeError, pickLanguage } from '../../api/describeError.ts';

/** One sentence saying why the server refused. */
export function userErrorText(
  error: ApiError,
  t: (key: string, vars?: Record<string, string | number>) => string,
  locale: Locale,
): string {
  if (error.code === 'LANTU_INVALID_STATE') return pickLanguage(error.message, locale);
  return describeError(error, t, locale);
}
