/**
 * The text of one part of the plan (a chapter's introduction or a section) in reading order: its
 * paragraphs with task titles in bold and indicator names and commitment clauses marked, its column
 * boxes (专栏), the commitments read in it with their verdicts, and, for a planner on a draft plan,
 * the menu that moves paragraphs across section boundaries.
 */
import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { StructureCorrection } from '../../../../../src/ingest/corrections.ts';
import type { Column, Plan } from '../../../../../src/model/plan.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { CommitmentReview } from './CommitmentReview.tsx';
import { Highlighted } from './highlight.tsx';
import { ParagraphActions } from './ParagraphActions.tsx';
import { commitmentsOf, type Part, paragraphsOf, placementOf } from './structureEdit.ts';

/** Props of PartText. */
export interface PartTextProps {
  plan: Plan;
  part: Part;
  /** Whether the caller may correct the structure now. */
  editable: boolean;
  busy: boolean;
  onCorrect: (corrections: StructureCorrection[]) => void;
}

export function PartText({ plan, part, editable, busy, onCorrect }: PartTextProps): ReactNode {
  const { t } = useLocale();
  const paragraphs = paragraphsOf(part);
  const { chapter, section } = placementOf(part);
  const columns = plan.columns.filter((c) => c.chapter === chapter && c.section === section);
  const marked = (text: string, line: number): ReactNode => (
    <Highlighted text={text} line={line} indicators={plan.indicators} commitments={plan.commitments} />
  );
  if (paragraphs.length + columns.length === 0) {
    return part.section ? (
      <Typography.Paragraph type="secondary">{t('planText.noText')}</Typography.Paragraph>
    ) : null;
  }

  const columnBox = (column: Column): ReactNode => (
    <Card
      key={`col${column.number}`}
      size="small"
      style={{ margin: '12px 0', background: '#fafafa' }}
      title={t('planText.column', { n: column.number, title: column.title })}
    >
      {column.items.map((item) => (
        <Typography.Paragraph key={`${item.line}-${item.number}`}>
          <Tag color={item.kind === 'project' ? 'cyan' : 'geekblue'}>
            {t(`planText.itemKind.${item.kind}`)}
          </Tag>
          {marked(item.text, item.line)}
        </Typography.Paragraph>
      ))}
    </Card>
  );

  // Paragraphs and column boxes in the order of the text.
  const blocks = [
    ...paragraphs.map((p) => ({ line: p.line, paragraph: p, column: null })),
    ...columns.map((c) => ({ line: c.line, paragraph: null, column: c })),
  ].sort((a, b) => a.line - b.line);

  return (
    <div>
      {blocks.map(({ paragraph: p, column }) => {
        if (column) return columnBox(column);
        if (!p) return null;
        const rest = p.title && p.text.startsWith(p.title) ? p.text.slice(p.title.length) : p.text;
        return (
          <div key={p.line} className="lantu-plan-paragraph" data-line={p.line} style={{ marginBottom: 12 }}>
            <Space size={4} wrap style={{ marginBottom: 2 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('planText.line', { n: p.line })}
              </Typography.Text>
              {p.role === 'task' ? <Tag color="blue">{t('planText.role.task')}</Tag> : null}
              {p.role === 'achievement' ? <Tag>{t('planText.role.achievement')}</Tag> : null}
              {p.movedFrom ? (
                <Tag color="purple" data-testid="moved-tag">
                  {p.movedFrom.section === null
                    ? t('planText.movedFromIntro', { c: p.movedFrom.chapter })
                    : t('planText.movedFrom', { c: p.movedFrom.chapter, n: p.movedFrom.section })}
                </Tag>
              ) : null}
              {editable ? (
                <ParagraphActions plan={plan} part={part} line={p.line} busy={busy} onCorrect={onCorrect} />
              ) : null}
            </Space>
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {p.title && p.role === 'task' ? <strong>{p.title}</strong> : null}
              {marked(p.role === 'task' ? rest : p.text, p.line)}
            </Typography.Paragraph>
          </div>
        );
      })}
      <CommitmentReview
        commitments={commitmentsOf(plan, part)}
        editable={editable}
        busy={busy}
        onCorrect={onCorrect}
      />
    </div>
  );
}
