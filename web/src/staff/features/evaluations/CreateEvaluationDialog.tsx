/** The planner's dialog for making an evaluation: its kind, the year assessed and an optional title. */
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { EvaluationKind, PlanSummary } from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

interface EvaluationFields {
  kind: EvaluationKind;
  year: number;
  title?: string;
}

/** Props of CreateEvaluationDialog. */
export interface CreateEvaluationDialogProps {
  plan: PlanSummary;
  open: boolean;
  onClose: () => void;
  /** Called after the evaluation was made. */
  onCreated: () => void;
}

/** The dialog. */
export function CreateEvaluationDialog({
  plan,
  open,
  onClose,
  onCreated,
}: CreateEvaluationDialogProps): ReactNode {
  const { t } = useLocale();
  const run = useAction();
  const [form] = Form.useForm<EvaluationFields>();
  const [busy, setBusy] = useState(false);
  const thisYear = new Date().getFullYear() - 1;
  const defaultYear = Math.min(Math.max(thisYear, plan.period.startYear), plan.period.endYear);

  const handleOk = async (): Promise<void> => {
    let fields: EvaluationFields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    const ok = await run(
      () =>
        api('POST', `/api/plans/${seg(plan.id)}/evaluations`, {
          kind: fields.kind,
          year: fields.year,
          ...(fields.title?.trim() ? { title: fields.title.trim() } : {}),
        }),
      { success: t('eval.created') },
    );
    setBusy(false);
    if (ok) {
      form.resetFields();
      onCreated();
    }
  };

  return (
    <Modal
      open={open}
      title={t('eval.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void handleOk()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'midterm', year: defaultYear }}>
        <Form.Item name="kind" label={t('eval.kind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'midterm', label: t('eval.kind.midterm') },
              { value: 'final', label: t('eval.kind.final') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('eval.year')}
          rules={[{ required: true, message: t('eval.yearRequired') }]}
        >
          <InputNumber min={1900} max={2200} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('eval.name')}>
          <Input maxLength={300} placeholder={t('eval.titlePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
