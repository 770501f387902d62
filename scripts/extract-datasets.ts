/**
 * npx tsx scripts/extract-datasets.ts — writes data/claims/politifact.jsonl and
 * data/claims/snopes.jsonl (committed source files) from the datasets in ../shared/data.
 *
 * Only fact checks with a verdict that maps honestly (lib/claims/ratings.ts) and a fact-check
 * URL from the data itself; PolitiFact from checkthat2021-2b, Snopes from the snopes scrape
 * completed by checkthat2021-2a (never 2a rows whose URL was only derived from the id).
 * Deduplicated by id and URL, sorted by id, one record per line with a fixed key order, so a
 * re-run on the same data gives the same bytes. Prints counts and why rows were left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertPolitiFact, convertSnopes } from '../lib/claims/convert-dataset';
import { readJsonLines } from '../lib/claims/parse-jsonl';
import type { Skipped } from '../lib/claims/skipped';
import type { ClaimRecord } from '../lib/types';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const OUT = join(ROOT, 'data', 'claims');

/** Source-form key order (DESIGN.md), so diffs of the committed files stay readable. */
const KEY_ORDER: (keyof ClaimRecord)[] = [
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

function line(r: ClaimRecord): string {
  const o: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (r[k] !== undefined) o[k] = r[k];
  return JSON.stringify(o);
}

function read(rel: string) {
  const file = `../shared/data/${rel}`;
  const { lines, errors } = readJsonLines(readFileSync(join(DATA, rel), 'utf8'), file);
  if (errors.length > 0)
    throw new Error(`${file}: ${errors.length} unreadable line(s), first: ${errors[0]?.message}`);
  return { lines, file };
}

function summarise(skipped: readonly Skipped[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped) {
    // Group by the reason's wording without the values in it.
    const key = s.reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

function write(name: string, records: ClaimRecord[]): void {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const path = join(OUT, name);
  writeFileSync(path, sorted.map(line).join('\n') + '\n');
  console.log(`wrote ${relative(ROOT, path)}: ${sorted.length} records`);
}

function main(): void {
  const pf = read('checkthat2021-2b/claims.jsonl');
  const politifact = convertPolitiFact(pf.lines, pf.file);
  const sn = read('snopes/claims.jsonl');
  const ct2a = read('checkthat2021-2a/claims.jsonl');
  const snopes = convertSnopes(sn.lines, ct2a.lines, { scrape: sn.file, checkthat2a: ct2a.file });

  write('politifact.jsonl', politifact.records);
  write('snopes.jsonl', snopes.records);
  const report = {
    politifact: {
      rows: pf.lines.length,
      kept: politifact.records.length,
      skipped: summarise(politifact.skipped),
    },
    snopes: {
      rows: sn.lines.length,
      checkthat2aRows: ct2a.lines.length,
      kept: snopes.records.length,
      skipped: summarise(snopes.skipped),
    },
  };
  console.log(JSON.stringify(report, null, 2));
}

main();
