/**
 * The Kysely types of the reminder tables (migration 2026_11_26_0004_reminders), kept beside the
 * shared schema rather than inside it so that the reminders work could land without touching a file
 * others edit. `ReminderDB` is the shared DB with these tables and `users.email` added; the
 * reminders repository views a connection through it.
 */
import type { Generated } from 'kysely';
import type { DB } from './schema.ts';

/** An in-app reminder for a unit; `read_at` is set once anyone of the unit has read it. */
export interface NotificationsTable {
  id: string;
  unit_id: string;
  round_id: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: string;
  read_at: string | null;
}

/**
 * One reminder on one channel: the key (round, unit, day relative to the deadline, channel) is the
 * primary key, so two runs at once cannot both deliver it. `status` is pending while a run delivers
 * it, then sent, skipped (nobody to tell) or failed (retried on the next run).
 */
export interface RemindersSentTable {
  round_id: string;
  unit_id: string;
  offset_days: number;
  channel: string;
  /** When the last attempt started (ISO time). */
  sent_at: string;
  status: string;
  attempts: Generated<number>;
  /** Why the last attempt failed or was skipped. */
  error: string | null;
}

/** The tables migration 0004 adds, and the column it adds to users. */
export type ReminderTables = {
  notifications: NotificationsTable;
  reminders_sent: RemindersSentTable;
  users: { email: string | null };
};

/** The database as the reminders code sees it. */
export type ReminderDB = DB & ReminderTables;
