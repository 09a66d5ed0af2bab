/**
 * 评估报告: the plan's evaluations (中期评估 / 总结评估), each with its Word and HTML report and its
 * unit scorecard (plain links: the session cookie goes along). A planner makes a new evaluation and
 * writes the narrative of each.
 */
import { FileExcelOutlined, FileTextOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { EvaluationReply } from '../../api/types.ts';
import { useEvaluations } from '../../api/useEvaluations.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LightDot } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';
import { CreateEvaluationDialog } from './CreateEvaluationDialog.tsx';
import { NarrativeEditor } from './NarrativeEditor.tsx';

const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;

/** The evaluations page. */
export function EvaluationsPage(): ReactNode {
  const { t, date } = useLocale();
  const { me } = useSession();
  const plan = usePlan();
  const evaluations = useEvaluations(plan.id);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const mayCreate = me?.role === 'planner';

  if (evaluations.error) return <ErrorAlert error={evaluations.error} onRetry={evaluations.reload} />;

  const columns: TableColumnsType<EvaluationReply> = [
    { title: t('eval.name'), dataIndex: 'title', key: 'title', width: 260 },
    {
      title: t('eval.kind'),
      key: 'kind',
      width: 96,
      render: (_, e) => <Tag color={e.kind === 'final' ? 'purple' : 'blue'}>{t(`eval.kind.${e.kind}`)}</Tag>,
    },
    { title: t('eval.year'), dataIndex: 'year', key: 'year', width: 84, sorter: (a, b) => a.year - b.year },
    {
      title: t('eval.summary'),
      key: 'summary',
      width: 200,
      responsive: ['md'],
      render: (_, e) => (
        <Space size={10} wrap>
          {LIGHTS.map((light) => (
            <Space key={light} size={4}>
              <LightDot light={light} />
              <span className="lantu-num">{e.summary.byLight[light]}</span>
            </Space>
          ))}
          {e.summary.containsSampleData ? <Tag color="orange">{t('eval.sample')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('eval.createdBy'),
      key: 'createdBy',
      width: 150,
      responsive: ['lg'],
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.createdBy.name}</span>
          <Typography.Text type="secondary">{date(e.createdAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('eval.files'),
      key: 'files',
      render: (_, e) =>
        e.abilities.download ? (
          <Space size={4} wrap>
            <Button size="small" type="link" icon={<FileWordOutlined />} href={e.files.docx}>
              {t('eval.docx')}
            </Button>
            <Button
              size="small"
              type="link"
              icon={<FileTextOutlined />}
              href={e.files.html}
              target="_blank"
              rel="noopener"
            >
              {t('eval.html')}
            </Button>
            <Button size="small" type="link" icon={<FileExcelOutlined />} href={e.files.scorecard}>
              {t('eval.scorecard')}
            </Button>
          </Space>
        ) : null,
    },
    {
      title: '',
      key: 'edit',
      width: 110,
      render: (_, e) =>
        e.abilities.editNarrative ? (
          <Button size="small" onClick={() => setEditing(e.id)}>
            {t('eval.editNarrative')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('eval.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('eval.subtitle')}</Typography.Text>
      </div>
      <Card
        size="small"
        extra={
          mayCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('eval.create')}
            </Button>
          ) : null
        }
      >
        <Table<EvaluationReply>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={evaluations.data ?? []}
          loading={evaluations.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('eval.none') }}
          data-testid="evaluation-table"
        />
      </Card>
      <CreateEvaluationDialog
        plan={plan}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          evaluations.reload();
        }}
      />
      <NarrativeEditor
        evaluationId={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          evaluations.reload();
        }}
      />
    </Space>
  );
}
