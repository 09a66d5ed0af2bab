/** The configuration and the printed method. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CONFIG,
  describeMethod,
  methodText,
  resolveConfig,
  STATUSES,
} from '../../src/progress/index.ts';

describe('configuration', () => {
  test('the defaults of the issue', () => {
    expect(resolveConfig()).toEqual({
      aheadMargin: 0.05,
      onTrackMargin: 0.1,
      laggingMargin: 0.3,
      decimals: 3,
      openSdg: { substantial: 0.95, moderate: 0.6, limited: 0 },
      paths: {},
      relations: {},
    });
    expect(Object.isFrozen(DEFAULT_CONFIG)).toBe(true);
  });
  test('a partial configuration keeps the other defaults', () => {
    const c = resolveConfig({ aheadMargin: 0.1, openSdg: { moderate: 0.5 }, paths: { '21/2': 'geometric' } });
    expect(c.aheadMargin).toBe(0.1);
    expect(c.onTrackMargin).toBe(0.1);
    expect(c.openSdg).toEqual({ substantial: 0.95, moderate: 0.5, limited: 0 });
    expect(c.paths).toEqual({ '21/2': 'geometric' });
  });
  test('nonsense is refused with the field named', () => {
    expect(() => resolveConfig({ aheadMargin: -0.1 })).toThrow('aheadMargin');
    expect(() => resolveConfig({ onTrackMargin: 0.4 })).toThrow('laggingMargin'); // lagging must be ≥ on track
    expect(() => resolveConfig({ decimals: 1.5 })).toThrow('decimals');
    expect(() => resolveConfig({ openSdg: { moderate: 0.99 } })).toThrow('openSdg.moderate');
    expect(() => resolveConfig({ aheadMargin: Number.NaN })).toThrow('aheadMargin');
    expect(() => resolveConfig({ paths: { '10': 'cubic' as 'linear' } })).toThrow("paths['10']");
  });
});

describe('method', () => {
  test('carries the thresholds it was made with', () => {
    const m = describeMethod(resolveConfig({ laggingMargin: 0.25 }));
    expect(m.thresholds.laggingMargin).toBe(0.25);
    expect(m.statuses.find((s) => s.status === 'lagging')).toMatchObject({
      light: 'yellow',
      zh: '滞后',
      rule: 'c ≥ τ − 0.25',
    });
    expect(m.statuses.map((s) => s.status)).toEqual([...STATUSES]);
    expect(methodText(m, 'zh-CN')).toContain('c ≥ τ − 0.25 滞后');
    expect(methodText(m, 'en')).toContain('c ≥ τ − 0.25 lagging');
  });
  test('every rule in both languages', () => {
    const m = describeMethod();
    expect(m.rules.map((r) => r.topic)).toEqual([
      'elapsed',
      'path',
      'completion',
      'growth',
      'cumulative',
      'status',
      'threshold',
      'external',
      'relational',
      'no_baseline',
      'light',
      'open_sdg',
      'projection',
      'rollup',
      'data',
    ]);
    for (const r of m.rules) {
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.en.length).toBeGreaterThan(20);
    }
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
