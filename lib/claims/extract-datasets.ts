/**
 * The dataset extraction as a pure function of the files' texts, shared by
 * scripts/extract-datasets.ts (which reads and writes files) and the test that checks the
 * committed data/claims/*.jsonl are exactly what ../shared/data gives.
 */
import type { ClaimRecord } from '../types';
import { convertPolitiFact } from './convert-politifact';
import { convertSnopes } from './convert-snopes';
import { readJsonLines } from './read-json-lines';
import type { Skipped } from './skipped';

/** Source-form key order (DESIGN.md), so diffs of the committed files stay readable. */
export const SOURCE_KEY_ORDER: readonly (keyof ClaimRecord)[] = [
  'id',
  'claim',
  'phrasings',
  'claimant',
  'claimDate',
  'verdict',
  'rating',
  'note',
  'sources',
  'reviewed',
  'topics',
  'lang',
  'attribution',
];

/** One record as a JSONL line with keys in source order. */
export function formatSourceLine(r: ClaimRecord): string {
  const o: Record<string, unknown> = {};
  for (const k of SOURCE_KEY_ORDER) if (r[k] !== undefined) o[k] = r[k];
  return JSON.stringify(o);
}

export interface ExtractInput {
  /** checkthat2021-2b/claims.jsonl */
  politifact: string;
  /** snopes/claims.jsonl */
  snopes: string;
  /** checkthat2021-2a/claims.jsonl */
  checkthat2a: string;
}

export interface ExtractedFile {
  /** The file's content: sorted by id, one record per line, final newline. */
  text: string;
  records: ClaimRecord[];
  rows: number;
  skipped: Skipped[];
}

function toFile(records: ClaimRecord[], rows: number, skipped: Skipped[]): ExtractedFile {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { text: sorted.map(formatSourceLine).join('\n') + '\n', records: sorted, rows, skipped };
}

function lines(text: string, file: string) {
  const { lines: out, errors } = readJsonLines(text, file);
  if (errors.length > 0)
    throw new Error(
      `${file}: ${errors.length} unreadable line(s), first: ${errors[0]?.message ?? ''}`,
    );
  return out;
}

/** Converts the three dataset files into the two committed source files. */
export function extractDatasets(input: ExtractInput): {
  politifact: ExtractedFile;
  snopes: ExtractedFile;
} {
  const files = {
    politifact: '../shared/data/checkthat2021-2b/claims.jsonl',
    scrape: '../shared/data/snopes/claims.jsonl',
    checkthat2a: '../shared/data/checkthat2021-2a/claims.jsonl',
  };
  const pf = lines(input.politifact, files.politifact);
  const sn = lines(input.snopes, files.scrape);
  const ct2a = lines(input.checkthat2a, files.checkthat2a);
  const politifact = convertPolitiFact(pf, files.politifact);
  const snopes = convertSnopes(sn, ct2a, { scrape: files.scrape, checkthat2a: files.checkthat2a });
  return {
    politifact: toFile(politifact.records, pf.length, politifact.skipped),
    snopes: toFile(snopes.records, sn.length, snopes.skipped),
  };
}
