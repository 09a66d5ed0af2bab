/**
 * Marks, in one paragraph of the plan, the names of the headline indicators and the commitment
 * clauses read from the paragraph's line; a commitment that restates an indicator links to it, and
 * one a planner rejected is struck through.
 */
import type { ReactNode } from 'react';
import type { Commitment, Indicator } from '../../../../../src/model/plan.ts';
import { Link } from '../../router/router.tsx';

interface Span {
  start: number;
  end: number;
  kind: 'indicator' | 'commitment';
  code: string | null;
  rejected?: boolean;
}

/** The marks in `text` (from the plan's line `line`), earliest first, never overlapping. */
export function findSpans(
  text: string,
  line: number,
  indicators: readonly Indicator[],
  commitments: readonly Commitment[],
): Span[] {
  const found: Span[] = [];
  for (const c of commitments) {
    if (c.line !== line || !c.text) continue;
    const at = text.indexOf(c.text);
    if (at >= 0)
      found.push({
        start: at,
        end: at + c.text.length,
        kind: 'commitment',
        code: c.indicatorCode,
        rejected: c.review === 'rejected',
      });
  }
  for (const i of indicators) {
    if (i.name.length < 2) continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(i.name, from);
      if (at < 0) break;
      found.push({ start: at, end: at + i.name.length, kind: 'indicator', code: i.code });
      from = at + i.name.length;
    }
  }
  // Commitments first at the same start, then the longer mark; drop what overlaps a kept one.
  found.sort(
    (a, b) =>
      a.start - b.start ||
      (a.kind === b.kind ? 0 : a.kind === 'commitment' ? -1 : 1) ||
      b.end - b.start - (a.end - a.start),
  );
  const kept: Span[] = [];
  let end = 0;
  for (const s of found) {
    if (s.start < end) continue;
    kept.push(s);
    end = s.end;
  }
  return kept;
}

/** Props of Highlighted. */
export interface HighlightedProps {
  text: string;
  line: number;
  indicators: readonly Indicator[];
  commitments: readonly Commitment[];
}

/** The text with its indicator names and commitment clauses in <mark>. */
export function Highlighted({ text, line, indicators, commitments }: HighlightedProps): ReactNode {
  const spans = findSpans(text, line, indicators, commitments);
  const out: ReactNode[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push(text.slice(at, s.start));
    const piece = text.slice(s.start, s.end);
    const mark = (
      <mark
        key={`${s.start}-${s.kind}`}
        className={`lantu-mark-${s.kind}${s.rejected ? ' lantu-mark-rejected' : ''}`}
        style={{
          background: s.rejected ? '#f0f0f0' : s.kind === 'commitment' ? '#d6e4ff' : '#fff1b8',
          textDecoration: s.rejected ? 'line-through' : undefined,
          padding: '0 1px',
          borderRadius: 2,
        }}
      >
        {s.code && !s.rejected ? (
          <Link to={`/app/indicators/${encodeURIComponent(s.code)}`}>{piece}</Link>
        ) : (
          piece
        )}
      </mark>
    );
    out.push(mark);
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
