/**
 * The workspace's language: zh-CN first, English on request. Gives every component the translation
 * function and the number and date formatters of the chosen locale, and switches Ant Design's and
 * dayjs's locale with it, so labels, numbers, dates and the date pickers all change together.
 */
import 'dayjs/locale/zh-cn';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import {
  formatDate,
  formatPercent,
  initialLocale,
  type Locale,
  rememberLocale,
  translator,
} from '../../shared/i18n.ts';
import { dictionary } from './dictionary.ts';
import { formatDateTime, formatValue } from './format.ts';

/** What components get from useLocale(). */
export interface LocaleValue {
  /** The language shown. */
  locale: Locale;
  /** Switches the language (remembered in the browser). */
  setLocale: (locale: Locale) => void;
  /** Translates a key of the dictionary, filling {name} placeholders. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** A plan value in the locale (2,218.6; 0.0043). */
  num: (value: number | null | undefined) => string;
  /** A share as a percentage (0.613 → 61.3%). */
  pct: (value: number | null | undefined) => string;
  /** A date (2026年11月26日 / Nov 26, 2026). */
  date: (value: string | null | undefined) => string;
  /** A date and time, China Standard Time. */
  dateTime: (value: string | null | undefined) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

/** The chosen language, its translator and formatters. */
export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside LocaleProvider');
  return value;
}

function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = dictionary['app.name']?.[locale] ?? document.title;
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

/** Props of LocaleProvider. */
export interface LocaleProviderProps {
  /** The app. */
  children: ReactNode;
}

/** Provides the language to the app and Ant Design's matching locale and theme. */
export function LocaleProvider({ children }: LocaleProviderProps): ReactNode {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = initialLocale();
    applyDocumentLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    applyDocumentLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      setLocale,
      t: translator(dictionary, locale),
      num: (v) => formatValue(v, locale),
      pct: (v) => formatPercent(v, locale),
      date: (v) => formatDate(v, locale),
      dateTime: (v) => formatDateTime(v, locale),
    }),
    [locale, setLocale],
  );
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'en' ? enUS : zhCN}
        theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6 } }}
        button={{ autoInsertSpace: false }}
      >
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
