import { IngestError } from './errors.ts';
import type { SourceLine } from './source.ts';

/** Text decoded from raw bytes, with the name of the encoding that read it. */
export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', or another WHATWG name a page's <meta charset> gave. */
  encoding: string;
}

/** A byte order mark: the encoding it announces and how many bytes it takes. */
export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

/** Largest text or HTML file lantu decodes: hundreds of times a real plan, safely inside memory. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * Most lines (and table rows) a document may have. A plan has a few thousand; this bound keeps a
 * hostile file (64 MB of line breaks) from allocating tens of millions of lines and exhausting memory.
 */
export const MAX_LINES = 4_000_000;

/** The error for a document with more than MAX_LINES lines. */
export function tooManyLines(): IngestError {
  return new IngestError(
    'LANTU_INGEST_TOO_LARGE',
    `the file has more than ${MAX_LINES.toLocaleString('en')} lines, far more than any plan`,
  );
}

/** How many bytes at the start a <meta charset> may hide in (the HTML standard prescans 1024). */
const META_PRESCAN_BYTES = 4096;

/**
 * A file that is mostly UTF-8 with a few broken sequences is damaged UTF-8, not GB18030: decoding it
 * as GB18030 would silently turn the whole plan into mojibake. These bound "mostly".
 */
const DAMAGED_UTF8_MIN_VALID = 16;
const DAMAGED_UTF8_VALID_PER_INVALID = 50;

/**
 * Decodes the bytes of a text or HTML file. The encoding comes from the bytes alone: a byte order
 * mark, else strict UTF-8, else (for a page that declares one) its <meta charset>, else strict
 * GB18030, which covers GBK and GB2312, the encodings of many government files.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_TEXT_BYTES) {
    const mb = Math.round(bytes.length / (1024 * 1024));
    throw new IngestError(
      'LANTU_INGEST_TOO_LARGE',
      `the file is ${mb} MB, more than the ${MAX_TEXT_BYTES / (1024 * 1024)} MB lantu reads`,
    );
  }
  const bom = detectBom(bytes);
  if (bom?.encoding === 'utf-16le' && bytes[2] === 0 && bytes[3] === 0) {
    throw new IngestError(
      'LANTU_INGEST_ENCODING',
      'the file is UTF-32, which lantu does not read: save it as UTF-8',
    );
  }
  if (bom && bom.encoding !== 'utf-8') return decodeUtf16(bytes, bom);
  const start = bom?.length ?? 0;
  rejectBinaryBytes(bytes, start);
  const body = bytes.subarray(start);
  const utf8 = tryDecode('utf-8', body);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (bom) {
    const at = start + scanUtf8(body).firstInvalid;
    throw new IngestError(
      'LANTU_INGEST_ENCODING',
      `the file starts with a UTF-8 byte order mark but is not valid UTF-8 at byte ${at}`,
    );
  }
  rejectDamagedUtf8(body);
  return decodeLegacy(body);
}

/**
 * The byte order mark at the start of the bytes, if any. Exported because a .docx part may also
 * carry one.
 */
export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Splits text into lines on \r\n, \r or \n, exactly as an editor numbers them: a final line break
 * does not start another line, empty lines are kept, nothing else is touched.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The normalised stream of a plain-text file: one SourceLine per line of the file. */
export function textLines(text: string): SourceLine[] {
  const last = text.charCodeAt(text.length - 1);
  const lineCount = countLineBreaks(text) + (last === 10 || last === 13 ? 0 : 1);
  if (lineCount > MAX_LINES) throw tooManyLines();
  const lines = splitLines(text);
  const out: SourceLine[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = { text: lines[i]! };
  return out;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

function decodeUtf16(bytes: Uint8Array, bom: Bom): DecodedText {
  const text = tryDecode(bom.encoding, bytes.subarray(bom.length));
  if (text === null) {
    const name = bom.encoding.toUpperCase();
    throw new IngestError(
      'LANTU_INGEST_ENCODING',
      `the file starts with a ${name} byte order mark but is not valid ${name}`,
    );
  }
  const at = findBinaryUnit(text);
  if (at >= 0) throw binaryError(bom.length + 2 * at);
  return { text, encoding: bom.encoding };
}

/** Strict decode with a WHATWG decoder: null when the bytes are not valid in that encoding. */
function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeLegacy(bytes: Uint8Array): DecodedText {
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'gb18030') {
    const text = tryDecode(declared, bytes);
    if (text !== null) return { text, encoding: declared };
  }
  const text = tryDecode('gb18030', bytes);
  if (text !== null) return { text, encoding: 'gb18030' };
  throw binaryError(Math.max(scanUtf8(bytes).firstInvalid, firstInvalidGb18030(bytes)));
}

/**
 * The WHATWG encoding a page declares in a <meta charset> or <meta http-equiv content> near its
 * start, normalised so GBK and GB2312 read as GB18030 (their superset). Null when there is none,
 * or it names UTF-8/UTF-16 (the bytes already failed those) or an encoding this Node lacks.
 */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_PRESCAN_BYTES));
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!match) return null;
  let encoding: string;
  try {
    encoding = new TextDecoder(match[1]!).encoding;
  } catch {
    return null;
  }
  if (encoding === 'gbk') return 'gb18030';
  if (encoding.startsWith('utf-') || encoding === 'replacement' || encoding === 'x-user-defined') return null;
  return encoding;
}

function rejectDamagedUtf8(bytes: Uint8Array): void {
  const scan = scanUtf8(bytes);
  if (scan.valid < DAMAGED_UTF8_MIN_VALID || scan.invalid * DAMAGED_UTF8_VALID_PER_INVALID > scan.valid)
    return;
  const places = scan.invalid === 1 ? 'place' : 'places';
  throw new IngestError(
    'LANTU_INGEST_ENCODING',
    `the file is UTF-8 but damaged: invalid bytes at byte ${scan.firstInvalid} (${scan.invalid} ${places}); save it again as UTF-8`,
  );
}

function binaryError(at: number): IngestError {
  return new IngestError('LANTU_INGEST_BINARY', `not a text, HTML or .docx file: binary data at byte ${at}`);
}

/** A C0 control character that text files do carry: \t \n \v \f \r. */
function isTextControl(code: number): boolean {
  return code === 9 || code === 10 || code === 11 || code === 12 || code === 13;
}

/**
 * Throws LANTU_INGEST_BINARY at the first NUL byte, or at the first stray control byte when more
 * than 1% of the bytes are control bytes. Valid for UTF-8 and GB18030 alike: neither uses bytes
 * below 0x20 inside a multi-byte character.
 */
function rejectBinaryBytes(bytes: Uint8Array, start: number): void {
  let controls = 0;
  let first = -1;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x20) continue;
    if (b === 0) throw binaryError(i);
    if (isTextControl(b)) continue;
    controls++;
    if (first < 0) first = i;
  }
  if (controls * 100 > bytes.length - start) throw binaryError(first);
}

/** The same test on decoded UTF-16 text: the index of the offending code unit, or -1. */
function findBinaryUnit(text: string): number {
  let controls = 0;
  let first = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20) continue;
    if (c === 0) return i;
    if (isTextControl(c)) continue;
    controls++;
    if (first < 0) first = i;
  }
  return controls * 100 > text.length ? first : -1;
}

interface Utf8Scan {
  /** Valid multi-byte sequences. */
  valid: number;
  /** Invalid sequences. */
  invalid: number;
  /** Offset of the first invalid byte, or the length when there is none. */
  firstInvalid: number;
}

/** Counts valid and invalid UTF-8 sequences (WHATWG rules: no overlongs, surrogates or > U+10FFFF). */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { valid: 0, invalid: 0, firstInvalid: bytes.length };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      scan.valid++;
      i += length;
      continue;
    }
    if (scan.invalid === 0) scan.firstInvalid = i;
    scan.invalid++;
    i++;
  }
  return scan;
}

/** The length of the valid UTF-8 sequence starting at i with a non-ASCII byte, or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0;
    if (b === 0xed) high = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90;
    if (b === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

/** Offset of the first byte a strict GB18030 decoder rejects (WHATWG rules), or the length. */
function firstInvalidGb18030(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = gb18030SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function gb18030SequenceLength(bytes: Uint8Array, i: number): number {
  const b1 = bytes[i]!;
  if (b1 <= 0x80) return 1;
  if (b1 === 0xff) return 0;
  const b2 = bytes[i + 1];
  if (b2 === undefined) return 0;
  if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) return 2;
  if (b2 < 0x30 || b2 > 0x39) return 0;
  const b3 = bytes[i + 2];
  const b4 = bytes[i + 3];
  if (b3 === undefined || b4 === undefined || b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return 0;
  const pointer = (((b1 - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
  const valid = pointer <= 39419 || (pointer >= 189000 && pointer <= 1237575);
  return valid ? 4 : 0;
}
