/**
 * 规划文本: the plan's outline as a tree (chapters → sections; a section whose heading ingest had to
 * infer is marked) and beside it the text of the chosen part: tasks, paragraphs and achievements,
 * with indicator names and commitment clauses marked. The findings of the import are listed on top
 * and again beside the part whose lines contain them.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Card, Col, Empty, List, Row, Space, Spin, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import type { Chapter, Finding, Paragraph, Plan, Section, Task } from '../../../../../src/model/plan.ts';
import { usePlanStructure } from '../../api/usePlanStructure.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';
import { Highlighted } from './highlight.tsx';

const SEVERITY_COLOR: Record<Finding['severity'], string> = { info: 'blue', warning: 'orange', error: 'red' };

function chapterKey(c: Chapter): string {
  return `c${c.number}`;
}

function sectionKey(c: Chapter, s: Section): string {
  return `c${c.number}s${s.number}`;
}

/** The part of the outline whose line range holds `line`: the section if one does, else the chapter. */
function keyOfLine(plan: Plan, line: number): string | null {
  for (const c of plan.chapters) {
    for (const s of c.sections) if (line >= s.line && line <= s.lineEnd) return sectionKey(c, s);
    if (line >= c.line && line <= c.lineEnd) return chapterKey(c);
  }
  return null;
}

/** The plan text page. */
export function PlanTextPage(): ReactNode {
  const { t, locale } = useLocale();
  const plan = usePlan();
  const structure = usePlanStructure(plan.id);
  const [selected, setSelected] = useState<string | null>(null);
  const data = structure.data;

  const findingsByKey = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const f of data?.findings ?? []) {
      const key = data ? keyOfLine(data, f.line) : null;
      if (!key) continue;
      map.set(key, [...(map.get(key) ?? []), f]);
    }
    return map;
  }, [data]);

  if (structure.error) return <ErrorAlert error={structure.error} onRetry={structure.reload} />;
  if (!data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const current = selected ?? (data.chapters[0] ? chapterKey(data.chapters[0]) : null);
  const message = (f: Finding): string => (locale === 'en' ? f.messageEn : f.message);

  const findingList = (findings: readonly Finding[]): ReactNode => (
    <List
      size="small"
      dataSource={[...findings]}
      renderItem={(f) => {
        const key = keyOfLine(data, f.line);
        return (
          <List.Item
            style={{ cursor: key ? 'pointer' : undefined }}
            onClick={key ? () => setSelected(key) : undefined}
          >
            <Space size={6} wrap>
              <Tag color={SEVERITY_COLOR[f.severity]}>{t(`planText.severity.${f.severity}`)}</Tag>
              <Typography.Text code>{f.kind}</Typography.Text>
              <span>{message(f)}</span>
              <Typography.Text type="secondary">{t('planText.line', { n: f.line })}</Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );

  const treeData: TreeDataNode[] = data.chapters.map((c) => ({
    key: chapterKey(c),
    title: (
      <span>
        {t('planText.chapter', { n: c.number, title: c.title })}
        {!c.foundInBody ? (
          <Tag color="orange" style={{ marginInlineStart: 6 }}>
            {t('planText.missingHeading')}
          </Tag>
        ) : null}
        {findingsByKey.has(chapterKey(c)) ? (
          <WarningOutlined style={{ color: '#fa8c16', marginLeft: 4 }} />
        ) : null}
      </span>
    ),
    children: c.sections.map((s) => ({
      key: sectionKey(c, s),
      isLeaf: true,
      title: (
        <span>
          {t('planText.section', { n: s.number, title: s.title })}
          {!s.foundInBody ? (
            <Tag color="orange" style={{ marginInlineStart: 6 }} data-testid="missing-heading">
              {t('planText.missingHeading')}
            </Tag>
          ) : null}
          {findingsByKey.has(sectionKey(c, s)) ? (
            <WarningOutlined style={{ color: '#fa8c16', marginLeft: 4 }} />
          ) : null}
        </span>
      ),
    })),
  }));

  const text = (p: { text: string; line: number }): ReactNode => (
    <Highlighted text={p.text} line={p.line} indicators={data.indicators} commitments={data.commitments} />
  );

  const tasks = (list: readonly Task[]): ReactNode =>
    list.length === 0 ? null : (
      <>
        <Typography.Title level={5}>{t('planText.tasks')}</Typography.Title>
        {list.map((task) => {
          const rest = task.text.startsWith(task.title) ? task.text.slice(task.title.length) : task.text;
          return (
            <Typography.Paragraph key={`t${task.line}`}>
              <strong>{task.title}</strong>
              {text({ text: rest, line: task.line })}
            </Typography.Paragraph>
          );
        })}
      </>
    );

  const paragraphs = (title: string, list: readonly Paragraph[]): ReactNode =>
    list.length === 0 ? null : (
      <>
        <Typography.Title level={5}>{title}</Typography.Title>
        {list.map((p) => (
          <Typography.Paragraph key={`p${p.line}`}>{text(p)}</Typography.Paragraph>
        ))}
      </>
    );

  const findingsOf = (key: string): ReactNode => {
    const list = findingsByKey.get(key);
    return list ? (
      <Card size="small" style={{ marginBottom: 12, borderColor: '#ffd591' }}>
        {findingList(list)}
      </Card>
    ) : null;
  };

  const sectionBody = (c: Chapter, s: Section, heading: boolean): ReactNode => {
    const empty = s.tasks.length + s.paragraphs.length + s.achievements.length === 0;
    return (
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
        {paragraphs(t('planText.achievements'), s.achievements)}
        {paragraphs(t('planText.paragraphs'), s.paragraphs)}
        {tasks(s.tasks)}
        {empty ? <Typography.Paragraph type="secondary">{t('planText.noText')}</Typography.Paragraph> : null}
      </div>
    );
  };

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
          {paragraphs(t('planText.intro'), c.intro)}
          {tasks(c.tasks)}
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
                if (keys[0] !== undefined) setSelected(String(keys[0]));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            extra={<Typography.Text type="secondary">{t('planText.legend')}</Typography.Text>}
          >
            <div data-testid="plan-text-body">{body}</div>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
