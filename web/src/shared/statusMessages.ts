/**
 * The words of the assessment (DESIGN.md's statuses and traffic lights), one set for the staff
 * workspace and the public portal, so both say the same thing about the same indicator.
 */
import type { Dictionary } from './i18n.ts';

export const statusMessages = {
  'status.achieved': { 'zh-CN': '已实现', en: 'Achieved' },
  'status.ahead': { 'zh-CN': '快于预期', en: 'Ahead' },
  'status.on_track': { 'zh-CN': '基本符合预期', en: 'On track' },
  'status.lagging': { 'zh-CN': '滞后', en: 'Lagging' },
  'status.off_track': { 'zh-CN': '严重滞后', en: 'Off track' },
  'status.no_data': { 'zh-CN': '暂无数据', en: 'No data' },
  'status.not_assessable': { 'zh-CN': '暂无法评估', en: 'Not assessable' },
  'light.green': { 'zh-CN': '绿灯', en: 'Green' },
  'light.yellow': { 'zh-CN': '黄灯', en: 'Yellow' },
  'light.red': { 'zh-CN': '红灯', en: 'Red' },
  'light.grey': { 'zh-CN': '灰灯', en: 'Grey' },
} satisfies Dictionary;
