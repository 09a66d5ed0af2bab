import type { Dictionary } from '../../../shared/i18n.ts';

/** Evaluations (评估报告). */
export const evaluationMessages = {
  'eval.title': { 'zh-CN': '评估报告', en: 'Evaluations' },
  'eval.subtitle': {
    'zh-CN': '评估冻结某一年度的数据与评估结果，报告可随时原样重新生成',
    en: 'An evaluation freezes the data and assessments of a year, so its report comes out the same every time',
  },
  'eval.create': { 'zh-CN': '新建评估', en: 'New evaluation' },
  'eval.created': { 'zh-CN': '评估已生成', en: 'Evaluation made' },
  'eval.none': { 'zh-CN': '尚无评估', en: 'No evaluation yet' },
  'eval.kind': { 'zh-CN': '类型', en: 'Kind' },
  'eval.kind.midterm': { 'zh-CN': '中期评估', en: 'Midterm' },
  'eval.kind.final': { 'zh-CN': '总结评估', en: 'Final' },
  'eval.year': { 'zh-CN': '评估年度', en: 'Year assessed' },
  'eval.yearRequired': { 'zh-CN': '请填写评估年度', en: 'Give the year assessed' },
  'eval.name': { 'zh-CN': '标题', en: 'Title' },
  'eval.titlePlaceholder': { 'zh-CN': '留空则使用默认标题', en: 'Leave empty for the default title' },
  'eval.createdBy': { 'zh-CN': '生成人', en: 'Made by' },
  'eval.createdAt': { 'zh-CN': '生成时间', en: 'Made on' },
  'eval.summary': { 'zh-CN': '指标亮灯', en: 'Indicator lights' },
  'eval.sample': { 'zh-CN': '含示例数据', en: 'Contains sample data' },
  'eval.files': { 'zh-CN': '下载', en: 'Download' },
  'eval.docx': { 'zh-CN': 'Word 报告', en: 'Word report' },
  'eval.html': { 'zh-CN': '网页报告', en: 'HTML report' },
  'eval.scorecard': { 'zh-CN': '考核表', en: 'Scorecard' },
  'eval.editNarrative': { 'zh-CN': '编辑评述', en: 'Edit narrative' },
  'eval.narrativeTitle': { 'zh-CN': '评述：{title}', en: 'Narrative: {title}' },
  'eval.narrativeHint': {
    'zh-CN': '空白处已按评估数据预填草稿，可修改；留空的部分在报告中标注待补充',
    en: 'Empty sections start from a draft written from the data; a section left empty is marked as a blank in the report',
  },
  'eval.achievements': { 'zh-CN': '主要成效', en: 'Achievements' },
  'eval.problems': { 'zh-CN': '存在问题', en: 'Problems' },
  'eval.nextSteps': { 'zh-CN': '下步举措', en: 'Next steps' },
  'eval.saved': { 'zh-CN': '评述已保存', en: 'Narrative saved' },
} satisfies Dictionary;
