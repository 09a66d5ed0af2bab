/**
 * The kinds of org unit in the order pickers and forms list them. The contract's enum is not imported
 * as a value (no schema code in the browser bundle); the type check below fails if the two differ.
 */
import type { OrgUnitKind } from './types.ts';

export const ORG_UNIT_KINDS = [
  'bureau',
  'department',
  'affiliated',
  'street',
  'leadership',
  'oversight',
] as const;

// Every kind of the contract is listed, and nothing else.
type Listed = (typeof ORG_UNIT_KINDS)[number];
const _complete: [OrgUnitKind] extends [Listed] ? ([Listed] extends [OrgUnitKind] ? true : never) : never =
  true;
void _complete;
