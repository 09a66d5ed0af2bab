/**
 * The coded errors of the API, the CLI and the web app. Callers branch on `code`, never on the
 * message; the message is one line fit to show a user. Not logged in is 401, logged in but not
 * allowed is 403.
 */
export const ERROR_STATUS = {
  LANTU_VALIDATION: 400,
  LANTU_UNAUTHENTICATED: 401,
  LANTU_BAD_CREDENTIALS: 401,
  LANTU_FORBIDDEN: 403,
  LANTU_CSRF: 403,
  LANTU_NOT_FOUND: 404,
  LANTU_PLAN_NOT_FOUND: 404,
  LANTU_STALE_VERSION: 409,
  LANTU_INVALID_STATE: 409,
  LANTU_DUPLICATE: 409,
  LANTU_PAYLOAD_TOO_LARGE: 413,
  LANTU_UNREADABLE_PLAN: 422,
  LANTU_RATE_LIMITED: 429,
  LANTU_INTERNAL: 500,
  LANTU_DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error the API answers with its code's status and a body {code, message, field?}. */
export class LantuError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The request field the error is about, when there is one (body.value). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'LantuError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Shorthand for a missing record. */
export function notFound(what: string): LantuError {
  return new LantuError('LANTU_NOT_FOUND', `${what} not found`);
}

/** Whether an error means the database cannot be reached (the server answers 503 and recovers). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (!e) return false;
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '08003',
      '08000',
    ].includes(e.code ?? '')
  ) {
    return true;
  }
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|database is locked|SQLITE_BUSY/i.test(
    e.message ?? '',
  );
}
