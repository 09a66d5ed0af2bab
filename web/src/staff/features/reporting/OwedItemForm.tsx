/**
 * One item the unit owes, as a form: a value per measure (with its unit, checked as you type: a
 * number is required, a change of more than half against last year's approved value is flagged),
 * the note and evidence; saved as a draft or submitted for review. A returned item shows the
 * reviewer's comment above the form.
 */
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type {
  CreateObservationBody,
  EditObservationBody,
  Item,
  ObservationDetailReply,
  OwedItem,
} from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { useAction } from '../../components/useAction.ts';
import { WorkflowTag } from '../../components/WorkflowTag.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { Link } from '../../router/router.tsx';
import { implausibleChange, type ReportRow } from './reportRows.ts';

/** Props of OwedItemForm. */
export interface OwedItemFormProps {
  planId: string;
  /** The year reported for. */
  year: number;
  owed: OwedItem;
  item: Item | undefined;
  rows: ReportRow[];
  /** Whether the form starts folded (a long list): the header still shows what and its state. */
  folded?: boolean;
  /** Called after a save or a submission (and after a stale-version refusal) to read the lists again. */
  onChanged: () => void;
}

type Fields = Record<string, number | string | null | undefined> & {
  note?: string;
  evidence?: string;
  source?: string;
  narrative?: string;
  milestone?: string;
  investment?: number | null;
};

/** The form of one owed item. */
export function OwedItemForm({
  planId,
  year,
  owed,
  item,
  rows,
  folded = false,
  onChanged,
}: OwedItemFormProps): ReactNode {
  const { t, num, date } = useLocale();
  const run = useAction();
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [open, setOpen] = useState(!folded);
  const progress = owed.itemKind !== 'indicator';
  const first = rows.find((r) => r.existing)?.existing ?? null;
  const returned = rows.map((r) => r.existing).find((o) => o?.status === 'returned') ?? null;

  const initialValues = useMemo<Fields>(() => {
    const values: Fields = {
      note: first?.details.note ?? '',
      evidence: first?.details.evidence ?? '',
      source: first?.source ?? '',
      narrative: first?.details.narrative ?? '',
      milestone: first?.details.milestone,
      investment: first?.details.investment ?? null,
    };
    for (const r of rows) values[r.key] = r.existing?.value ?? null;
    return values;
  }, [rows, first]);

  const valueRules = (row: ReportRow): Rule[] => [
    { required: !row.optional, message: t('rep.valueRequired') },
    ...(row.kind === 'progress'
      ? [{ type: 'number' as const, min: 0, max: 100, message: t('rep.percentRange') }]
      : []),
    {
      warningOnly: true,
      validator: async (_: unknown, value: number | null | undefined) => {
        const v = value ?? null;
        const change = implausibleChange(row.kind, v, row.lastYear);
        if (change !== null) {
          const signed = `${change > 0 ? '+' : ''}${Math.round(change * 100)}%`;
          throw new Error(
            t('rep.implausible', { year: year - 1, previous: num(row.lastYear), change: signed }),
          );
        }
        if (row.kind === 'progress' && v !== null && row.lastYear !== null && v < row.lastYear) {
          throw new Error(t('rep.backwards', { previous: num(row.lastYear) }));
        }
      },
    },
  ];

  const save = async (fields: Fields, submit: boolean): Promise<void> => {
    for (const row of rows) {
      const raw = fields[row.key];
      if (raw === null || raw === undefined || raw === '') continue;
      const value = Number(raw);
      const details = {
        note: (fields.note ?? '').trim(),
        evidence: (fields.evidence ?? '').trim(),
        ...(progress && fields.narrative ? { narrative: fields.narrative.trim() } : {}),
        ...(progress && fields.milestone ? { milestone: fields.milestone } : {}),
        ...(progress && typeof fields.investment === 'number' ? { investment: fields.investment } : {}),
      };
      const source = (fields.source ?? '').trim();
      let saved: ObservationDetailReply;
      if (row.existing) {
        const body: EditObservationBody = {
          version: row.existing.version,
          value,
          unit: row.unit,
          details,
          source,
        };
        saved = await api<ObservationDetailReply>('PATCH', `/api/observations/${seg(row.existing.id)}`, body);
      } else {
        const body: CreateObservationBody = {
          itemId: owed.itemId,
          measure: row.measure,
          area: row.area,
          year,
          period: null,
          kind: row.kind,
          value,
          unit: row.unit,
          details,
          source,
          sample: false,
        };
        saved = await api<ObservationDetailReply>('POST', `/api/plans/${seg(planId)}/observations`, body);
      }
      if (submit) {
        await api('POST', `/api/observations/${seg(saved.id)}/transitions`, {
          action: 'submit',
          version: saved.version,
        });
      }
    }
  };

  const handleSave = async (submit: boolean): Promise<void> => {
    let fields: Fields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    if (submit && !(fields.evidence ?? '').trim()) {
      form.setFields([{ name: 'evidence', errors: [t('rep.evidenceRequired')] }]);
      return;
    }
    setBusy(submit ? 'submit' : 'save');
    await run(() => save(fields, submit), {
      success: submit ? t('rep.submitted') : t('rep.saved'),
      onStale: onChanged,
    });
    setBusy(null);
    onChanged();
  };

  const code = owed.indicatorCode;
  const title = (
    <Space size={6} wrap style={{ whiteSpace: 'normal', paddingBlock: 2 }}>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {t(`kind.${owed.itemKind}`)}
      </Tag>
      {code ? <Typography.Text type="secondary">{code}</Typography.Text> : null}
      <span>{owed.itemTitle}</span>
      <WorkflowTag status={owed.state} />
      {owed.dueDate ? (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
          {t('rep.due', { date: date(owed.dueDate) })}
        </Typography.Text>
      ) : null}
    </Space>
  );
  return (
    <Card
      size="small"
      title={title}
      data-testid={`owed-${owed.itemKey}`}
      extra={
        folded ? (
          <Button type="link" size="small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t('rep.fold') : t('rep.unfold')}
          </Button>
        ) : null
      }
      styles={{ header: { paddingBlock: 6 }, body: open ? undefined : { display: 'none' } }}
    >
      {item && owed.itemKind !== 'indicator' ? (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, expandable: true }}
          style={{ marginBottom: 8 }}
        >
          {item.text}
        </Typography.Paragraph>
      ) : null}
      {returned?.comment ? (
        <Alert
          type="error"
          showIcon
          title={t('rep.returnedBy', { comment: returned.comment })}
          style={{ marginBottom: 12 }}
          data-testid="returned-comment"
        />
      ) : null}
      <Form<Fields> form={form} layout="vertical" initialValues={initialValues} disabled={busy !== null}>
        <Row gutter={16}>
          {rows.map((row) => (
            <Col key={row.key} xs={24} sm={12} xl={6}>
              <Form.Item
                name={row.key}
                label={
                  <span>
                    {[row.label, row.area].filter(Boolean).join(' · ')}
                    {row.label || row.area ? ' · ' : ''}
                    {progress ? t('rep.percent', { year }) : t('rep.value', { year })}
                    {t(`rep.kind.${row.kind}`)}
                    {row.optional ? t('rep.optional') : ''}
                  </span>
                }
                rules={valueRules(row)}
                extra={
                  row.lastYear !== null
                    ? t('rep.lastYear', { value: `${num(row.lastYear)} ${row.unit}` })
                    : undefined
                }
                hasFeedback
              >
                <InputNumber
                  style={{ width: '100%' }}
                  suffix={row.unit}
                  inputMode="decimal"
                  aria-label={`${owed.itemTitle} ${row.area ?? ''} ${t('rep.value', { year })}`}
                  data-testid={`value-${row.key}`}
                />
              </Form.Item>
            </Col>
          ))}
          {progress ? (
            <Col xs={24} xl={item?.milestones.length ? 10 : 18}>
              <Form.Item name="narrative" label={t('rep.narrative')}>
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  placeholder={t('rep.narrativePlaceholder')}
                  maxLength={5000}
                />
              </Form.Item>
            </Col>
          ) : null}
          {progress && item?.milestones.length ? (
            <Col xs={24} sm={12} xl={8}>
              <Form.Item name="milestone" label={t('rep.milestone')}>
                <Select
                  allowClear
                  options={item.milestones.map((m) => ({
                    value: m.title,
                    label: `${m.title}${t('common.paren', { x: date(m.due) })}`,
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {owed.itemKind === 'project' ? (
            <Col xs={24} sm={12} xl={6}>
              <Form.Item name="investment" label={t('rep.investment')}>
                <InputNumber style={{ width: '100%' }} min={0} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12} xl={progress ? 8 : 6}>
            <Form.Item name="evidence" label={t('rep.evidence')} required>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                placeholder={t('rep.evidencePlaceholder')}
                maxLength={2000}
                data-testid="evidence"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={progress ? 8 : 6}>
            <Form.Item name="note" label={t('rep.note')}>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                placeholder={t('rep.notePlaceholder')}
                maxLength={2000}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={progress ? 8 : 6}>
            <Form.Item name="source" label={t('rep.source')}>
              <Input placeholder={t('rep.sourcePlaceholder')} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Space wrap>
          <Button type="primary" loading={busy === 'submit'} onClick={() => void handleSave(true)}>
            {t('rep.submit')}
          </Button>
          <Button loading={busy === 'save'} onClick={() => void handleSave(false)}>
            {t('rep.saveDraft')}
          </Button>
          {code ? <Link to={`/app/indicators/${encodeURIComponent(code)}`}>{t('rep.openItem')}</Link> : null}
        </Space>
      </Form>
    </Card>
  );
}
