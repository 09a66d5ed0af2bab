/**
 * Confirming the plan's structure (or taking the confirmation back), from the publishing page and
 * from the plan text page: one versioned request, the plans read again after it.
 */
import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { useAction } from '../components/useAction.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { usePlan, useSession } from '../session/SessionProvider.tsx';
import { seg } from './useQuery.ts';

export function useConfirmStructure(): { busy: boolean; confirm: (confirmed: boolean) => Promise<void> } {
  const { t } = useLocale();
  const plan = usePlan();
  const { reloadPlans } = useSession();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const confirm = async (confirmed: boolean): Promise<void> => {
    setBusy(true);
    await run(() => api('POST', `/api/plans/${seg(plan.id)}/confirm`, { confirmed, version: plan.version }), {
      success: confirmed ? t('plan.confirmedMsg') : t('plan.unconfirmedMsg'),
      onStale: reloadPlans,
    });
    setBusy(false);
    reloadPlans();
  };
  return { busy, confirm };
}
