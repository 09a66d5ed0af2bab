/** Identifiers: random UUIDs made by the application, so both databases store the same text. */
import { randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}
