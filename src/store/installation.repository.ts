/** Questions about the installation as a whole. */
import type { Executor } from './database.ts';

/** Whether the database holds nothing yet (no org unit, user or plan): only then is demo data loaded. */
export async function isInstallationEmpty(db: Executor): Promise<boolean> {
  for (const table of ['org_units', 'users', 'plans'] as const) {
    const row = await db.selectFrom(table).select('id').limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}
