import type { RoundReply } from './types.ts';

/** The open round to show and report for: the latest open annual round, else the latest open one. */
export function openRound(rounds: readonly RoundReply[] | undefined): RoundReply | null {
  const open = (rounds ?? []).filter((r) => r.status === 'open').sort((a, b) => b.year - a.year);
  return open.find((r) => r.period === null) ?? open[0] ?? null;
}
