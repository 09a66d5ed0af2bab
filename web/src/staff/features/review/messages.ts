import type { Dictionary } from '../../../shared/i18n.ts';

/** Review (审核). */
export const reviewMessages = {
  'rev.title': { 'zh-CN': '审核', en: 'Review' },
  'rev.hintReviewer': {
    'zh-CN': '本单位填报员已提交的数据：核对后审核通过，报规划管理员审定；有误的退回并说明理由。',
    en: 'Values your unit’s reporters submitted: pass them on to the planner, or return them with a reason.',
  },
  'rev.hintPlanner': {
    'zh-CN': '各单位已审核的数据：审定后计入评估并向社会公开；有误的退回并说明理由。',
    en: 'Values the units have reviewed: approve them (they then count in assessments and go public), or return them with a reason.',
  },
  'rev.queueReviewed': { 'zh-CN': '待审定', en: 'To approve' },
  'rev.queueSubmitted': { 'zh-CN': '各单位待审核', en: 'Awaiting unit review' },
  'rev.empty': { 'zh-CN': '没有待处理的数据', en: 'Nothing waiting' },
  'rev.item': { 'zh-CN': '事项', en: 'Item' },
  'rev.year': { 'zh-CN': '年度', en: 'Year' },
  'rev.value': { 'zh-CN': '填报值', en: 'Value' },
  'rev.lastYear': { 'zh-CN': '上年审定值', en: 'Last year' },
  'rev.unit': { 'zh-CN': '填报单位', en: 'Unit' },
  'rev.state': { 'zh-CN': '状态', en: 'State' },
  'rev.updated': { 'zh-CN': '提交时间', en: 'Submitted' },
  'rev.actions': { 'zh-CN': '操作', en: 'Actions' },
  'rev.pass': { 'zh-CN': '审核通过', en: 'Pass' },
  'rev.approve': { 'zh-CN': '审定', en: 'Approve' },
  'rev.return': { 'zh-CN': '退回', en: 'Return' },
  'rev.passed': { 'zh-CN': '已审核通过，报规划管理员审定', en: 'Passed on to the planner' },
  'rev.approvedMsg': { 'zh-CN': '已审定，数据已计入评估', en: 'Approved: the value now counts' },
  'rev.returnedMsg': { 'zh-CN': '已退回填报单位', en: 'Returned to the reporter' },
  'rev.returnTitle': { 'zh-CN': '退回：{item}', en: 'Return: {item}' },
  'rev.comment': { 'zh-CN': '退回理由（填报员可见）', en: 'Why (the reporter sees this)' },
  'rev.commentRequired': { 'zh-CN': '请说明退回理由', en: 'Say why it is returned' },
  'rev.commentPlaceholder': {
    'zh-CN': '例如：与统计年鉴口径不一致，请核对后重报',
    en: 'E.g. the figure does not match the yearbook definition: check and resubmit',
  },
  'rev.change': { 'zh-CN': '{change}', en: '{change}' },
  'rev.evidence': { 'zh-CN': '佐证：{text}', en: 'Evidence: {text}' },
  'rev.note': { 'zh-CN': '说明：{text}', en: 'Note: {text}' },
  'rev.count': { 'zh-CN': '{n} 条', en: '{n} values' },
} satisfies Dictionary;
