/** Reading a plan file for a command: one clear line on stderr when it cannot be read. */
import { IngestError } from '../ingest/errors.ts';
import type { Plan } from '../model/plan.ts';
import { type CliIo, describeFileError } from './io.ts';

/** Reads and ingests `path`; on failure writes `lantu: <file>: <what is wrong>` and returns null. */
export async function readPlanFile(
  path: string,
  io: CliIo,
  ingest: (bytes: Uint8Array) => Plan,
): Promise<Plan | null> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.stderr(`lantu: ${describeFileError(path, error)}\n`);
    return null;
  }
  try {
    return ingest(bytes);
  } catch (error) {
    if (error instanceof IngestError) {
      io.stderr(`lantu: ${path}: ${error.message}\n`);
      return null;
    }
    throw error;
  }
}
