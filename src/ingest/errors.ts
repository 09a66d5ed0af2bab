/**
 * The one error ingest throws: input it cannot read at all. Everything that can be read but looks
 * wrong becomes a Finding instead. `code` is stable (the CLI and API branch on it); `message` is a
 * single line naming what is wrong and where, fit to show a user as it is.
 */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export type IngestErrorCode =
  | 'LANTU_INGEST_EMPTY'
  | 'LANTU_INGEST_BINARY'
  | 'LANTU_INGEST_ENCODING'
  | 'LANTU_INGEST_DOCX'
  | 'LANTU_INGEST_TOO_LARGE'
  | 'LANTU_INGEST_NOT_A_PLAN';
