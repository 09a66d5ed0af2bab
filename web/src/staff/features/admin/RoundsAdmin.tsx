/**
 * Reporting rounds: the periods opened for reporting, with their deadlines; a planner opens a new
 * round and closes or reopens one (its version guards against two people doing it at once). On a
 * phone the year, period and deadline go under the round's title and the action under its status.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../../../shared/api.ts';
import type { CreateRoundBody, RoundReply } from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { useRounds } from '../../api/useRounds.ts';
import { DeadlineTag } from '../../components/DeadlineTag.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportXlsxButton } from '../../components/ExportXlsxButton.tsx';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan } from '../../session/SessionProvider.tsx';

const PERIODS = [
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;

interface RoundFields {
  year: number;
  period: string;
  title?: string;
  opensOn: Dayjs;
  deadline: Dayjs;
}

/** The rounds page. */
export function RoundsAdmin(): ReactNode {
  const { t, date } = useLocale();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const plan = usePlan();
  const rounds = useRounds(plan.id);
  const run = useAction();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [form] = Form.useForm<RoundFields>();
  const mayEdit = rounds.data?.some((r) => r.abilities.edit) ?? false;
  // Opening rounds is the planner's: the list's abilities say whether this user may (a plan with no round yet: the role).
  const mayCreate = plan.abilities.publish || mayEdit;

  const setStatus = async (round: RoundReply, status: 'open' | 'closed'): Promise<void> => {
    setBusy(round.id);
    await run(
      () =>
        api('PATCH', `/api/plans/${seg(plan.id)}/rounds/${seg(round.id)}`, {
          version: round.version,
          status,
        }),
      {
        success: status === 'closed' ? t('rounds.closedMsg') : t('rounds.reopenedMsg'),
        onStale: rounds.reload,
      },
    );
    setBusy(null);
    rounds.reload();
  };

  const handleCreate = async (): Promise<void> => {
    let fields: RoundFields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    const body: CreateRoundBody = {
      year: fields.year,
      period: fields.period === 'year' ? null : (fields.period as CreateRoundBody['period']),
      opensOn: fields.opensOn.format('YYYY-MM-DD'),
      deadline: fields.deadline.format('YYYY-MM-DD'),
      ...(fields.title?.trim() ? { title: fields.title.trim() } : {}),
    };
    setBusy('create');
    const ok = await run(() => api('POST', `/api/plans/${seg(plan.id)}/rounds`, body), {
      success: t('rounds.createdMsg'),
    });
    setBusy(null);
    if (ok) {
      setCreating(false);
      form.resetFields();
      rounds.reload();
    }
  };

  const periodLabel = (p: string | null): string => (p === null ? t('rounds.fullYear') : p);
  // The first year of the plan without an annual round, else the end year (for a quarterly round).
  let nextYear = plan.period.endYear;
  for (let y = plan.period.startYear; y <= plan.period.endYear; y++) {
    if (!(rounds.data ?? []).some((r) => r.year === y && r.period === null)) {
      nextYear = y;
      break;
    }
  }

  /** The rounds under the table's columns as plain values, for 导出 Excel. */
  const exportTable = () => ({
    columns: [
      { key: 'title', title: t('rounds.name') },
      { key: 'year', title: t('rounds.year') },
      { key: 'period', title: t('rounds.period') },
      { key: 'opensOn', title: t('rounds.opensOn') },
      { key: 'deadline', title: t('rounds.deadline') },
      { key: 'status', title: t('rounds.status') },
    ],
    rows: (rounds.data ?? []).map((r) => ({
      title: r.title,
      year: r.year,
      period: periodLabel(r.period),
      opensOn: date(r.opensOn),
      deadline: date(r.deadline),
      status: r.status === 'open' ? t('rounds.open') : t('rounds.closed'),
    })),
  });

  const statusTag = (r: RoundReply): ReactNode => (
    <Tag color={r.status === 'open' ? 'green' : 'default'}>
      {r.status === 'open' ? t('rounds.open') : t('rounds.closed')}
    </Tag>
  );
  const statusButton = (r: RoundReply): ReactNode =>
    r.abilities.edit ? (
      <Button
        size="small"
        loading={busy === r.id}
        onClick={() => void setStatus(r, r.status === 'open' ? 'closed' : 'open')}
      >
        {r.status === 'open' ? t('rounds.close') : t('rounds.reopen')}
      </Button>
    ) : null;
  const deadline = (r: RoundReply): ReactNode => (
    <Space size={6} wrap>
      <span className="lantu-num">{date(r.deadline)}</span>
      {r.status === 'open' ? <DeadlineTag deadline={r.deadline} /> : null}
    </Space>
  );
  const columns: TableColumnsType<RoundReply> = phone
    ? [
        {
          title: t('rounds.name'),
          key: 'title',
          render: (_, r) => (
            <Space orientation="vertical" size={2} style={{ minWidth: 160 }}>
              <span>{r.title}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.year} · {periodLabel(r.period)}
              </Typography.Text>
              <Space size={6} wrap style={{ fontSize: 12 }}>
                <span>
                  {t('rounds.deadline')}
                  {t('common.colon')}
                  <span className="lantu-num">{date(r.deadline)}</span>
                </span>
                {r.status === 'open' ? <DeadlineTag deadline={r.deadline} /> : null}
              </Space>
            </Space>
          ),
        },
        {
          title: t('rounds.status'),
          key: 'status',
          render: (_, r) => (
            <Space orientation="vertical" size={4} align="start">
              {statusTag(r)}
              {statusButton(r)}
            </Space>
          ),
        },
      ]
    : [
        {
          title: t('rounds.name'),
          dataIndex: 'title',
          key: 'title',
          render: (_, r) => <div style={{ minWidth: 180 }}>{r.title}</div>,
        },
        { title: t('rounds.year'), dataIndex: 'year', key: 'year', width: 70 },
        {
          title: t('rounds.period'),
          key: 'period',
          width: 80,
          render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{periodLabel(r.period)}</span>,
        },
        {
          title: t('rounds.opensOn'),
          key: 'opensOn',
          responsive: ['lg'],
          render: (_, r) => <span className="lantu-num">{date(r.opensOn)}</span>,
        },
        { title: t('rounds.deadline'), key: 'deadline', render: (_, r) => deadline(r) },
        { title: t('rounds.status'), key: 'status', render: (_, r) => statusTag(r) },
        ...(mayEdit
          ? [
              {
                title: t('rounds.actions'),
                key: 'actions',
                render: (_: unknown, r: RoundReply) => statusButton(r),
              },
            ]
          : []),
      ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rounds.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('rounds.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <Flex wrap gap={8} justify="flex-end" style={{ marginBottom: 12 }}>
          {mayCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('rounds.create')}
            </Button>
          ) : null}
          <ExportXlsxButton title={t('rounds.title')} table={exportTable} />
        </Flex>
        {rounds.error ? <ErrorAlert error={rounds.error} onRetry={rounds.reload} /> : null}
        <Table<RoundReply>
          size="small"
          rowKey="id"
          loading={rounds.loading}
          dataSource={rounds.data ?? []}
          pagination={false}
          // On a phone the cells wrap within their least widths; past those the table scrolls in the card.
          scroll={{ x: phone ? true : 'max-content' }}
          data-testid="rounds-table"
          columns={columns}
        />
      </Card>
      <Modal
        open={creating}
        title={t('rounds.create')}
        okText={t('rounds.create')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy === 'create' }}
        onOk={() => void handleCreate()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form<RoundFields>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ year: nextYear, period: 'year' }}
        >
          <Space wrap>
            <Form.Item
              name="year"
              label={t('rounds.year')}
              rules={[{ required: true, message: t('rounds.required') }]}
            >
              <InputNumber min={plan.period.baseYear} max={plan.period.endYear} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="period" label={t('rounds.period')}>
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'year', label: t('rounds.fullYear') },
                  ...PERIODS.map((p) => ({ value: p, label: p })),
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t('rounds.titleField')}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="opensOn"
              label={t('rounds.opensOn')}
              rules={[{ required: true, message: t('rounds.required') }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t('rounds.deadline')}
              dependencies={['opensOn']}
              rules={[
                { required: true, message: t('rounds.required') },
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | undefined) => {
                    const opens = getFieldValue('opensOn') as Dayjs | undefined;
                    if (value && opens && value.isBefore(opens, 'day'))
                      throw new Error(t('rounds.deadlineOrder'));
                  },
                }),
              ]}
            >
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
