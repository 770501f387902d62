/**
 * Node micro-bench of the matching core: a 5,000-word article against the full
 * claim set (PolitiFact claims of checkthat2021-2b + Snopes claims of
 * snopes/ + checkthat2021-2a claims, plus the six seed claims) until the
 * project's compiled set exists. Prints figures, then one JSON object.
 *
 * The article is built from real news text (the seed article and the saved
 * news pages' visible text is not needed: debate transcripts give 5,000 words
 * of real sentences deterministically).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, loadIndex, matchSentences, serializeIndex } from '../lib/match/index';
import { segmentSentences } from '../lib/text/segment';
import type { MatchableClaim } from '../lib/types';

const DATA = process.env.FACTMARK_DATA ?? join(import.meta.dirname, '..', '..', 'shared', 'data');
const SEED = join(import.meta.dirname, '..', '..', 'shared', 'seed', '000_056fa72ee288ad71.txt');

const jsonl = (f: string): Record<string, unknown>[] =>
  readFileSync(join(DATA, f), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const s = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

const claims: MatchableClaim[] = [];
for (const r of jsonl('checkthat2021-2b/claims.jsonl'))
  claims.push({
    id: String(r.id),
    text: String(r.text),
    title: s(r.title),
    claimant: s(r.claimant),
    date: s(r.date),
  });
for (const r of jsonl('snopes/claims.jsonl'))
  claims.push({
    id: `snopes-${String(r.id)}`,
    text: String(r.claim),
    title: s(r.title),
    date: s(r.date),
  });
for (const r of jsonl('checkthat2021-2a/claims.jsonl'))
  claims.push({ id: String(r.id), text: String(r.text), title: s(r.title), date: s(r.date) });

let t = performance.now();
const built = buildIndex(claims);
const buildMs = performance.now() - t;
// The binary payload (one ArrayBuffer; typed arrays are loaded as views over it).
const payload = serializeIndex(built);
t = performance.now();
const index = loadIndex(payload);
const loadMs = performance.now() - t;

// A 5,000-word article: the seed article, then transcript sentences.
let article = readFileSync(SEED, 'utf8');
const transcript = readFileSync(
  join(DATA, 'checkthat2021-2b', 'transcripts', '20170822_Trump_phoenix.tsv'),
  'utf8',
);
const lines = transcript
  .split('\n')
  .map((l) => l.split('\t')[2] ?? '')
  .filter(Boolean);
let k = 0;
while (article.split(/\s+/).length < 5000) article += `\n${lines[k++ % lines.length]}`;
const words = article.split(/\s+/).length;

const sentences = segmentSentences(article);
for (let i = 0; i < 5; i++) matchSentences(index, sentences); // warm-up (JIT)
const runs: number[] = [];
let marks = 0;
for (let i = 0; i < 20; i++) {
  t = performance.now();
  const m = matchSentences(index, sentences);
  runs.push(performance.now() - t);
  marks = m.length;
}
runs.sort((a, b) => a - b);
const median = runs[Math.floor(runs.length / 2)] ?? 0;
t = performance.now();
segmentSentences(article);
const segmentMs = performance.now() - t;

const fig = {
  claims: index.size,
  words,
  sentences: sentences.length,
  marks,
  buildMs: Math.round(buildMs),
  indexBytes: payload.byteLength,
  loadMs: Math.round(loadMs),
  segmentMs: Math.round(segmentMs * 100) / 100,
  matchMsMedian: Math.round(median * 100) / 100,
  matchMsMin: Math.round((runs[0] ?? 0) * 100) / 100,
  matchMsMax: Math.round((runs[runs.length - 1] ?? 0) * 100) / 100,
};
console.log(`claims ${fig.claims}, article ${words} words / ${sentences.length} sentences`);
console.log(
  `index: build ${fig.buildMs} ms, ${(payload.byteLength / 1e6).toFixed(1)} MB serialised, load ${fig.loadMs} ms`,
);
console.log(
  `match: median ${fig.matchMsMedian} ms (min ${fig.matchMsMin}, max ${fig.matchMsMax}), ${marks} marks`,
);
console.log(JSON.stringify(fig));
