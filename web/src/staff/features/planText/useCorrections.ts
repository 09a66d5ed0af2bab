/**
 * Sending a planner's structure corrections: one versioned request, then a word on what changed
 * (tasks re-numbered, items struck with their assignments, items back) and the plan and its
 * structure read again. A stale version is said in words and the data read again.
 */
import { App } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { correctStructureReplySchema } from '../../../../../src/contract/plans.ts';
import type { StructureCorrection } from '../../../../../src/ingest/corrections.ts';
import { api } from '../../../shared/api.ts';
import { seg } from '../../api/useQuery.ts';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';

type CorrectionReply = z.infer<typeof correctStructureReplySchema>;

/** Gives `correct(corrections)` (resolves true when applied) and whether a request is under way. */
export function useCorrections(reloadStructure: () => void): {
  busy: boolean;
  correct: (corrections: StructureCorrection[]) => Promise<boolean>;
} {
  const { t } = useLocale();
  const { message } = App.useApp();
  const plan = usePlan();
  const { reloadPlans } = useSession();
  const run = useAction();
  const [busy, setBusy] = useState(false);

  const reload = (): void => {
    reloadPlans();
    reloadStructure();
  };

  const correct = async (corrections: StructureCorrection[]): Promise<boolean> => {
    setBusy(true);
    let reply: CorrectionReply | undefined;
    const ok = await run(
      async () => {
        reply = await api<CorrectionReply>('POST', `/api/plans/${seg(plan.id)}/structure/corrections`, {
          version: plan.version,
          corrections,
        });
      },
      { onStale: reload },
    );
    setBusy(false);
    if (ok && reply) {
      const { rekeyed, removed, added } = reply.changes;
      void message.success({
        content: t('planText.corrected', {
          rekeyed: rekeyed.length,
          removed: removed.length,
          added: added.length,
        }),
        duration: 5,
      });
      const assigned = removed.filter((r) => r.leadUnitId);
      if (assigned.length) {
        void message.warning({
          content: t('planText.assignmentsDropped', { n: assigned.length }),
          duration: 8,
        });
      }
      reload();
    }
    return ok;
  };
  return { busy, correct };
}
