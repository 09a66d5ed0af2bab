import type { Dictionary } from '../../../shared/i18n.ts';

/** Plan text (规划文本) and the notification bell. */
export const planTextMessages = {
  'planText.title': { 'zh-CN': '规划文本', en: 'Plan text' },
  'planText.subtitle': {
    'zh-CN': '按章节浏览规划正文；指标名称与量化承诺已标出，导入时发现的问题列在对应小节旁',
    en: 'Read the plan by chapter and section; indicator names and quantified commitments are marked, and the findings of the import stand beside their section',
  },
  'planText.outline': { 'zh-CN': '目录', en: 'Outline' },
  'planText.chapter': { 'zh-CN': '第{n}章 {title}', en: 'Chapter {n} {title}' },
  'planText.section': { 'zh-CN': '第{n}节 {title}', en: 'Section {n} {title}' },
  'planText.missingHeading': { 'zh-CN': '标题缺失(推断)', en: 'Heading missing (inferred)' },
  'planText.findings': { 'zh-CN': '导入发现（{n}）', en: 'Import findings ({n})' },
  'planText.noFindings': { 'zh-CN': '导入时未发现问题', en: 'The import found nothing to report' },
  'planText.line': { 'zh-CN': '第{n}行', en: 'line {n}' },
  'planText.lines': { 'zh-CN': '第{from}–{to}行', en: 'lines {from}–{to}' },
  'planText.tasks': { 'zh-CN': '任务', en: 'Tasks' },
  'planText.paragraphs': { 'zh-CN': '段落', en: 'Paragraphs' },
  'planText.achievements': { 'zh-CN': '成效回顾', en: 'Achievements' },
  'planText.intro': { 'zh-CN': '导语', en: 'Introduction' },
  'planText.noText': { 'zh-CN': '本节没有正文', en: 'This part has no text' },
  'planText.choose': { 'zh-CN': '在左侧目录中选择章节', en: 'Choose a chapter or section in the outline' },
  'planText.severity.info': { 'zh-CN': '提示', en: 'Info' },
  'planText.severity.warning': { 'zh-CN': '警告', en: 'Warning' },
  'planText.severity.error': { 'zh-CN': '错误', en: 'Error' },
  'planText.legend': {
    'zh-CN': '黄色：指标名称；蓝色：量化承诺（可点击的关联到指标）',
    en: 'Yellow: indicator names; blue: quantified commitments (linked ones open their indicator)',
  },
  'notify.title': { 'zh-CN': '提醒', en: 'Reminders' },
  'notify.open': { 'zh-CN': '未读提醒：{n}', en: 'Unread reminders: {n}' },
  'notify.none': { 'zh-CN': '没有未读提醒', en: 'No unread reminders' },
  'notify.markRead': { 'zh-CN': '标为已读', en: 'Mark read' },
} satisfies Dictionary;
