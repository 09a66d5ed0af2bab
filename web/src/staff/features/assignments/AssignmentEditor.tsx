/**
 * Editing one item's assignment in a drawer: lead unit, co-operating units (never the lead: checked
 * as the planner picks), due date and the milestones (时间节点). Saving PUTs the whole assignment with
 * the version it was read at; when someone changed it meanwhile (409) the drawer says so, and the
 * form starts again from the latest version once the list has been read again.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Drawer, Form, Grid, Input, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { AssignmentReply, OrgUnitReply, PutAssignmentBody } from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { UnitFields } from './UnitFields.tsx';

/** The form's values: dates as dayjs for the pickers. */
interface EditorFields {
  leadUnitId?: string;
  coUnitIds: string[];
  dueDate: Dayjs | null;
  milestones: { title: string; due: Dayjs | null; done: boolean }[];
}

const ISO = 'YYYY-MM-DD';

function fieldsOf(a: AssignmentReply): EditorFields {
  return {
    ...(a.leadUnit ? { leadUnitId: a.leadUnit.id } : {}),
    coUnitIds: a.coUnits.map((u) => u.id),
    dueDate: a.dueDate ? dayjs(a.dueDate, ISO) : null,
    milestones: a.milestones.map((m) => ({ title: m.title, due: dayjs(m.due, ISO), done: m.done ?? false })),
  };
}

/** Props of AssignmentEditor. */
export interface AssignmentEditorProps {
  planId: string;
  /** The item being edited, as last read (null: the drawer is closed). */
  assignment: AssignmentReply | null;
  /** The directory, for the unit pickers. */
  units: readonly OrgUnitReply[];
  unitsLoading: boolean;
  onClose: () => void;
  /** Called after the assignment was saved. */
  onSaved: () => void;
  /** Reads the list again (after a stale refusal). */
  onStale: () => void;
}

interface EditorFormProps {
  planId: string;
  assignment: AssignmentReply;
  units: readonly OrgUnitReply[];
  unitsLoading: boolean;
  onSaved: () => void;
  onStale: () => void;
  onCancel: () => void;
}

function EditorForm({
  planId,
  assignment,
  units,
  unitsLoading,
  onSaved,
  onStale,
  onCancel,
}: EditorFormProps): ReactNode {
  const { t } = useLocale();
  const run = useAction();
  const [form] = Form.useForm<EditorFields>();
  const [busy, setBusy] = useState(false);

  const handleFinish = async (fields: EditorFields): Promise<void> => {
    const body: PutAssignmentBody = {
      leadUnitId: fields.leadUnitId!,
      coUnitIds: fields.coUnitIds ?? [],
      dueDate: fields.dueDate ? fields.dueDate.format(ISO) : null,
      milestones: (fields.milestones ?? []).map((m) => ({
        title: m.title.trim(),
        due: m.due!.format(ISO),
        done: m.done,
      })),
      version: assignment.version,
    };
    setBusy(true);
    const ok = await run(
      () => api('PUT', `/api/plans/${seg(planId)}/assignments/${seg(assignment.itemId)}`, body),
      { success: t('asg.saved'), onStale },
    );
    setBusy(false);
    if (ok) onSaved();
  };

  return (
    <Form<EditorFields>
      form={form}
      layout="vertical"
      initialValues={fieldsOf(assignment)}
      onFinish={(fields) => void handleFinish(fields)}
      data-testid="assignment-form"
    >
      <UnitFields units={units} loading={unitsLoading} testIds={{ lead: 'lead-unit', co: 'co-units' }} />
      <Form.Item name="dueDate" label={t('asg.due')}>
        <DatePicker style={{ width: 180 }} data-testid="due-date" />
      </Form.Item>
      <Typography.Text strong>{t('asg.milestones')}</Typography.Text>
      <Form.List name="milestones">
        {(rows, { add, remove }) => (
          <div style={{ marginTop: 8 }} data-testid="milestones">
            {rows.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('asg.noMilestones')}</Typography.Paragraph>
            ) : null}
            {rows.map(({ key, name }) => (
              <div
                key={key}
                data-testid="milestone-row"
                style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}
              >
                <Form.Item
                  name={[name, 'title']}
                  rules={[{ required: true, whitespace: true, message: t('asg.milestoneTitleRequired') }]}
                  style={{ flex: '1 1 220px', marginBottom: 12 }}
                >
                  <Input
                    placeholder={t('asg.milestoneTitle')}
                    aria-label={t('asg.milestoneTitle')}
                    maxLength={200}
                  />
                </Form.Item>
                <Form.Item
                  name={[name, 'due']}
                  rules={[{ required: true, message: t('asg.milestoneDueRequired') }]}
                  style={{ marginBottom: 12 }}
                >
                  <DatePicker placeholder={t('asg.milestoneDue')} aria-label={t('asg.milestoneDue')} />
                </Form.Item>
                <Form.Item name={[name, 'done']} valuePropName="checked" style={{ marginBottom: 12 }}>
                  <Checkbox style={{ lineHeight: '32px' }}>{t('asg.milestoneDone')}</Checkbox>
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('asg.milestoneRemove')}
                  title={t('asg.milestoneRemove')}
                  onClick={() => remove(name)}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ title: '', due: null, done: false })}
              block
            >
              {t('asg.milestoneAdd')}
            </Button>
          </div>
        )}
      </Form.List>
      <Space style={{ marginTop: 24 }}>
        {/* Not a submit button: Enter in a date picker confirms the date, it does not save the form. */}
        <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="assignment-save">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** The drawer. */
export function AssignmentEditor({
  planId,
  assignment,
  units,
  unitsLoading,
  onClose,
  onSaved,
  onStale,
}: AssignmentEditorProps): ReactNode {
  const { t } = useLocale();
  const screens = Grid.useBreakpoint();
  // The item whose save was refused as stale: the notice stays until the drawer closes.
  const [staleItem, setStaleItem] = useState<string | null>(null);

  const handleClose = (): void => {
    setStaleItem(null);
    onClose();
  };

  return (
    <Drawer
      open={assignment !== null}
      onClose={handleClose}
      size={screens.md === false ? '100%' : 'large'}
      title={assignment ? t('asg.editTitle', { title: assignment.title }) : t('asg.edit')}
      destroyOnHidden
      data-testid="assignment-editor"
    >
      {assignment ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={6}>
            <Tag>{t(`kind.${assignment.kind}`)}</Tag>
            <Typography.Text type="secondary" className="lantu-num">
              {assignment.key}
            </Typography.Text>
            <Typography.Text type="secondary">
              {assignment.version === null
                ? t('asg.newAssignment')
                : t('asg.version', { v: assignment.version })}
            </Typography.Text>
          </Space>
          {staleItem === assignment.itemId ? (
            <Alert type="warning" showIcon title={t('asg.staleNotice')} data-testid="assignment-stale" />
          ) : null}
          {/* A new key per version: after a stale refusal the form starts again from the latest version. */}
          <EditorForm
            key={`${assignment.itemId}@${assignment.version ?? 0}`}
            planId={planId}
            assignment={assignment}
            units={units}
            unitsLoading={unitsLoading}
            onSaved={() => {
              setStaleItem(null);
              onSaved();
            }}
            onStale={() => {
              setStaleItem(assignment.itemId);
              onStale();
            }}
            onCancel={handleClose}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
