/**
 * The quantified commitments (量化承诺) read in one part of the plan, each with the planner's
 * verdict: not yet looked at, confirmed as a promise to track, or rejected (not a promise: it is not
 * tracked, assigned or shown to the public). A planner confirms or rejects them while the plan is a
 * draft; everyone else reads the verdicts.
 */
import { Button, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StructureCorrection } from '../../../../../src/ingest/corrections.ts';
import type { KeyedCommitment } from '../../../../../src/model/keys.ts';
import type { Commitment } from '../../../../../src/model/plan.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { Link } from '../../router/router.tsx';

const COMPARATOR: Record<Commitment['comparator'], string> = {
  '=': '',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  about: '≈',
  range: '',
};

/** Props of CommitmentReview. */
export interface CommitmentReviewProps {
  commitments: readonly KeyedCommitment[];
  /** Whether the caller may give verdicts now (a planner, on a draft plan). */
  editable: boolean;
  busy: boolean;
  onCorrect: (corrections: StructureCorrection[]) => void;
}

export function CommitmentReview({
  commitments,
  editable,
  busy,
  onCorrect,
}: CommitmentReviewProps): ReactNode {
  const { t, num } = useLocale();
  if (commitments.length === 0) return null;
  const review = (key: string, decision: 'confirmed' | 'rejected' | 'unreviewed'): StructureCorrection => ({
    kind: 'reviewCommitment',
    key,
    decision,
  });
  const open = commitments.filter((k) => !k.commitment.review);
  const amount = (c: Commitment): string => {
    const q =
      typeof c.quantity === 'number' ? num(c.quantity) : `${num(c.quantity.min)}–${num(c.quantity.max)}`;
    return `${COMPARATOR[c.comparator]}${q}${c.unit}`;
  };
  const state = (c: Commitment): ReactNode =>
    c.review === 'confirmed' ? (
      <Tag color="green">{t('planText.commitment.confirmed')}</Tag>
    ) : c.review === 'rejected' ? (
      <Tag>{t('planText.commitment.rejected')}</Tag>
    ) : (
      <Tag color="gold">{t('planText.commitment.open')}</Tag>
    );

  return (
    <div data-testid="commitment-review" style={{ margin: '8px 0 16px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text strong>{t('planText.commitments', { n: commitments.length })}</Typography.Text>
        {editable && open.length > 1 ? (
          <Button
            size="small"
            disabled={busy}
            onClick={() => onCorrect(open.map((k) => review(k.key, 'confirmed')))}
          >
            {t('planText.commitment.confirmAll', { n: open.length })}
          </Button>
        ) : null}
      </Space>
      <List
        size="small"
        dataSource={[...commitments]}
        rowKey={(k) => k.key}
        renderItem={({ key, commitment: c }) => (
          <List.Item
            data-commitment={key}
            actions={
              editable
                ? c.review
                  ? [
                      <Button
                        key="undo"
                        size="small"
                        type="link"
                        disabled={busy}
                        onClick={() => onCorrect([review(key, 'unreviewed')])}
                      >
                        {t('planText.commitment.undo')}
                      </Button>,
                    ]
                  : [
                      <Button
                        key="ok"
                        size="small"
                        disabled={busy}
                        onClick={() => onCorrect([review(key, 'confirmed')])}
                      >
                        {t('planText.commitment.confirm')}
                      </Button>,
                      <Button
                        key="no"
                        size="small"
                        danger
                        disabled={busy}
                        onClick={() => onCorrect([review(key, 'rejected')])}
                      >
                        {t('planText.commitment.reject')}
                      </Button>,
                    ]
                : []
            }
          >
            <Space
              size={6}
              wrap
              style={{ textDecoration: c.review === 'rejected' ? 'line-through' : undefined }}
            >
              {state(c)}
              <span>{c.subject}</span>
              <Typography.Text strong>{amount(c)}</Typography.Text>
              {c.year ? (
                <Typography.Text type="secondary">
                  {t('planText.commitment.year', { year: c.year })}
                </Typography.Text>
              ) : null}
              {c.indicatorCode ? (
                <Link to={`/app/indicators/${encodeURIComponent(c.indicatorCode)}`}>
                  {t('planText.commitment.indicator', { code: c.indicatorCode })}
                </Link>
              ) : null}
              <Typography.Text type="secondary">{t('planText.line', { n: c.line })}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
