import type { Dictionary } from '../../../shared/i18n.ts';

/** The sign-in page. */
export const loginMessages = {
  'login.title': { 'zh-CN': '登录', en: 'Sign in' },
  'login.subtitle': {
    'zh-CN': '国民经济和社会发展规划纲要实施监测',
    en: 'Monitoring the implementation of the five-year plan',
  },
  'login.username': { 'zh-CN': '用户名', en: 'Username' },
  'login.password': { 'zh-CN': '密码', en: 'Password' },
  'login.usernameRequired': { 'zh-CN': '请输入用户名', en: 'Enter your username' },
  'login.passwordRequired': { 'zh-CN': '请输入密码', en: 'Enter your password' },
  'login.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'login.public': { 'zh-CN': '公众可访问规划公开门户，无需登录', en: 'The public portal needs no sign-in' },
} satisfies Dictionary;
