/**
 * Opening a test database, retrying the one known race: Kysely's Migrator looks for its table with
 * `introspection.getTables()`, which on PostgreSQL scans every schema by name, so when a test file
 * running in parallel drops its own `lantu_test_*` schema mid-scan, the migration fails naming that
 * other schema. Any other error is thrown at once.
 */
import type { TestDatabase } from '../store/dialects.ts';

const RACE = /schema "lantu_test_[0-9a-f]+" does not exist/;

/** `open()`, tried up to three times while the failure is the schema-drop race. */
export async function openFresh(open: () => Promise<TestDatabase>): Promise<TestDatabase> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (attempt >= 3 || !RACE.test((error as Error).message)) throw error;
    }
  }
}
