/**
 * Running a change against the API from a button: on success an optional message; on failure the
 * error in words (never a stack), and on 409 LANTU_STALE_VERSION the user is told someone else
 * changed the record and the data is read again.
 */
import { App } from 'antd';
import { useCallback } from 'react';
import { describeError } from '../api/describeError.ts';
import { asApiError } from '../api/useQuery.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';

/** How one action is reported. */
export interface ActionOptions {
  /** Shown when it worked. */
  success?: string;
  /** Reloads what the user sees; called after a stale-version refusal (and on success when `reloadOnSuccess`). */
  onStale?: () => void;
}

/** A function that runs an API call; resolves true when it worked, false when the user was told why not. */
export type RunAction = (work: () => Promise<unknown>, options?: ActionOptions) => Promise<boolean>;

/** Gives a function that runs one change and tells the user how it went. */
export function useAction(): RunAction {
  const { message } = App.useApp();
  const { t, locale } = useLocale();
  return useCallback<RunAction>(
    async (work, options = {}) => {
      try {
        await work();
        if (options.success) void message.success(options.success);
        return true;
      } catch (caught) {
        const error = asApiError(caught);
        if (error.code === 'LANTU_STALE_VERSION') {
          void message.warning({ content: t('error.staleReloaded'), duration: 6 });
          options.onStale?.();
        } else {
          void message.error({ content: describeError(error, t, locale), duration: 6 });
        }
        return false;
      }
    },
    [message, t, locale],
  );
}
