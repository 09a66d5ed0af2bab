/** The translator's plural forms: English takes a key's `.one` form for a count of 1; Chinese has one form. */
import { describe, expect, it } from 'vitest';
import { type Dictionary, translator } from '../../web/src/shared/i18n.ts';
import { dictionary } from '../../web/src/staff/i18n/dictionary.ts';

const words: Dictionary = {
  'rev.count': { 'zh-CN': '{n} 条', en: '{n} values' },
  'rev.count.one': { 'zh-CN': '{n} 条', en: '{n} value' },
  days: { 'zh-CN': '{n} 天', en: '{n} days' },
};

describe('translator plurals', () => {
  it('picks the singular in English for 1 and the plain key otherwise', () => {
    const en = translator(words, 'en');
    expect(en('rev.count', { n: 1 })).toBe('1 value');
    expect(en('rev.count', { n: 0 })).toBe('0 values');
    expect(en('rev.count', { n: 2 })).toBe('2 values');
    // No singular given: the key as it is.
    expect(en('days', { n: 1 })).toBe('1 days');
    // A count given as text is not a count.
    expect(en('rev.count', { n: '1' })).toBe('1 values');
  });

  it('uses the one Chinese form for every count', () => {
    const zh = translator(words, 'zh-CN');
    expect(zh('rev.count', { n: 1 })).toBe('1 条');
    expect(zh('rev.count', { n: 5 })).toBe('5 条');
  });

  it('has a singular for the counts of the review, indicator and overview pages', () => {
    const en = translator(dictionary, 'en');
    expect(en('rev.count', { n: 1 })).toBe('1 value');
    expect(en('ind.count', { n: 1 })).toBe('1 indicator');
    expect(en('overview.indicatorCount', { n: 1 })).toBe('1 indicator');
    expect(en('overview.myOwedCount', { n: 1 })).toBe('1 item');
    expect(en('overview.itemCount', { n: 1, m: 0 })).toMatch(/^1 item, 0 with/);
    expect(en('overview.itemCountMine', { n: 1, m: 1 })).toMatch(/^1 item your unit leads/);
    expect(en('overview.itemCount', { n: 2, m: 1 })).toMatch(/^2 items, 1 with/);
  });
});
