/**
 * npx tsx scripts/extract-datasets.ts — writes data/claims/politifact.jsonl and
 * data/claims/snopes.jsonl (committed source files) from the datasets in ../shared/data.
 *
 * Only fact checks with a verdict that maps honestly (lib/claims/ratings.ts) and a fact-check
 * URL from the data itself; PolitiFact from checkthat2021-2b, Snopes from the snopes scrape
 * completed by checkthat2021-2a (never 2a rows whose URL was only derived from the id).
 * Deduplicated by id and URL, sorted by id, one record per line with a fixed key order, so a
 * re-run on the same data gives the same bytes (lib/claims/extract-datasets.ts; a unit test
 * checks the committed files against it). Prints counts and why rows were left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractDatasets, type ExtractedFile } from '../lib/claims/extract-datasets';
import type { Skipped } from '../lib/claims/skipped';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, '..', 'shared', 'data');
const OUT = join(ROOT, 'data', 'claims');

function summarise(skipped: readonly Skipped[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skipped) {
    // Group by the reason's wording without the values in it.
    const key = s.reason.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N');
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

function write(name: string, file: ExtractedFile): void {
  const path = join(OUT, name);
  writeFileSync(path, file.text);
  console.log(`wrote ${relative(ROOT, path)}: ${file.records.length} records`);
}

function main(): void {
  const read = (rel: string) => readFileSync(join(DATA, rel), 'utf8');
  const { politifact, snopes } = extractDatasets({
    politifact: read('checkthat2021-2b/claims.jsonl'),
    snopes: read('snopes/claims.jsonl'),
    checkthat2a: read('checkthat2021-2a/claims.jsonl'),
  });
  write('politifact.jsonl', politifact);
  write('snopes.jsonl', snopes);
  const report = (f: ExtractedFile) => ({
    rows: f.rows,
    kept: f.records.length,
    skipped: summarise(f.skipped),
  });
  console.log(JSON.stringify({ politifact: report(politifact), snopes: report(snopes) }, null, 2));
}

main();
