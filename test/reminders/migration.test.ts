/** Migration 0004 (reminders) goes down and up again on both databases, keeping the users it found. */
import { Migrator, NO_MIGRATIONS } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/store/database.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { listSentReminders } from '../../src/store/reminders.repository.ts';
import { dialects, type TestDatabase } from '../store/dialects.ts';
import { seedReminderFixture } from './fixtures.ts';

const NAME = '2026_11_26_0004_reminders';

describe.each(dialects)('reminders migration on $name', ({ open }) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(async () => {
    await database.close();
  });

  it('goes down to the migration before it and up again', async () => {
    const fx = await seedReminderFixture(database.db);
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf(NAME) - 1];
    const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(before ?? NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.migrationName)).toContain(NAME);
    const users = await database.db.selectFrom('users').selectAll().execute();
    expect(users).toHaveLength(3);
    expect(users[0]).not.toHaveProperty('email');
    expect(await migrateToLatest(database)).toContain(NAME);
    expect(await listSentReminders(database.db, [fx.roundId])).toEqual([]);
  });
});
