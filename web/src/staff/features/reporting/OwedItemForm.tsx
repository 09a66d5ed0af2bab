/**
 * One item the unit owes, as a form: a value per measure (with its unit, checked as you type: a
 * number is required, typed as a clerk types it — full-width, with separators or the unit — and
 * anything unreadable stays in the field with its error and blocks saving; a change of more than
 * half against last year's approved value, or a negative total, is a warning), the note and
 * evidence; saved as a draft or submitted for review. Submitting with warnings asks for an
 * explanation, kept as the value's note for the reviewer. A returned item shows the reviewer's
 * comment above the form, and the warnings of the values it brings back at once.
 */
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { parseQuantity } from '../../../../../src/progress/numbers.ts';
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
import { ExplainWarningsDialog } from './ExplainWarningsDialog.tsx';
import { valueText } from './parseValue.ts';
import { type ReportRow, type ValueWarning, valueProblem, valueWarnings } from './reportRows.ts';
import { ValueInput } from './ValueInput.tsx';

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

/** The form's values: each row's value as typed (or as read from the server), keyed by row. */
type Fields = Record<string, number | string | null | undefined> & {
  note?: string;
  evidence?: string;
  source?: string;
  narrative?: string;
  milestone?: string;
  investment?: number | string | null;
};

/** The unit of investment to date. */
const INVESTMENT_UNIT = '亿元';

/** Investment to date as typed, or null when it is empty; NaN when it cannot be sent (not a number, below 0). */
function investmentOf(typed: unknown): number | null {
  const text = valueText(typed);
  if (text.trim() === '') return null;
  const value = parseQuantity(text, INVESTMENT_UNIT);
  return value === null || value < 0 ? Number.NaN : value;
}

/** Whether any value of the form cannot be saved as it stands. */
function hasProblems(rows: readonly ReportRow[], values: Fields | undefined): boolean {
  if (!values) return false;
  return (
    rows.some((row) => valueProblem(row, values[row.key]) !== null) ||
    Number.isNaN(investmentOf(values.investment))
  );
}

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
  /** The form's values and the warnings to explain while the explanation dialog is open. */
  const [explaining, setExplaining] = useState<{ fields: Fields; warnings: string[] } | null>(null);
  const blocked = Form.useWatch((values: Fields) => hasProblems(rows, values), form) ?? false;
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

  // A value brought back (a draft, a returned one) shows its warnings at once, not only once touched.
  const filled = rows
    .filter((r) => r.existing?.value !== null && r.existing?.value !== undefined)
    .map((r) => r.key)
    .join(',');
  useEffect(() => {
    if (filled !== '') form.validateFields(filled.split(',')).catch(() => undefined);
  }, [form, filled]);

  const warningText = (row: ReportRow, warning: ValueWarning): string => {
    switch (warning.code) {
      case 'implausible': {
        const percent = Math.round(warning.change * 100);
        const change = `${percent > 0 ? '+' : ''}${num(percent)}%`;
        const previous = `${num(warning.previous)} ${row.unit}`.trim();
        return t('rep.implausible', { year: year - 1, previous, change });
      }
      case 'backwards':
        return t('rep.backwards', { previous: num(warning.previous) });
      case 'negative':
        return t('rep.negative');
    }
  };

  const valueRules = (row: ReportRow): Rule[] => [
    // Only `required` and `message`: another key makes it a string rule, which a number read back fails.
    { required: !row.optional, message: t('rep.valueRequired') },
    {
      validator: async (_: unknown, typed: unknown) => {
        const text = valueText(typed);
        if (!row.optional && text !== '' && text.trim() === '') throw new Error(t('rep.valueRequired'));
        const problem = valueProblem(row, typed);
        if (problem === 'not-a-number') throw new Error(t('rep.notANumber'));
        if (problem === 'percent-range') throw new Error(t('rep.percentRange'));
      },
    },
    // One rule per kind of warning, so that each shows on its own line.
    ...(['negative', 'implausible', 'backwards'] as const).map(
      (code): Rule => ({
        warningOnly: true,
        validator: async (_: unknown, typed: unknown) => {
          const value = parseQuantity(valueText(typed), row.unit);
          const warning = valueWarnings(row, value).find((w) => w.code === code);
          if (warning) throw new Error(warningText(row, warning));
        },
      }),
    ),
  ];

  /** The warnings of the values about to be submitted, each naming its value. */
  const warningsOf = (fields: Fields): string[] =>
    rows.flatMap((row) => {
      const value = parseQuantity(valueText(fields[row.key]), row.unit);
      if (value === null) return [];
      const what = [owed.itemTitle, row.label, row.area].filter(Boolean).join(' · ');
      return valueWarnings(row, value).map((w) =>
        t('rep.warningOf', { what, value: `${num(value)} ${row.unit}`.trim(), warning: warningText(row, w) }),
      );
    });

  const save = async (fields: Fields, submit: boolean): Promise<void> => {
    const investment = investmentOf(fields.investment);
    for (const row of rows) {
      const typed = valueText(fields[row.key]);
      if (typed.trim() === '') continue;
      const value = parseQuantity(typed, row.unit);
      // The form's rules refuse such a value before this is called.
      if (value === null) throw new Error(t('rep.notANumber'));
      const details = {
        note: (fields.note ?? '').trim(),
        evidence: (fields.evidence ?? '').trim(),
        ...(progress && fields.narrative ? { narrative: fields.narrative.trim() } : {}),
        ...(progress && fields.milestone ? { milestone: fields.milestone } : {}),
        ...(progress && investment !== null && !Number.isNaN(investment) ? { investment } : {}),
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

  /** Saves (and submits) the form's values, then reads the lists again. */
  const send = async (fields: Fields, submit: boolean): Promise<void> => {
    setBusy(submit ? 'submit' : 'save');
    await run(() => save(fields, submit), {
      success: submit ? t('rep.submitted') : t('rep.saved'),
      onStale: onChanged,
    });
    setBusy(null);
    onChanged();
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
    const warnings = submit ? warningsOf(fields) : [];
    if (warnings.length > 0) {
      setExplaining({ fields, warnings });
      return;
    }
    await send(fields, submit);
  };

  const handleExplained = async (note: string): Promise<void> => {
    if (!explaining) return;
    form.setFieldValue('note', note);
    await send({ ...explaining.fields, note }, true);
    setExplaining(null);
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
      <Form<Fields>
        form={form}
        // Several forms stand on one page: the name prefixes their field ids, so each label names its own field.
        name={`${owed.itemKey}${rows[0]?.area ? `@${rows[0].area}` : ''}`.replace(/[^\w@.-]/g, '_')}
        layout="vertical"
        initialValues={initialValues}
        disabled={busy !== null}
      >
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
                <ValueInput
                  unit={row.unit}
                  inputMode={row.mayBeNegative ? 'text' : 'decimal'}
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
              <Form.Item
                name="investment"
                label={t('rep.investment')}
                rules={[
                  {
                    validator: async (_: unknown, typed: unknown) => {
                      if (Number.isNaN(investmentOf(typed))) throw new Error(t('rep.investmentInvalid'));
                    },
                  },
                ]}
              >
                <ValueInput unit={INVESTMENT_UNIT} aria-label={t('rep.investment')} />
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
          <Button
            type="primary"
            loading={busy === 'submit'}
            disabled={blocked}
            onClick={() => void handleSave(true)}
          >
            {t('rep.submit')}
          </Button>
          <Button loading={busy === 'save'} disabled={blocked} onClick={() => void handleSave(false)}>
            {t('rep.saveDraft')}
          </Button>
          {code ? <Link to={`/app/indicators/${encodeURIComponent(code)}`}>{t('rep.openItem')}</Link> : null}
        </Space>
      </Form>
      <ExplainWarningsDialog
        warnings={explaining?.warnings ?? null}
        note={explaining?.fields.note ?? ''}
        busy={busy === 'submit'}
        onConfirm={(note) => void handleExplained(note)}
        onCancel={() => setExplaining(null)}
      />
    </Card>
  );
}
