/**
 * Talking to the lantu API from the browser: JSON in and out, the session cookie sent by the
 * browser, the CSRF token added to every state-changing request, and errors as ApiError with the
 * server's code (branch on `code`, never on the message).
 */
let csrfToken: string | null = null;

/** Remembers the CSRF token from the login reply or /api/auth/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** One bad row of a refused bulk request (400) or one stale row (409): 0-based index, field, message. */
export interface ApiRowError {
  index: number;
  field: string;
  message: string;
}

/**
 * An error reply of the API: its status, code and one-line message (and the field, for 400; every
 * bad or stale row, for a refused bulk request).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly rows?: readonly ApiRowError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Sends a request; resolves with the parsed reply, or rejects with ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'LANTU_NETWORK', '无法连接服务器 · cannot reach the server');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; field?: string; rows?: ApiRowError[] };
    throw new ApiError(
      response.status,
      e.code ?? 'LANTU_HTTP',
      e.message ?? response.statusText,
      e.field,
      Array.isArray(e.rows) ? e.rows : undefined,
    );
  }
  return data as T;
}
