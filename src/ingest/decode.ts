import { createHash } from 'node:crypto';
import { docxLines, isZip } from './decode-docx.ts';
import { htmlLines, looksLikeHtml } from './decode-html.ts';
import { decodeText, textLines } from './decode-text.ts';
import { IngestError } from './errors.ts';
import type { SourceDocument, SourceLine } from './source.ts';

/**
 * Turns the raw bytes of a plan (plain text, a saved web page or a Word .docx) into the one
 * normalised stream the parser reads. Format and encoding come from the bytes alone, never from a
 * file name. Pure and synchronous; throws IngestError for input it cannot read at all.
 */
export function decodeSource(bytes: Uint8Array): SourceDocument {
  if (bytes.length === 0) throw emptyError();
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (isZip(bytes)) return { format: 'docx', encoding: 'utf-8', sha256, lines: withText(docxLines(bytes)) };
  rejectKnownBinary(bytes);
  const { text, encoding } = decodeText(bytes);
  if (!/\S/.test(text)) throw emptyError();
  if (looksLikeHtml(text)) return { format: 'html', encoding, sha256, lines: withText(htmlLines(text)) };
  return { format: 'text', encoding, sha256, lines: textLines(text) };
}

function emptyError(): IngestError {
  return new IngestError('LANTU_INGEST_EMPTY', 'the file is empty');
}

/** A page or Word file with markup but no text at all is as empty as a file of 0 bytes. */
function withText(lines: SourceLine[]): SourceLine[] {
  if (lines.length === 0) throw new IngestError('LANTU_INGEST_EMPTY', 'the file has no text');
  return lines;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Names the two look-alikes a planner is most likely to hand in, instead of "binary data". */
function rejectKnownBinary(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new IngestError(
      'LANTU_INGEST_DOCX',
      'an old Word .doc file or a password-protected Office file: save it as .docx without a password',
    );
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    throw new IngestError(
      'LANTU_INGEST_BINARY',
      'not a text, HTML or .docx file: a PDF document (save the plan as text, a web page or .docx)',
    );
  }
}
