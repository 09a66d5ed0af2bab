/**
 * The normalised stream every input format is turned into before parsing: one entry per line of
 * text, or per table row (with its cells) where the source has real tables (HTML, .docx). The
 * parser sees only this, so plain text, a saved web page and a Word file read the same way.
 * Line numbers everywhere in lantu are 1-based positions in `lines`.
 */
export interface SourceDocument {
  format: 'text' | 'html' | 'docx';
  /** The character encoding the text was decoded with (utf-8, utf-16le, gb18030; utf-8 for docx). */
  encoding: string;
  /** SHA-256 of the raw bytes, hex. */
  sha256: string;
  lines: SourceLine[];
}

export interface SourceLine {
  /** The text of the line; for a table row, its cells joined with ' | '. */
  text: string;
  /** Present when the line is a row of a real table: its cells, trimmed, in order. */
  cells?: string[];
  /** Which table of the document the row belongs to (0-based), with `cells`. */
  table?: number;
}
