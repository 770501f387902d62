/**
 * Writes the sample feeds of tests/fixtures/feeds/ from real fact checks: AVeriTeC dev claims
 * (../shared/data/averitec-dev, CC BY-NC 4.0, converted by the project's own converter) and
 * one bundled PolitiFact check. Run `npx tsx scripts/feed-fixtures.ts`; the output is
 * deterministic. tests/fixtures/feeds/README.md says which claim is which.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readJsonLines } from '../lib/claims/read-json-lines';
import { convertAveritec } from '../lib/claims/convert-averitec';
import { toClaimReview, toFactCheckApiClaim } from '../lib/feeds/to-claimreview';
import type { ClaimRecord } from '../lib/types';

const OUT = 'tests/fixtures/feeds';
const AVERITEC = '../shared/data/averitec-dev/claims.jsonl';

function averitec(): Map<string, ClaimRecord> {
  const { lines } = readJsonLines(readFileSync(AVERITEC, 'utf8'), AVERITEC);
  const { records } = convertAveritec(lines, AVERITEC);
  return new Map(records.map((r) => [r.id, r]));
}

function pick(all: Map<string, ClaimRecord>, ids: string[]): ClaimRecord[] {
  return ids.map((id) => {
    const r = all.get(id);
    if (!r) throw new Error(`${id} is not among the converted AVeriTeC claims`);
    return r;
  });
}

function bundled(id: string): ClaimRecord {
  for (const line of readFileSync('data/claims/politifact.jsonl', 'utf8').split('\n')) {
    if (line.includes(`"id":"${id}"`)) return JSON.parse(line) as ClaimRecord;
  }
  throw new Error(`${id} is not in data/claims/politifact.jsonl`);
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const write = (name: string, body: string) => writeFileSync(`${OUT}/${name}`, body);
const CONTEXT = 'https://schema.org';

const all = averitec();
// dev-0: not in the bundled set (Sean Connery's letter); dev-270: the quote PolitiFact also
// checked (pf-03877, another publisher).
// pf-18828: a PolitiFact check the bundle has, as PolitiFact's own ClaimReview (same URL).
const pf = bundled('pf-18828');
const three = [...pick(all, ['averitec-dev-0', 'averitec-dev-270']), pf];
const [first] = three;
if (!first) throw new Error('no claims');
write('claimreview-one.json', json({ '@context': CONTEXT, ...toClaimReview(first) }));
write(
  'claimreview-array.json',
  json(three.map((r) => ({ '@context': CONTEXT, ...toClaimReview(r) }))),
);
write('claimreview-graph.json', json({ '@context': CONTEXT, '@graph': three.map(toClaimReview) }));
write(
  'datafeed.json',
  json({
    '@context': CONTEXT,
    '@type': 'DataFeed',
    dataFeedElement: three.map((r) => ({ '@type': 'DataFeedItem', item: [toClaimReview(r)] })),
  }),
);
write('factcheck-api.json', json({ claims: three.map(toFactCheckApiClaim) }));
write('feed.jsonl', three.map((r) => JSON.stringify(r)).join('\n') + '\n');

// Bad items: the same real reviews with a field taken away, so each error names its item.
const api = three.map(toFactCheckApiClaim) as { claimReview: Record<string, unknown>[] }[];
const noRating = api[1]?.claimReview[0];
if (noRating) delete noRating.textualRating;
const noUrl = api[2]?.claimReview[0];
if (noUrl) delete noUrl.url;
write('factcheck-api-bad.json', json({ claims: api }));

// The same fact check (one URL) as two datasets have it: PolitiFact's claim and rating in the
// bundle, then AVeriTeC dev-43's wording of the claim and its annotators' label. Version 1 and
// version 2 of a feed: one item, merged by its URL, whose rating changed.
const dev43 = readJsonLines(readFileSync(AVERITEC, 'utf8'), AVERITEC).lines.find(
  (l) => (l.value as { id?: string }).id === 'averitec-dev-43',
)?.value as { claim: string; verdict: string } | undefined;
if (!dev43) throw new Error('averitec-dev-43 is missing');
write('update-v1.json', json([toClaimReview(pf)]));
write(
  'update-v2.json',
  json([
    {
      ...toClaimReview(pf),
      claimReviewed: dev43.claim,
      reviewRating: { '@type': 'Rating', alternateName: dev43.verdict },
    },
  ]),
);

// Two hundred real claims: a feed bigger than a small cap (the oversized-body test).
const many = [...all.values()].slice(0, 200);
write('claimreview-200.json', json(many.map(toClaimReview)));
console.log(`wrote ${OUT}: 3 claims in 6 formats, bad items, an update, 200 claims`);
