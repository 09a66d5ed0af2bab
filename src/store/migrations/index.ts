/** Every migration, by name; names sort in the order they run. Never edit one that has shipped. */
import type { Migration } from 'kysely';
import * as initial from './2026_11_26_0001_initial.ts';
import * as planning from './2026_11_26_0003_planning.ts';
import * as reminders from './2026_11_26_0004_reminders.ts';
import * as evaluations from './2026_11_26_0005_evaluations.ts';

export const migrations: Record<string, Migration> = {
  '2026_11_26_0001_initial': initial,
  '2026_11_26_0003_planning': planning,
  '2026_11_26_0004_reminders': reminders,
  '2026_11_26_0005_evaluations': evaluations,
};
