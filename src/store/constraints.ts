/** Recognising a database's refusals, the same way on SQLite and PostgreSQL. */

/**
 * Whether an error is a unique-constraint violation: two writers raced past a check that a code,
 * a name or a number was free, and the database kept only one. Callers answer 409.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
