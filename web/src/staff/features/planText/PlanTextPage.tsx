/**
 * 规划文本: the plan's outline as a tree (chapters → sections; a section whose heading ingest had to
 * infer is marked) and beside it the text of the chosen part, with indicator names and commitment
 * clauses marked. The findings of the import are listed on top and again beside the part they
 * concern. While the plan is a draft a planner puts the structure right here (paragraphs moved to
 * their section, commitments confirmed or rejected) and then confirms it.
 */
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Card,
  Col,
  Empty,
  Grid,
  List,
  Row,
  Space,
  Spin,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import type { Chapter, Finding, Plan, Section } from '../../../../../src/model/plan.ts';
import { usePlanStructure } from '../../api/usePlanStructure.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';
import { PartText } from './PartText.tsx';
import { StructureStatus } from './StructureStatus.tsx';
import { paragraphsOf, partsOf } from './structureEdit.ts';
import { useCorrections } from './useCorrections.ts';

const SEVERITY_COLOR: Record<Finding['severity'], string> = { info: 'blue', warning: 'orange', error: 'red' };

function chapterKey(c: Chapter): string {
  return `c${c.number}`;
}

function sectionKey(c: Chapter, s: Section): string {
  return `c${c.number}s${s.number}`;
}

/**
 * Where each line of the plan is shown: the part holding the paragraph or column box on it, else
 * the section or chapter whose line range holds it (headings, tables). Paragraphs a planner moved
 * are found where they now stand.
 */
function partLocator(plan: Plan): (line: number) => string | null {
  const byLine = new Map<number, string>();
  for (const c of plan.chapters) {
    for (const part of partsOf(c)) {
      const key = part.section ? sectionKey(c, part.section) : chapterKey(c);
      for (const p of paragraphsOf(part)) byLine.set(p.line, key);
    }
  }
  for (const column of plan.columns) {
    const c = plan.chapters.find((ch) => ch.number === column.chapter);
    const s = c?.sections.find((sec) => sec.number === column.section);
    if (!c) continue;
    const key = s ? sectionKey(c, s) : chapterKey(c);
    for (const line of [column.line, ...column.items.map((i) => i.line)]) byLine.set(line, key);
  }
  return (line) => {
    const found = byLine.get(line);
    if (found) return found;
    for (const c of plan.chapters) {
      for (const s of c.sections) if (line >= s.line && line <= s.lineEnd) return sectionKey(c, s);
      if (line >= c.line && line <= c.lineEnd) return chapterKey(c);
    }
    return null;
  };
}

/** The plan text page. */
export function PlanTextPage(): ReactNode {
  const { t, locale } = useLocale();
  const plan = usePlan();
  const structure = usePlanStructure(plan.id);
  const { busy, correct } = useCorrections(structure.reload);
  const [selected, setSelected] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const wide = Grid.useBreakpoint().lg ?? false;
  const data = structure.data;
  // On a phone the text stands below the outline: bring it into view when a part is chosen.
  const choose = (key: string): void => {
    setSelected(key);
    if (!wide)
      requestAnimationFrame(() => bodyRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const editable = plan.abilities.correct;
  const onCorrect = (corrections: Parameters<typeof correct>[0]): void => void correct(corrections);

  const locate = useMemo(() => (data ? partLocator(data) : () => null), [data]);
  const findingsByKey = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of data?.findings ?? []) {
      const key = locate(f.line);
      if (!key) continue;
      map.set(key, [...(map.get(key) ?? []), f]);
    }
    return map;
  }, [data, locate]);

  if (structure.error) return <ErrorAlert error={structure.error} onRetry={structure.reload} />;
  if (!data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const current = selected ?? (data.chapters[0] ? chapterKey(data.chapters[0]) : null);
  const message = (f: Finding): string => (locale === 'en' ? f.messageEn : f.message);

  const findingList = (findings: readonly Finding[]): ReactNode => (
    <List
      size="small"
      dataSource={[...findings]}
      renderItem={(f) => {
        const key = locate(f.line);
        return (
          <List.Item
            style={{ cursor: key ? 'pointer' : undefined }}
            onClick={key ? () => choose(key) : undefined}
            data-testid="finding"
          >
            <Space size={6} wrap>
              <Tag color={SEVERITY_COLOR[f.severity]}>{t(`planText.severity.${f.severity}`)}</Tag>
              {f.corrected ? (
                <Tag color="green" icon={<CheckCircleOutlined />} data-testid="finding-corrected">
                  {t('planText.findingCorrected')}
                </Tag>
              ) : null}
              {f.dismissed ? (
                <Tag data-testid="finding-dismissed">{t('planText.findingDismissed')}</Tag>
              ) : null}
              <Tag title={f.kind}>{t(`planText.kind.${f.kind}`)}</Tag>
              <span>{message(f)}</span>
              <Typography.Text type="secondary">{t('planText.line', { n: f.line })}</Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );

  const flags = (key: string, inferred: boolean): ReactNode => (
    <>
      {inferred ? (
        <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="missing-heading">
          {t('planText.missingHeading')}
        </Tag>
      ) : null}
      {findingsByKey.get(key)?.some((f) => !f.corrected && !f.dismissed) ? (
        <WarningOutlined style={{ color: '#fa8c16', marginLeft: 4 }} />
      ) : null}
    </>
  );

  const treeData: TreeDataNode[] = data.chapters.map((c) => ({
    key: chapterKey(c),
    title: (
      <span>
        {t('planText.chapter', { n: c.number, title: c.title })}
        {flags(chapterKey(c), !c.foundInBody)}
      </span>
    ),
    children: c.sections.map((s) => ({
      key: sectionKey(c, s),
      isLeaf: true,
      title: (
        <span>
          {t('planText.section', { n: s.number, title: s.title })}
          {flags(sectionKey(c, s), !s.foundInBody)}
        </span>
      ),
    })),
  }));

  const findingsOf = (key: string): ReactNode => {
    const list = findingsByKey.get(key);
    return list ? (
      <Card size="small" style={{ margin: '8px 0 12px', borderColor: '#ffd591' }}>
        {findingList(list)}
      </Card>
    ) : null;
  };

  const text = (c: Chapter, s: Section | null): ReactNode => (
    <PartText
      plan={data}
      part={{ chapter: c, section: s }}
      editable={editable}
      busy={busy}
      onCorrect={onCorrect}
    />
  );

  const sectionBody = (c: Chapter, s: Section, heading: boolean): ReactNode => (
    <div key={sectionKey(c, s)} data-testid="plan-text-section">
      {heading ? (
        <Typography.Title level={4}>
          {t('planText.section', { n: s.number, title: s.title })}
          {!s.foundInBody ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('planText.missingHeading')}
            </Tag>
          ) : null}
        </Typography.Title>
      ) : null}
      <Typography.Text type="secondary">
        {t('planText.lines', { from: s.line, to: s.lineEnd })}
      </Typography.Text>
      {findingsOf(sectionKey(c, s))}
      {text(c, s)}
    </div>
  );

  let body: ReactNode = <Empty description={t('planText.choose')} />;
  for (const c of data.chapters) {
    if (current === chapterKey(c)) {
      body = (
        <>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('planText.chapter', { n: c.number, title: c.title })}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('planText.lines', { from: c.line, to: c.lineEnd })}
          </Typography.Text>
          {findingsOf(chapterKey(c))}
          {text(c, null)}
          {c.sections.map((s) => sectionBody(c, s, true))}
        </>
      );
    }
    for (const s of c.sections) {
      if (current === sectionKey(c, s)) {
        body = (
          <>
            <Typography.Text type="secondary">
              {t('planText.chapter', { n: c.number, title: c.title })}
            </Typography.Text>
            <Typography.Title level={3} style={{ marginTop: 4 }}>
              {t('planText.section', { n: s.number, title: s.title })}
              {!s.foundInBody ? (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('planText.missingHeading')}
                </Tag>
              ) : null}
            </Typography.Title>
            {sectionBody(c, s, false)}
          </>
        );
      }
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('planText.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('planText.subtitle')}</Typography.Text>
      </div>
      <StructureStatus structure={data} />
      <Card size="small" title={t('planText.findings', { n: data.findings.length })}>
        {data.findings.length === 0 ? (
          <Typography.Text type="secondary">{t('planText.noFindings')}</Typography.Text>
        ) : (
          <div style={{ maxHeight: 240, overflowY: 'auto' }}>{findingList(data.findings)}</div>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('planText.outline')}>
            <Tree
              blockNode
              defaultExpandAll
              selectedKeys={current ? [current] : []}
              treeData={treeData}
              onSelect={(keys) => {
                if (keys[0] !== undefined) choose(String(keys[0]));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            extra={<Typography.Text type="secondary">{t('planText.legend')}</Typography.Text>}
          >
            <div data-testid="plan-text-body" ref={bodyRef} style={{ scrollMarginTop: 72 }}>
              {body}
            </div>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
