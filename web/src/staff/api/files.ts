/**
 * Files to and from the API outside the JSON helper: a workbook the server writes from what the
 * browser sends (saved through a Blob object URL), and an uploaded workbook whose refusal lists its
 * problems by sheet, row and column. Both send the CSRF token of the session.
 */
import { ApiError } from '../../shared/api.ts';
import type { CellError } from './types.ts';

async function send(
  method: string,
  path: string,
  body: unknown,
  csrfToken: string | null,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'LANTU_NETWORK', '无法连接服务器 · cannot reach the server');
  }
}

async function replyError(response: Response): Promise<{ error: ApiError; errors?: CellError[] }> {
  let data: { code?: string; message?: string; field?: string; errors?: CellError[] } = {};
  try {
    data = (await response.json()) as typeof data;
  } catch {
    // not JSON: the status says enough
  }
  return {
    error: new ApiError(
      response.status,
      data.code ?? 'LANTU_HTTP',
      data.message ?? response.statusText,
      data.field,
    ),
    ...(data.errors ? { errors: data.errors } : {}),
  };
}

/** Asks for a file (e.g. POST /api/exports/xlsx) and saves it under `fileName`; rejects with ApiError. */
export async function download(
  method: string,
  path: string,
  body: unknown,
  fileName: string,
  csrfToken: string | null,
): Promise<void> {
  const response = await send(method, path, body, csrfToken);
  if (!response.ok) throw (await replyError(response)).error;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The answer to an upload: what it did, or the problems of the file (nothing was changed). */
export type UploadOutcome<T> = { ok: true; reply: T } | { ok: false; errors: CellError[] };

/** The bytes of a file as base64 (without the data: prefix). */
export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const text = String(reader.result);
      resolve(text.slice(text.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** POSTs an uploaded workbook; a refusal with cell problems resolves with them, any other error rejects. */
export async function uploadWorkbook<T>(
  path: string,
  file: File,
  csrfToken: string | null,
): Promise<UploadOutcome<T>> {
  const contentBase64 = await readBase64(file);
  const response = await send('POST', path, { fileName: file.name, contentBase64 }, csrfToken);
  if (response.ok) return { ok: true, reply: (await response.json()) as T };
  const { error, errors } = await replyError(response);
  if (response.status === 400 && errors && errors.length > 0) return { ok: false, errors };
  throw error;
}
