import type { Dictionary } from '../../../shared/i18n.ts';

/** The overview (总览). */
export const overviewMessages = {
  'overview.title': { 'zh-CN': '总览', en: 'Overview' },
  'overview.subtitle': {
    'zh-CN': '评估年度 {year} · 规划期 {start}–{end}年',
    en: 'Assessed year {year} · plan period {start}–{end}',
  },
  'overview.coverage': {
    'zh-CN': '（{total} 项有数据的指标中 {n} 项已有{year}年数据，其余按各自最近一年的数据评估）',
    en: ' ({n} of the {total} measures with data have a {year} value; the others are judged by their latest year)',
  },
  'overview.indicatorLights': { 'zh-CN': '主要指标亮灯', en: 'Headline indicators by light' },
  'overview.indicatorCount': { 'zh-CN': '共 {n} 项指标', en: '{n} indicators' },
  'overview.indicatorCount.one': { 'zh-CN': '共 {n} 项指标', en: '{n} indicator' },
  'overview.itemLights': { 'zh-CN': '任务、项目与承诺亮灯', en: 'Tasks, projects and commitments by light' },
  'overview.itemCount': {
    'zh-CN': '共 {n} 项，{m} 项已报进度；未报进度的为灰灯（暂无数据），错过已登记时间节点的为红灯',
    en: '{n} items, {m} with reported progress; those without are grey (no data), or red when a recorded milestone was missed',
  },
  'overview.itemCount.one': {
    'zh-CN': '共 {n} 项，{m} 项已报进度；未报进度的为灰灯（暂无数据），错过已登记时间节点的为红灯',
    en: '{n} item, {m} with reported progress; without it, it is grey (no data), or red when a recorded milestone was missed',
  },
  'overview.itemCountMine': {
    'zh-CN': '本单位牵头 {n} 项，{m} 项已报进度；未报进度的为灰灯（暂无数据），错过已登记时间节点的为红灯',
    en: '{n} items your unit leads, {m} with reported progress; those without are grey (no data), or red when a recorded milestone was missed',
  },
  'overview.itemCountMine.one': {
    'zh-CN': '本单位牵头 {n} 项，{m} 项已报进度；未报进度的为灰灯（暂无数据），错过已登记时间节点的为红灯',
    en: '{n} item your unit leads, {m} with reported progress; without it, it is grey (no data), or red when a recorded milestone was missed',
  },
  'overview.kind': { 'zh-CN': '类别', en: 'Kind' },
  'overview.group.task': { 'zh-CN': '任务', en: 'Tasks' },
  'overview.group.project': { 'zh-CN': '项目与行动', en: 'Projects and actions' },
  'overview.group.commitment': { 'zh-CN': '承诺事项', en: 'Commitments' },
  'overview.groupTotal': { 'zh-CN': '共 {n} 项', en: '{n} in all' },
  'overview.round': { 'zh-CN': '当前填报轮次', en: 'Open reporting round' },
  'overview.noRound': { 'zh-CN': '目前没有开放的填报轮次', en: 'No reporting round is open' },
  'overview.deadline': { 'zh-CN': '截止日期', en: 'Deadline' },
  'overview.byCategory': { 'zh-CN': '各领域指标状态', en: 'Indicator status by area' },
  'overview.byCategoryAria': {
    'zh-CN': '按领域堆叠的指标亮灯数量条形图',
    en: 'Stacked bar chart of indicator lights by area',
  },
  'overview.attention': { 'zh-CN': '需关注的指标', en: 'Indicators needing attention' },
  'overview.attentionHint': {
    'zh-CN': '约束性指标未亮绿灯的列入督办，排在最前',
    en: 'Binding indicators that are not green are escalated and listed first',
  },
  'overview.escalated': { 'zh-CN': '督办', en: 'Escalated' },
  'overview.allGreen': { 'zh-CN': '所有指标均为绿灯', en: 'Every indicator is green' },
  'overview.byLeadUnit': { 'zh-CN': '按牵头单位汇总', en: 'By lead unit' },
  'overview.unit': { 'zh-CN': '牵头单位', en: 'Lead unit' },
  'overview.total': { 'zh-CN': '指标数', en: 'Indicators' },
  'overview.notGreen': { 'zh-CN': '未亮绿灯', en: 'Not green' },
  'overview.myOwed': { 'zh-CN': '本单位待填报', en: 'My unit still owes' },
  'overview.myOwedCount': { 'zh-CN': '{n} 项', en: '{n} items' },
  'overview.myOwedCount.one': { 'zh-CN': '{n} 项', en: '{n} item' },
  'overview.myOwedNone': { 'zh-CN': '本单位已全部报送', en: 'My unit has handed everything in' },
  'overview.goReport': { 'zh-CN': '去填报', en: 'Go to reporting' },
  'overview.overdue': { 'zh-CN': '各单位未报送情况', en: 'Outstanding reporting by unit' },
  'overview.overdueHint': {
    'zh-CN': '{year}年度，牵头事项尚未提交数值或进度',
    en: '{year}: items led with no value or progress handed in',
  },
  'overview.overdueLate': { 'zh-CN': '已逾期', en: 'Overdue' },
  'overview.overduePending': { 'zh-CN': '待报', en: 'Pending' },
  'overview.owedOf': { 'zh-CN': '{owed} / {total} 项未报', en: '{owed} of {total} outstanding' },
  'overview.nothingOwed': { 'zh-CN': '各单位均已报送', en: 'Every unit has reported' },
  'overview.seeIndicators': { 'zh-CN': '查看全部指标', en: 'All indicators' },
} satisfies Dictionary;
