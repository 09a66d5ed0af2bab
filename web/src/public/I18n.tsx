/**
 * The portal's locale: zh-CN first, English on request. The provider keeps the choice, remembers
 * it, and sets the page's lang attribute so assistive technology reads each language correctly.
 */
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { initialLocale, type Locale, rememberLocale, translator } from '../shared/i18n.ts';
import { messages } from './messages.ts';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  onLocaleChange: (locale: Locale) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }): ReactNode {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: translator(messages, locale),
      onLocaleChange: (next: Locale) => {
        rememberLocale(next);
        setLocale(next);
      },
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The locale, its translator and the switch. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** The lang attribute for text from the plan itself (Chinese), when the page is in another language. */
export function planLang(locale: Locale): 'zh-CN' | undefined {
  return locale === 'zh-CN' ? undefined : 'zh-CN';
}
