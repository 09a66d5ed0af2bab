/**
 * A planner's menu on one paragraph of a draft plan: carry it (with its neighbours) across the
 * boundary to the previous or next part of the chapter, which is how a section boundary that ingest
 * had to infer is put right, or move it alone to any chapter or section.
 */
import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Modal, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { StructureCorrection } from '../../../../../src/ingest/corrections.ts';
import type { Plan } from '../../../../../src/model/plan.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { allParts, boundaryMoves, type Part, placementOf, samePlace } from './structureEdit.ts';

/** Props of ParagraphActions. */
export interface ParagraphActionsProps {
  plan: Plan;
  part: Part;
  line: number;
  busy: boolean;
  onCorrect: (corrections: StructureCorrection[]) => void;
}

/** The name of a part: 第3节 title, or the chapter's introduction. */
export function usePartName(): (part: Part) => string {
  const { t } = useLocale();
  return (part) =>
    part.section
      ? t('planText.partSection', {
          c: part.chapter.number,
          n: part.section.number,
          title: part.section.title,
        })
      : t('planText.partIntro', { c: part.chapter.number, title: part.chapter.title });
}

export function ParagraphActions({ plan, part, line, busy, onCorrect }: ParagraphActionsProps): ReactNode {
  const { t } = useLocale();
  const partName = usePartName();
  const [choosing, setChoosing] = useState(false);
  const [target, setTarget] = useState<string | null>(null);
  const { previous, next } = boundaryMoves(part, line);
  const here = placementOf(part);
  const targets = allParts(plan).filter((p) => !samePlace(placementOf(p), here));
  const keyOf = (p: Part): string => `${p.chapter.number}.${p.section?.number ?? 0}`;

  const items = [
    ...(previous
      ? [
          {
            key: 'previous',
            label: t('planText.move.previous', { n: previous.count, part: partName(previous.to) }),
            onClick: () => onCorrect(previous.corrections),
          },
        ]
      : []),
    ...(next
      ? [
          {
            key: 'next',
            label: t('planText.move.next', { n: next.count, part: partName(next.to) }),
            onClick: () => onCorrect(next.corrections),
          },
        ]
      : []),
    { key: 'any', label: t('planText.move.any'), onClick: () => setChoosing(true) },
  ];

  const chosen = targets.find((p) => keyOf(p) === target);
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']} disabled={busy}>
        <Button
          size="small"
          type="text"
          data-testid={`move-${line}`}
          aria-label={t('planText.move.label', { n: line })}
        >
          {t('planText.move.button')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={choosing}
        title={t('planText.move.title', { n: line })}
        okText={t('planText.move.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !chosen, loading: busy }}
        onCancel={() => setChoosing(false)}
        onOk={() => {
          if (!chosen) return;
          onCorrect([{ kind: 'moveParagraph', line, to: placementOf(chosen) }]);
          setChoosing(false);
          setTarget(null);
        }}
      >
        <Typography.Paragraph type="secondary">{t('planText.move.hint')}</Typography.Paragraph>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          placeholder={t('planText.move.placeholder')}
          value={target}
          onChange={setTarget}
          options={plan.chapters.map((c) => ({
            label: t('planText.chapter', { n: c.number, title: c.title }),
            options: targets
              .filter((p) => p.chapter.number === c.number)
              .map((p) => ({ value: keyOf(p), label: partName(p) })),
          }))}
        />
      </Modal>
    </>
  );
}
