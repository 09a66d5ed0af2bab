/**
 * Builds the browser app with Vite's JS API (the project's vite.config.ts) into a temporary folder,
 * so tests never race each other or a developer's web/dist, and returns what Rollup/Rolldown wrote.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** One file of the build, as the bundler describes it. */
export interface BuiltFile {
  type: 'chunk' | 'asset';
  fileName: string;
  /** Chunks only: static imports (loaded before the importer runs). */
  imports?: string[];
  /** Chunks only: dynamic imports (loaded when import() runs). */
  dynamicImports?: string[];
  /** Chunks only: the source modules bundled into the chunk. */
  moduleIds?: string[];
}

export interface WebBuild {
  outDir: string;
  files: Map<string, BuiltFile>;
  remove: () => void;
}

export async function buildWeb(): Promise<WebBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'lantu-web-'));
  // Vitest sets NODE_ENV=test, which would bundle React's development build: build as `vite build` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const outputs = (Array.isArray(result) ? result : [result]) as { output?: BuiltFile[] }[];
  const files = new Map<string, BuiltFile>();
  for (const bundle of outputs) for (const file of bundle.output ?? []) files.set(file.fileName, file);
  if (files.size === 0) throw new Error('vite build wrote nothing');
  return { outDir, files, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
