/**
 * The planner's narrative of one evaluation (主要成效 / 存在问题 / 下步举措): three text areas, an empty
 * one prefilled from the draft written from the data, saved with the version read (a stale one is
 * refused with 409 and the evaluation read again).
 */
import { Alert, Button, Drawer, Form, Input, Space, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { EvaluationDetailReply, Narrative } from '../../api/types.ts';
import { useEvaluation } from '../../api/useEvaluation.ts';
import { seg } from '../../api/useQuery.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

const SECTIONS: readonly (keyof Narrative)[] = ['achievements', 'problems', 'nextSteps'];

/** The text to start from: what was written, else the draft. */
function startingNarrative(e: EvaluationDetailReply): Narrative {
  return {
    achievements: e.narrative.achievements.trim() ? e.narrative.achievements : e.narrativeDraft.achievements,
    problems: e.narrative.problems.trim() ? e.narrative.problems : e.narrativeDraft.problems,
    nextSteps: e.narrative.nextSteps.trim() ? e.narrative.nextSteps : e.narrativeDraft.nextSteps,
  };
}

/** Props of NarrativeEditor. */
export interface NarrativeEditorProps {
  /** The evaluation being edited (null: the drawer is closed). */
  evaluationId: string | null;
  onClose: () => void;
  /** Called after the narrative was saved. */
  onSaved: () => void;
}

function NarrativeForm({
  evaluation,
  onStale,
  onSaved,
}: {
  evaluation: EvaluationDetailReply;
  onStale: () => void;
  onSaved: () => void;
}): ReactNode {
  const { t } = useLocale();
  const run = useAction();
  const [form] = Form.useForm<Narrative>();
  const [busy, setBusy] = useState(false);

  const handleSave = async (narrative: Narrative): Promise<void> => {
    setBusy(true);
    const ok = await run(
      () =>
        api('PATCH', `/api/evaluations/${seg(evaluation.id)}/narrative`, {
          version: evaluation.version,
          narrative,
        }),
      { success: t('eval.saved'), onStale },
    );
    setBusy(false);
    if (ok) onSaved();
  };

  return (
    <Form form={form} layout="vertical" initialValues={startingNarrative(evaluation)} onFinish={handleSave}>
      <Alert type="info" showIcon title={t('eval.narrativeHint')} style={{ marginBottom: 16 }} />
      {SECTIONS.map((section) => (
        <Form.Item key={section} name={section} label={t(`eval.${section}`)}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={20_000} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={busy} disabled={!evaluation.abilities.editNarrative}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** The drawer with the narrative form. */
export function NarrativeEditor({ evaluationId, onClose, onSaved }: NarrativeEditorProps): ReactNode {
  const { t } = useLocale();
  const evaluation = useEvaluation(evaluationId);
  const data = evaluation.data;
  return (
    <Drawer
      open={evaluationId !== null}
      onClose={onClose}
      size="large"
      title={data ? t('eval.narrativeTitle', { title: data.title }) : t('eval.editNarrative')}
      destroyOnHidden
    >
      {evaluation.error ? <ErrorAlert error={evaluation.error} onRetry={evaluation.reload} /> : null}
      {!data && !evaluation.error ? <Spin style={{ display: 'block', margin: '80px auto' }} /> : null}
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {/* A new key per version: after a stale refusal the form starts again from the server's text. */}
          <NarrativeForm
            key={`${data.id}@${data.version}`}
            evaluation={data}
            onStale={evaluation.reload}
            onSaved={onSaved}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
