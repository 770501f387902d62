/**
 * A compiled claim set on disk (Node only): index.bin plus display-NNN.json in one directory,
 * as `npm run claims:build` writes it to public/claims/ and the extension serves it from
 * claims/. Used by the build, the scan CLI, the benches and the tests; the extension itself
 * fetches the same files (lib/matching-service.ts, given them by entrypoints/background.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadClaimSet, type ClaimSet } from '../lib/claims/claim-set';
import { INDEX_FILE } from '../lib/claims/claim-set-format';
import { serializeClaimSetIndex, type CompiledClaimSet } from '../lib/claims/compile-claim-set';

/** Every file name a build writes, and the single-file form before version 2. */
export const CLAIM_SET_FILES = /^(index\.bin|display-\d+\.json|bundled\.json)$/;

export interface WrittenFile {
  file: string;
  bytes: Buffer;
}

/**
 * Writes a compiled set into `dir`, first removing the files of an earlier build there (so
 * no stale display file is packaged). Returns what it wrote, index.bin first.
 */
export function writeClaimSetDir(dir: string, compiled: CompiledClaimSet): WrittenFile[] {
  const files: WrittenFile[] = [
    { file: INDEX_FILE, bytes: Buffer.from(serializeClaimSetIndex(compiled)) },
    ...compiled.shards.map(({ file, data }) => ({
      file,
      bytes: Buffer.from(JSON.stringify(data), 'utf8'),
    })),
  ];
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (CLAIM_SET_FILES.test(name)) rmSync(join(dir, name));
  for (const f of files) writeFileSync(join(dir, f.file), f.bytes);
  return files;
}

export function hasClaimSetDir(dir: string): boolean {
  return existsSync(join(dir, INDEX_FILE));
}

/** index.bin as bytes (loadIndex copies it only if Node's Buffer is not 8-aligned). */
export function readIndexFile(dir: string): Buffer {
  return readFileSync(join(dir, INDEX_FILE));
}

/** Opens the set in `dir`: the index now, each display file when first needed. */
export function readClaimSetDir(dir: string): ClaimSet {
  return loadClaimSet(readIndexFile(dir), (file) =>
    Promise.resolve(JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown),
  );
}
