import { unzipSync } from 'fflate';
import { BlockTree, type MarkupHandler, parseSpan, scanMarkup } from './decode-html.ts';
import { detectBom } from './decode-text.ts';
import { IngestError } from './errors.ts';
import type { SourceLine } from './source.ts';

/** The part of a .docx package that holds the body of the document. */
const DOCUMENT_PART = 'word/document.xml';

/** Largest document part lantu inflates: far above any plan, far below what would exhaust memory. */
export const MAX_DOCUMENT_PART_BYTES = 64 * 1024 * 1024;

/** Every zip entry takes at least a 46-byte central and a 30-byte local header. */
const MIN_ZIP_ENTRY_BYTES = 76;

const MAX_GRID_SPAN = 1000;

/** True when the bytes start like a zip archive (a local file header, or the end record of an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && bytes[3] === bytes[2] + 1
  );
}

/**
 * The normalised stream of a Word .docx file: one line per paragraph of the body (tabs kept as
 * \t, line breaks starting new lines) and one line with cells per table row, merged cells resolved.
 */
export function docxLines(bytes: Uint8Array): SourceLine[] {
  const reader = new DocxReader();
  scanMarkup(decodeXml(unzipDocument(bytes)), true, reader);
  return reader.tree.finish();
}

/** Inflates word/document.xml only, refusing oversized parts before inflating and damaged zips. */
function unzipDocument(bytes: Uint8Array): Uint8Array {
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (++entries * MIN_ZIP_ENTRY_BYTES > bytes.length) throw new Error('the zip directory is corrupt');
        if (file.name !== DOCUMENT_PART) return false;
        if (file.originalSize > MAX_DOCUMENT_PART_BYTES) throw tooLarge(file.originalSize);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new IngestError('LANTU_INGEST_DOCX', `the .docx file is damaged: ${reason.replace(/\s+/g, ' ')}`);
  }
  const part = files[DOCUMENT_PART];
  if (!part) {
    throw new IngestError(
      'LANTU_INGEST_DOCX',
      'a zip file that is not a Word document (no word/document.xml)',
    );
  }
  return part;
}

function tooLarge(size: number): IngestError {
  const mb = Math.round(size / (1024 * 1024));
  const limit = MAX_DOCUMENT_PART_BYTES / (1024 * 1024);
  return new IngestError(
    'LANTU_INGEST_TOO_LARGE',
    `the .docx text is ${mb} MB unpacked, more than the ${limit} MB lantu reads`,
  );
}

/** XML parts are UTF-8 unless a byte order mark says UTF-16; stray bad bytes become U+FFFD. */
function decodeXml(bytes: Uint8Array): string {
  const bom = detectBom(bytes);
  return new TextDecoder(bom?.encoding ?? 'utf-8').decode(bytes);
}

const WORD_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/** The prefix (with its colon) the root element binds to WordprocessingML; 'w:' by convention. */
function wordPrefix(attributes: Readonly<Record<string, string>>): string {
  for (const [name, value] of Object.entries(attributes)) {
    if (!WORD_NAMESPACES.includes(value)) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return 'w:';
}

/**
 * Content that is not the document's visible text: the fallback copy of a text box (a duplicate
 * of its mc:Choice), deleted and moved-away revisions.
 */
function isSkipped(name: string, local: string | null): boolean {
  return name === 'Fallback' || name.endsWith(':Fallback') || local === 'del' || local === 'moveFrom';
}

/** A non-negative count attribute, clamped; anything unreadable is 0. */
function parseCount(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_GRID_SPAN) : 0;
}

/** Reads WordprocessingML tags into a BlockTree. */
class DocxReader implements MarkupHandler {
  readonly tree = new BlockTree(false);
  private prefix: string | null = null;
  private skipDepth = 0;
  private runDepth = 0;
  /** The run depth of each enclosing paragraph: a text box's paragraphs sit inside a run of another. */
  private readonly outerRuns: number[] = [];
  private textDepth = 0;

  wantsAttributes(name: string): boolean {
    if (this.prefix === null) return true;
    const local = this.local(name);
    return local === 'gridSpan' || local === 'gridBefore' || local === 'vMerge';
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (this.prefix === null) this.prefix = wordPrefix(attributes);
    const local = this.local(name);
    if (isSkipped(name, local)) {
      this.skipDepth++;
      return;
    }
    if (this.skipDepth > 0 || local === null) return;
    if (local === 'p') this.openParagraph();
    else if (local === 'r') this.runDepth++;
    else if (local === 't') this.textDepth++;
    else if (this.runDepth > 0) this.openInRun(local);
    else this.openStructure(local, attributes);
  }

  close(name: string): void {
    const local = this.local(name);
    if (isSkipped(name, local)) {
      this.skipDepth = Math.max(0, this.skipDepth - 1);
      return;
    }
    if (this.skipDepth > 0 || local === null) return;
    if (local === 'p') this.closeParagraph();
    else if (local === 'r') this.runDepth = Math.max(0, this.runDepth - 1);
    else if (local === 't') this.textDepth = Math.max(0, this.textDepth - 1);
    else if (local === 'tc') this.tree.closeCell();
    else if (local === 'tr') this.tree.closeRow();
    else if (local === 'tbl') this.tree.closeTable();
  }

  text(data: string): void {
    if (this.skipDepth === 0 && this.textDepth > 0) this.tree.text(data.replace(/[\r\n]/g, ' '));
  }

  private local(name: string): string | null {
    const prefix = this.prefix ?? 'w:';
    if (prefix === '') return name.includes(':') ? null : name;
    return name.startsWith(prefix) ? name.slice(prefix.length) : null;
  }

  private openParagraph(): void {
    this.tree.breakLine();
    this.outerRuns.push(this.runDepth);
    this.runDepth = 0;
  }

  private closeParagraph(): void {
    this.tree.breakLine();
    this.runDepth = this.outerRuns.pop() ?? 0;
  }

  private openInRun(local: string): void {
    if (local === 'tab') this.tree.text('\t');
    else if (local === 'br' || local === 'cr') this.tree.breakLine();
    else if (local === 'noBreakHyphen') this.tree.text('-');
  }

  private openStructure(local: string, attributes: Readonly<Record<string, string>>): void {
    const val = attributes[`${this.prefix}val`];
    if (local === 'tbl') this.tree.openTable();
    else if (local === 'tr') this.tree.openRow();
    else if (local === 'tc') this.tree.openCell(1, 1);
    else if (local === 'gridSpan') this.tree.setCellSpan(parseSpan(val, MAX_GRID_SPAN));
    else if (local === 'gridBefore') this.tree.setRowSkip(parseCount(val));
    else if (local === 'vMerge' && (val === undefined || val === 'continue')) this.tree.setCellContinues();
  }
}
