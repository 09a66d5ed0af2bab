/**
 * Thresholds and options of the progress method. They are configuration with documented
 * defaults (issue 3): every report prints the values it was made with (see method.ts).
 */
import type { PathKind } from './types.ts';

/** Floors of the Open SDG progress categories (ratio of growth rates, Statistics Canada). */
export interface OpenSdgThresholds {
  /** ratio ≥ substantial → substantial progress. Default 0.95. */
  substantial: number;
  /** ratio ≥ moderate → moderate progress. Default 0.60. */
  moderate: number;
  /** ratio ≥ limited → limited progress; below it → deterioration. Default 0. */
  limited: number;
}

/** The thresholds and overrides the engine judges with. */
export interface ProgressConfig {
  /** ahead (快于预期) when c ≥ τ + aheadMargin. Default 0.05. */
  aheadMargin: number;
  /** on_track (基本符合预期) when c ≥ τ − onTrackMargin. Default 0.10. */
  onTrackMargin: number;
  /** lagging (滞后) when c ≥ τ − laggingMargin; below it off_track (严重滞后). Default 0.30. */
  laggingMargin: number;
  /** Decimals c and τ are rounded to before they are compared: 3 (0.1 percentage point), the printed precision. */
  decimals: number;
  /** Open SDG category floors. */
  openSdg: OpenSdgThresholds;
  /** Path per measure, overriding the default: key '10' (every measure of indicator 10) or '21/2' (its 2nd measure). */
  paths: Record<string, PathKind>;
  /** Relational targets: indicator code → code of the indicator it is stated against, overriding the name match. */
  relations: Record<string, string>;
}

/** The defaults of issue 3: ahead +0.05, on track −0.10, lagging −0.30; Open SDG 0.95 / 0.60 / 0. */
export const DEFAULT_CONFIG: Readonly<ProgressConfig> = Object.freeze({
  aheadMargin: 0.05,
  onTrackMargin: 0.1,
  laggingMargin: 0.3,
  decimals: 3,
  openSdg: Object.freeze({ substantial: 0.95, moderate: 0.6, limited: 0 }),
  paths: Object.freeze({}) as Record<string, PathKind>,
  relations: Object.freeze({}) as Record<string, string>,
});

/** A partial configuration, as a caller or a settings file gives it. */
export type ProgressConfigInput = Partial<Omit<ProgressConfig, 'openSdg'>> & {
  openSdg?: Partial<OpenSdgThresholds>;
};

/**
 * Fills a partial configuration with the defaults and checks it is coherent (finite numbers,
 * 0 ≤ ahead, 0 ≤ onTrack ≤ lagging, Open SDG floors descending). Throws a RangeError naming the
 * field otherwise: configuration is written by people, and a silent nonsense threshold would
 * colour every light wrong.
 */
export function resolveConfig(input: ProgressConfigInput = {}): ProgressConfig {
  const config: ProgressConfig = {
    aheadMargin: input.aheadMargin ?? DEFAULT_CONFIG.aheadMargin,
    onTrackMargin: input.onTrackMargin ?? DEFAULT_CONFIG.onTrackMargin,
    laggingMargin: input.laggingMargin ?? DEFAULT_CONFIG.laggingMargin,
    decimals: input.decimals ?? DEFAULT_CONFIG.decimals,
    openSdg: { ...DEFAULT_CONFIG.openSdg, ...input.openSdg },
    paths: { ...input.paths },
    relations: { ...input.relations },
  };
  const check = (ok: boolean, field: string, value: unknown): void => {
    if (!ok) throw new RangeError(`progress configuration: ${field} = ${String(value)} is not allowed`);
  };
  const finite = (x: number): boolean => Number.isFinite(x);
  check(finite(config.aheadMargin) && config.aheadMargin >= 0, 'aheadMargin', config.aheadMargin);
  check(finite(config.onTrackMargin) && config.onTrackMargin >= 0, 'onTrackMargin', config.onTrackMargin);
  check(
    finite(config.laggingMargin) && config.laggingMargin >= config.onTrackMargin,
    'laggingMargin',
    config.laggingMargin,
  );
  check(
    Number.isInteger(config.decimals) && config.decimals >= 0 && config.decimals <= 12,
    'decimals',
    config.decimals,
  );
  const { substantial, moderate, limited } = config.openSdg;
  check(finite(substantial), 'openSdg.substantial', substantial);
  check(finite(moderate) && moderate <= substantial, 'openSdg.moderate', moderate);
  check(finite(limited) && limited <= moderate, 'openSdg.limited', limited);
  for (const [key, path] of Object.entries(config.paths)) {
    check(path === 'linear' || path === 'geometric', `paths['${key}']`, path);
  }
  return config;
}
