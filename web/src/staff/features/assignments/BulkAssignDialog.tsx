/**
 * 批量分配: one lead unit (and, if given, co-operating units and a due date) for every selected item,
 * sent as one all-or-nothing POST …/assignments/bulk with each row's version. A refusal lists the
 * bad (400) or stale (409) rows by the items' titles; nothing was changed then.
 */
import { Alert, App, DatePicker, Form, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import { describeError, pickLanguage } from '../../api/describeError.ts';
import type {
  AssignmentReply,
  BulkAssignmentBody,
  BulkAssignmentReply,
  OrgUnitReply,
} from '../../api/types.ts';
import { asApiError, seg } from '../../api/useQuery.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { bulkRows, type RowProblem, rowProblems } from './assignmentRows.ts';
import { UnitFields } from './UnitFields.tsx';

interface BulkFields {
  leadUnitId?: string;
  coUnitIds?: string[];
  dueDate?: Dayjs | null;
  milestones: 'keep' | 'clear';
}

/** Props of BulkAssignDialog. */
export interface BulkAssignDialogProps {
  planId: string;
  open: boolean;
  /** The selected items as last read (their versions go with the rows). */
  selected: readonly AssignmentReply[];
  units: readonly OrgUnitReply[];
  unitsLoading: boolean;
  onClose: () => void;
  /** Called with the server's reply once the assignment went through. */
  onDone: (reply: BulkAssignmentReply) => void;
  /** Reads the list again (after a stale refusal). */
  onStale: () => void;
}

/** The refused rows, by the items they concern. */
function Problems({ problems, stale }: { problems: RowProblem[]; stale: boolean }): ReactNode {
  const { t, locale } = useLocale();
  const items = new Set(problems.map((p) => p.key)).size;
  return (
    <Alert
      type={stale ? 'warning' : 'error'}
      showIcon
      data-testid="bulk-problems"
      title={stale ? t('asg.bulkStale', { n: items }) : t('asg.bulkRefused', { n: items })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 240, overflowY: 'auto' }}>
          {problems.map((p, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={k}>
              {t('asg.rowProblem', { title: p.title, key: p.key, field: t(`asg.field.${p.field}`) })}
              {pickLanguage(p.message, locale)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The dialog. */
export function BulkAssignDialog({
  planId,
  open,
  selected,
  units,
  unitsLoading,
  onClose,
  onDone,
  onStale,
}: BulkAssignDialogProps): ReactNode {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<BulkFields>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ list: RowProblem[]; stale: boolean } | null>(null);

  const handleClose = (): void => {
    setProblems(null);
    onClose();
  };

  const handleOk = async (): Promise<void> => {
    let fields: BulkFields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    // The rows as sent, so the reply's row indexes name the right items.
    const sent = [...selected];
    const body: BulkAssignmentBody = {
      rows: bulkRows(sent, {
        leadUnitId: fields.leadUnitId!,
        coUnitIds: fields.coUnitIds ?? [],
        dueDate: fields.dueDate ? fields.dueDate.format('YYYY-MM-DD') : null,
        keepMilestones: fields.milestones !== 'clear',
      }),
    };
    setBusy(true);
    setProblems(null);
    try {
      const reply = await api<BulkAssignmentReply>(
        'POST',
        `/api/plans/${seg(planId)}/assignments/bulk`,
        body,
      );
      onDone(reply);
    } catch (caught) {
      const error = asApiError(caught);
      const stale = error.code === 'LANTU_STALE_VERSION';
      if (error.rows && error.rows.length > 0) setProblems({ list: rowProblems(error.rows, sent), stale });
      else void message.error({ content: describeError(error, t, locale), duration: 6 });
      if (stale) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('asg.bulkTitle', { n: selected.length })}
      okText={t('asg.bulkApply')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: selected.length === 0 }}
      onOk={() => void handleOk()}
      onCancel={handleClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('asg.bulkHint')}</Typography.Paragraph>
      <Form<BulkFields> form={form} layout="vertical" preserve={false} initialValues={{ milestones: 'keep' }}>
        <UnitFields
          units={units}
          loading={unitsLoading}
          coExtra={t('asg.bulkCoHint')}
          testIds={{ lead: 'bulk-lead-unit', co: 'bulk-co-units' }}
        />
        <Form.Item name="dueDate" label={t('asg.due')} extra={t('asg.bulkDueHint')}>
          <DatePicker style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="milestones" label={t('asg.bulkMilestones')}>
          <Radio.Group
            options={[
              { value: 'keep', label: t('asg.keepMilestones') },
              { value: 'clear', label: t('asg.clearMilestones') },
            ]}
          />
        </Form.Item>
      </Form>
      {problems ? <Problems problems={problems.list} stale={problems.stale} /> : null}
    </Modal>
  );
}
