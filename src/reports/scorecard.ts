/**
 * The unit scorecard (监督考核): for each lead unit (牵头单位), the items it leads by light, and its
 * reporting record: of what it owed the rounds whose deadline had passed, the share it handed in
 * (报送率) and the share of the timed hand-ins that came on or before the deadline (及时率). Pure:
 * computed from a snapshot, so the report section and the .xlsx always agree.
 */
import type { Light } from '../progress/index.ts';
import { type EvaluationSnapshot, itemLight, type Obligation } from './snapshot.ts';

/** One lead unit's line of the scorecard. */
export interface ScorecardRow {
  unitId: string;
  /** The short name (区统计局). */
  unitName: string;
  /** The full name (杭州市上城区统计局). */
  unitFullName: string;
  /** Indicators it leads. */
  indicators: number;
  /** Tasks, projects, actions and commitments it leads. */
  others: number;
  /** All items it leads, by light. */
  byLight: Record<Light, number>;
  /** Measures × rounds it owed. */
  owed: number;
  /** Of those, handed in (at any time). */
  handedIn: number;
  onTime: number;
  late: number;
  /** Handed in with no recorded time (loaded in bulk). */
  timeUnknown: number;
  missing: number;
  /** handedIn / owed; null when it owed nothing. */
  completeness: number | null;
  /** onTime / (onTime + late); null when no hand-in has a recorded time. */
  timeliness: number | null;
  /** Keys of its items that are not green, worst first. */
  notGreen: string[];
}

const LIGHT_ORDER: Readonly<Record<Light, number>> = { red: 0, yellow: 1, grey: 2, green: 3 };

/**
 * The scorecard of every unit that leads at least one item, units with red items first, then
 * yellow, then by the share handed in (lowest first) and name.
 */
export function scorecard(snapshot: EvaluationSnapshot): ScorecardRow[] {
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  const rows = new Map<string, ScorecardRow & { notGreenLights: Light[] }>();
  const rowOf = (unitId: string) => {
    let row = rows.get(unitId);
    if (!row) {
      const unit = units.get(unitId);
      row = {
        unitId,
        unitName: unit?.shortName ?? unitId,
        unitFullName: unit?.name ?? unitId,
        indicators: 0,
        others: 0,
        byLight: { green: 0, yellow: 0, red: 0, grey: 0 },
        owed: 0,
        handedIn: 0,
        onTime: 0,
        late: 0,
        timeUnknown: 0,
        missing: 0,
        completeness: null,
        timeliness: null,
        notGreen: [],
        notGreenLights: [],
      };
      rows.set(unitId, row);
    }
    return row;
  };
  for (const item of snapshot.items) {
    if (!item.leadUnitId) continue;
    const row = rowOf(item.leadUnitId);
    if (item.kind === 'indicator') row.indicators++;
    else row.others++;
    const light = itemLight(snapshot, item);
    row.byLight[light]++;
    if (light !== 'green') {
      row.notGreen.push(item.key);
      row.notGreenLights.push(light);
    }
  }
  for (const o of snapshot.reporting.obligations) count(rowOf(o.unitId), o);
  const out: ScorecardRow[] = [];
  for (const { notGreenLights, ...row } of rows.values()) {
    row.completeness = row.owed > 0 ? row.handedIn / row.owed : null;
    row.timeliness = row.onTime + row.late > 0 ? row.onTime / (row.onTime + row.late) : null;
    row.notGreen = row.notGreen
      .map((key, i) => ({ key, light: notGreenLights[i]! }))
      .sort((a, b) => LIGHT_ORDER[a.light] - LIGHT_ORDER[b.light])
      .map((x) => x.key);
    out.push(row);
  }
  return out.sort(
    (a, b) =>
      b.byLight.red - a.byLight.red ||
      b.byLight.yellow - a.byLight.yellow ||
      (a.completeness ?? 1) - (b.completeness ?? 1) ||
      a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
}

function count(row: ScorecardRow, o: Obligation): void {
  row.owed++;
  if (o.state === 'missing') {
    row.missing++;
    return;
  }
  row.handedIn++;
  if (o.state === 'on_time') row.onTime++;
  else if (o.state === 'late') row.late++;
  else row.timeUnknown++;
}
