/**
 * A first draft of an evaluation's narrative (主要成效 / 存在问题 / 下步举措), written from its
 * snapshot, for the planner to start from in the web app rather than from a blank page. Only facts
 * the data shows; judgements and causes are left for the planner, and the draft says so.
 */
import { STATUS_LABELS } from '../progress/index.ts';
import { chinesePunctuation, formatShare } from './format.ts';
import { type EvaluationSnapshot, itemLight } from './snapshot.ts';

/** The three narrative texts. */
export interface NarrativeTexts {
  achievements: string;
  problems: string;
  nextSteps: string;
}

/** Drafts the narrative of an evaluation from its snapshot. */
export function draftNarrative(snapshot: EvaluationSnapshot): NarrativeTexts {
  const { summary, year, structure } = snapshot;
  const name = (code: string) =>
    chinesePunctuation(structure.indicators.find((i) => i.code === code)?.name ?? code);
  const s = summary.indicators;
  const achieved = summary.items.filter((i) => i.status === 'achieved');
  const ahead = summary.items.filter((i) => i.status === 'ahead');
  const items = snapshot.items.filter((i) => i.kind !== 'indicator');
  const finished = items.filter((i) => i.schedule?.status === 'achieved');
  const unitOf = new Map(snapshot.units.map((u) => [u.id, u.shortName]));
  const leadOf = new Map(snapshot.items.map((i) => [i.key, i.leadUnitId]));

  const achievements = [
    `截至${year}年底，规划确定的${s.total}项主要指标中${s.byLight.green}项达到或快于序时进度。` +
      (achieved.length > 0
        ? `${achieved.map((i) => name(i.indicator)).join('、')}等${achieved.length}项指标已实现目标；`
        : '') +
      (ahead.length > 0
        ? `${ahead.map((i) => name(i.indicator)).join('、')}等${ahead.length}项指标快于序时进度。`
        : ''),
    `重大任务、重大项目和承诺事项共${items.length}项，其中${finished.length}项已全面完成。`,
    '（以上为系统根据评估数据生成的初稿，请补充典型成效和案例。）',
  ].join('\n');

  const lagging = summary.items.filter((i) => i.light === 'yellow' || i.light === 'red');
  const laggingItems = items.filter((i) => {
    const l = itemLight(snapshot, i);
    return l === 'yellow' || l === 'red';
  });
  const describe = (code: string, status: keyof typeof STATUS_LABELS) => {
    const a = snapshot.assessments.find((x) => x.indicator === code && x.status === status);
    const unit = unitOf.get(leadOf.get(`ind:${code}`) ?? '') ?? '未明确牵头单位';
    const figures = a ? `，完成度${formatShare(a.completion)}，序时进度${formatShare(a.elapsed)}` : '';
    return `${name(code)}（${STATUS_LABELS[status].zh}${figures}，牵头单位${unit}）`;
  };
  const problems = [
    lagging.length > 0
      ? `${lagging.length}项主要指标未达到序时进度：${lagging.map((i) => describe(i.indicator, i.status)).join('；')}。`
      : '主要指标均达到序时进度。',
    laggingItems.length > 0
      ? `${laggingItems.length}项任务、项目和承诺事项进度滞后，详见“滞后事项及牵头单位”。`
      : '',
    '（以上为系统根据评估数据生成的初稿，请分析滞后原因。）',
  ]
    .filter(Boolean)
    .join('\n');

  const units = [
    ...new Set(lagging.map((i) => unitOf.get(leadOf.get(`ind:${i.indicator}`) ?? '') ?? '')),
  ].filter(Boolean);
  const nextSteps = [
    lagging.length > 0
      ? `对未达到序时进度的指标，由${units.join('、')}等牵头单位分析原因、制定追赶措施，明确时间节点，纳入督办。`
      : '继续保持各项指标的推进力度。',
    '（以上为系统根据评估数据生成的初稿，请提出下一阶段的工作举措。）',
  ].join('\n');

  return { achievements, problems, nextSteps };
}
