/**
 * Files over the API: sending a download with a name a browser keeps (Chinese included), and
 * receiving an uploaded workbook as base64, refused by size before it is decoded and by content
 * before it is parsed.
 */
import type { FastifyReply } from 'fastify';
import { MAX_UPLOAD_BASE64, MAX_UPLOAD_BYTES } from '../../contract/templates.ts';
import { readXlsx, XlsxError, type XlsxWorkbook } from '../../opendata/xlsx.ts';
import { LantuError } from '../errors.ts';

/** The media type of .xlsx workbooks. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The largest JSON body of an upload route: twice the base64 of the largest workbook, so that a file
 * somewhat over the limit still reaches decodeUpload and hears the limit in words.
 */
export const UPLOAD_BODY_LIMIT = 2 * MAX_UPLOAD_BASE64;

/**
 * Sends bytes as a download named `fileName`, with `asciiName` for browsers that only read the
 * plain filename parameter (RFC 6266: both are given).
 */
export function sendFile(
  reply: FastifyReply,
  body: Buffer | string,
  type: string,
  fileName: string,
  asciiName = fileName,
): FastifyReply {
  const ascii = asciiName.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
}

/**
 * Decodes an uploaded file's base64, refusing one over the size limit (413) before decoding it, and
 * text that is not base64 (400).
 */
export function decodeUpload(contentBase64: string): Buffer {
  if (contentBase64.length > MAX_UPLOAD_BASE64) {
    throw new LantuError(
      'LANTU_PAYLOAD_TOO_LARGE',
      `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限 · the file is larger than the limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
      'body.contentBase64',
    );
  }
  const text = contentBase64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) {
    throw new LantuError(
      'LANTU_VALIDATION',
      '文件内容不是 base64 编码 · the file content is not base64',
      'body.contentBase64',
    );
  }
  return Buffer.from(text, 'base64');
}

/** Reads an uploaded workbook within the upload limits; a bad file is 400 with the reason. */
export async function openWorkbook(bytes: Uint8Array): Promise<XlsxWorkbook> {
  try {
    return await readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxError) {
      throw new LantuError(
        error.problem === 'too_large' ? 'LANTU_PAYLOAD_TOO_LARGE' : 'LANTU_VALIDATION',
        error.message,
        'body.contentBase64',
      );
    }
    throw error;
  }
}
