/**
 * What a command may touch of the outside world. Commands take it as a parameter so tests can run
 * them in-process with captured output and files of their own.
 */
import { readFile } from 'node:fs/promises';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  /** Whether stdout is a terminal (colours and progress bars only then). */
  isTty: boolean;
}

/** The real process: standard streams and the file system. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path),
  isTty: Boolean(process.stdout.isTTY),
};

/** Turns a file-system error into the one line a user should see. */
export function describeFileError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a directory, not a file`;
  if (code === 'EACCES') return `${path}: permission denied`;
  return `${path}: cannot be read (${code ?? (error as Error)?.message ?? 'unknown error'})`;
}
