/**
 * The errors every versioned edit answers with, worded once: a stale version (409, nothing was
 * changed) and a duplicate (409).
 */
import { LantuError } from '../errors.ts';

/** What the record is called, in Chinese and in English (单位 · org unit). */
export interface RecordName {
  zh: string;
  en: string;
}

/** 409 LANTU_STALE_VERSION: someone changed the record since the editor loaded it. */
export function staleVersion(what: RecordName, field = 'body.version'): LantuError {
  return new LantuError(
    'LANTU_STALE_VERSION',
    `该${what.zh}已被他人修改,请刷新后重试 · the ${what.en} changed meanwhile: reload and try again`,
    field,
  );
}

/** 409 LANTU_DUPLICATE: the record would repeat one that exists. */
export function duplicate(zh: string, en: string, field: string): LantuError {
  return new LantuError('LANTU_DUPLICATE', `${zh} · ${en}`, field);
}

/** 400 LANTU_VALIDATION about one field. */
export function invalid(zh: string, en: string, field: string): LantuError {
  return new LantuError('LANTU_VALIDATION', `${zh} · ${en}`, field);
}
