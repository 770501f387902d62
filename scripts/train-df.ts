/**
 * Background document frequencies for small claim sets (lib/match/df-prior.json).
 *
 * An imported claim set of a few claims is compiled into its own index, where
 * IDF says nothing (every term is in 1 of 1 units). assembleIndex blends in
 * this prior: the df of the commonest terms over the bundled datasets' claim
 * texts and titles (CheckThat! 2a Snopes claims, 2b PolitiFact claims, the
 * Snopes scrape, AVeriTeC dev), as tokenised by lib/text/tokenize.ts, so the
 * file must be regenerated when the tokenizer's terms change.
 *
 * Kept: the MAX_TERMS terms with the highest df (df >= 3). A term not listed
 * counts as rare (df 0 in the prior). Stored as one space-joined string of
 * terms and an array of dfs (~150 KB), sorted by df descending.
 *
 * Usage: npx tsx scripts/train-df.ts [--dry-run]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../lib/text/tokenize';
import { readJsonl } from '../tools/train-data';

const DATA = process.env.FACTMARK_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
const MAX_TERMS = 20_000;
const MIN_DF = 3;

function main(): void {
  const df = new Map<string, number>();
  let docs = 0;
  const add = (text: unknown): void => {
    if (typeof text !== 'string' || !text.trim()) return;
    docs++;
    for (const term of new Set(tokenize(text).map((t) => t.term)))
      df.set(term, (df.get(term) ?? 0) + 1);
  };
  const sources: [string, string[]][] = [
    ['checkthat2021-2a/claims.jsonl', ['text', 'title']],
    ['checkthat2021-2b/claims.jsonl', ['text', 'title']],
    ['snopes/claims.jsonl', ['claim', 'title']],
    ['averitec-dev/claims.jsonl', ['claim']],
  ];
  for (const [file, fields] of sources)
    for (const r of readJsonl(join(DATA, file))) for (const f of fields) add(r[f]);
  const kept = [...df]
    .filter(([t, n]) => n >= MIN_DF && !t.includes(' '))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TERMS);
  const out = {
    version: 1,
    source: 'scripts/train-df.ts over the bundled datasets claim texts and titles',
    docs,
    terms: kept.map(([t]) => t).join(' '),
    df: kept.map(([, n]) => n),
  };
  const json = `${JSON.stringify(out)}\n`;
  console.log(`${docs} units, ${df.size} terms, kept ${kept.length} (${json.length} bytes)`);
  if (!process.argv.includes('--dry-run'))
    writeFileSync(join(import.meta.dirname, '..', 'lib', 'match', 'df-prior.json'), json);
}

main();
