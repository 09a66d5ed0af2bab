/** The chart colours, shared by the lazily loaded renderer and the HTML legend painted first. */
import type { ChartLine, ChartModel } from '../chartModel.ts';

export const CHART_COLORS = {
  actual: '#1f5fae',
  path: '#5f6b7a',
  projection: '#1f5fae',
  target: '#a14a00',
  areas: ['#1f5fae', '#0f766e', '#7a3db8', '#a14a00'],
} as const;

/** The colour of each line of a model, in order. */
export function lineColors(model: ChartModel): string[] {
  let area = 0;
  return model.lines.map((line: ChartLine) => {
    if (line.style === 'area') return CHART_COLORS.areas[area++ % CHART_COLORS.areas.length]!;
    if (line.style === 'annualTarget') return CHART_COLORS.target;
    return CHART_COLORS[line.style];
  });
}

/** How a line is drawn: solid values, dotted paths and targets, dashed projections. */
export function lineDash(style: ChartLine['style']): 'solid' | 'dotted' | 'dashed' {
  if (style === 'projection') return 'dashed';
  return style === 'actual' || style === 'area' ? 'solid' : 'dotted';
}
