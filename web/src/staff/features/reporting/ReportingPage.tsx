/**
 * 填报: what my unit owes for the open round, one form per item, and what it has already handed in
 * with the state of each value. A clerk finds her three numbers, enters them with their evidence and
 * submits them here. A unit that co-operates on tasks, projects or commitments (a street office,
 * often) reports the progress of its own part of them below: not owed, but what the lead unit and
 * the bureau read beside the item's own progress.
 */
import { Alert, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { openRound } from '../../api/openRound.ts';
import type { Item, ObservationReply, OwedItem } from '../../api/types.ts';
import { useItems } from '../../api/useItems.ts';
import { useObservations } from '../../api/useObservations.ts';
import { useOwed } from '../../api/useOwed.ts';
import { useRounds } from '../../api/useRounds.ts';
import { DeadlineTag } from '../../components/DeadlineTag.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { usePlan, useSession } from '../../session/SessionProvider.tsx';
import { HandedInTable } from './HandedInTable.tsx';
import { OwedItemForm } from './OwedItemForm.tsx';
import { ReportingTemplate } from './ReportingTemplate.tsx';
import { reportRows } from './reportRows.ts';

const HANDED_IN = new Set(['submitted', 'reviewed', 'approved']);
/** More forms than this start folded (the returned and drafted ones stay open). */
const UNFOLDED_AT_MOST = 8;

/** The reporting page. */
export function ReportingPage(): ReactNode {
  const { t, date } = useLocale();
  const plan = usePlan();
  const { me } = useSession();
  const rounds = useRounds(plan.id);
  const round = openRound(rounds.data);
  const ready = rounds.data !== undefined || rounds.error !== null;
  const year = round?.year;
  const owed = useOwed(ready ? plan.id : null, year);
  const reportYear = owed.data?.year;
  const items = useItems(plan.id, undefined, true);
  const thisYear = useObservations(reportYear ? plan.id : null, { year: reportYear });
  const lastYear = useObservations(reportYear ? plan.id : null, {
    year: reportYear ? reportYear - 1 : undefined,
  });

  const [show, setShow] = useState<'all' | 'indicator' | 'progress'>('all');
  const itemById = useMemo(() => new Map((items.data ?? []).map((i) => [i.id, i])), [items.data]);
  const reload = (): void => {
    owed.reload();
    thisYear.reload();
  };

  const error = owed.error ?? items.error ?? thisYear.error ?? lastYear.error;
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!owed.data || !items.data || !thisYear.data || !lastYear.data || !reportYear)
    return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  // My unit's own values (the list also holds co-operating units' parts of items my unit leads).
  const handedIn = thisYear.data.filter(
    (o) => HANDED_IN.has(o.status) && o.period === null && o.unitId === me?.unit.id,
  );
  const owedItems = owed.data.items.filter(
    (o) => show === 'all' || (show === 'indicator') === (o.itemKind === 'indicator'),
  );
  const fold = owed.data.items.length > UNFOLDED_AT_MOST;
  const parts = me
    ? cooperatingParts(items.data, thisYear.data, me.unit.id, me.unit.shortName, reportYear)
    : [];
  const ledNothing = owed.data.items.length === 0 && handedIn.length === 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rep.title')}
        </Typography.Title>
        {round ? (
          <Space wrap size={8}>
            <Typography.Text type="secondary">
              {t('rep.round', { title: round.title, deadline: date(round.deadline) })}
            </Typography.Text>
            <DeadlineTag deadline={round.deadline} />
          </Space>
        ) : null}
      </div>
      {round ? <ReportingTemplate planId={plan.id} round={round} onUploaded={reload} /> : null}
      {!round && rounds.data ? (
        <Alert type="info" showIcon title={t('rep.noRound', { year: reportYear })} />
      ) : null}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('rep.owed', { n: owed.data.items.length })}
      </Typography.Title>
      {owed.data.items.length === 0 ? (
        <Empty description={ledNothing ? t('rep.leadsNothing') : t('rep.owedNone')} />
      ) : null}
      {owed.data.items.some((o) => o.itemKind === 'indicator') &&
      owed.data.items.some((o) => o.itemKind !== 'indicator') ? (
        <Segmented
          value={show}
          onChange={(value) => setShow(value as typeof show)}
          options={[
            { value: 'all', label: t('rep.filterAll') },
            { value: 'indicator', label: t('rep.filterIndicators') },
            { value: 'progress', label: t('rep.filterProgress') },
          ]}
        />
      ) : null}
      {owedItems.map((o) => {
        const rows = reportRows(o, itemById.get(o.itemId), lastYear.data ?? [], thisYear.data ?? []);
        // A new key after every save: the form starts again from what the server now holds.
        const key = `${o.itemId}:${o.state}:${rows.map((r) => (r.existing ? `${r.existing.id}@${r.existing.version}` : '-')).join(',')}`;
        return (
          <OwedItemForm
            key={key}
            planId={plan.id}
            year={reportYear}
            owed={o}
            item={itemById.get(o.itemId)}
            rows={rows}
            folded={fold && o.state === 'missing'}
            onChanged={reload}
          />
        );
      })}
      {parts.length > 0 && me ? (
        <>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('rep.parts', { n: parts.length })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('rep.partsHint', { unit: me.unit.shortName })}
            </Typography.Text>
          </div>
          <div data-testid="parts" style={{ display: 'contents' }}>
            {parts.map((o) => {
              const rows = reportRows(
                o,
                itemById.get(o.itemId),
                lastYear.data ?? [],
                thisYear.data ?? [],
                me.unit.shortName,
              );
              const key = `part:${o.itemId}:${o.state}:${rows.map((r) => (r.existing ? `${r.existing.id}@${r.existing.version}` : '-')).join(',')}`;
              return (
                <OwedItemForm
                  key={key}
                  planId={plan.id}
                  year={reportYear}
                  owed={o}
                  item={itemById.get(o.itemId)}
                  rows={rows}
                  folded={o.state === 'missing'}
                  onChanged={reload}
                />
              );
            })}
          </div>
        </>
      ) : null}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('rep.handedIn', { n: handedIn.length })}
      </Typography.Title>
      <HandedInTable observations={handedIn} />
    </Space>
  );
}

/**
 * The tasks, projects and commitments the unit co-operates on (not leads) whose own part it has not
 * handed in for the year, shaped as owed items so the same form serves: missing, a draft or returned.
 */
function cooperatingParts(
  items: readonly Item[],
  thisYear: readonly ObservationReply[],
  unitId: string,
  unitShortName: string,
  year: number,
): OwedItem[] {
  const out: OwedItem[] = [];
  for (const item of items) {
    if (
      item.kind === 'indicator' ||
      item.leadUnit?.id === unitId ||
      !item.coUnits.some((u) => u.id === unitId)
    )
      continue;
    const mine = thisYear.filter(
      (o) => o.itemId === item.id && o.area === unitShortName && o.kind === 'progress' && o.period === null,
    );
    if (mine.some((o) => HANDED_IN.has(o.status))) continue;
    const pending = mine.filter((o) => o.status === 'draft' || o.status === 'returned');
    out.push({
      itemId: item.id,
      itemKey: item.key,
      itemKind: item.kind,
      itemTitle: item.title,
      indicatorCode: null,
      year,
      dueDate: item.dueDate,
      state: pending.some((o) => o.status === 'returned') ? 'returned' : pending.length ? 'draft' : 'missing',
      measures: [1],
      observations: pending.map((o) => ({
        id: o.id,
        measure: o.measure,
        status: o.status,
        version: o.version,
      })),
    });
  }
  return out;
}
