/**
 * `npx tsx bench/semantic-claims.ts [--runs R]` (run by `npm run bench`): what "Find
 * restatements" costs for an imported or feed set, whose claims ship no vectors, in the
 * worker's own code (lib/semantic/engine.ts) on TF.js's WASM backend in Node, one thread.
 * The 2a dev tweets are laid out as a page and their task's claims are the import (as
 * `npm run scan -- --claims` reads a claims file); their semantic candidates are sent in
 * requests of SEMANTIC_MAX_BLOCKS paragraphs, each with its best claims' texts, as the
 * background sends them. Each request is timed three ways: its claims new to the worker (the
 * first page that comes close to them: each text embedded), the same claims again (cached),
 * and the same paragraphs by bundled rows (no claim text at all). Medians over the requests
 * of R runs, each run a fresh engine. Ends with one JSON object.
 */
import { buildIndex } from '../lib/match/matcher';
import { SEMANTIC_MAX_BLOCKS } from '../lib/match/semantic-candidates';
import { claimTextItems } from '../lib/semantic-pass';
import { embeddingText } from '../lib/semantic/claim-text';
import { SemanticEngine } from '../lib/semantic/engine';
import type { CosineItem } from '../lib/semantic/protocol';
import { tweetPageHtml } from '../tools/page-mode';
import { pageCandidates } from '../tools/semantic-page';
import { loadNodeEncoder } from '../tools/semantic-node';
import { bundledTable } from '../tools/semantic-scan';
import { loadClaims, loadQueries } from '../tools/train-data';
import { median } from '../tools/bench-pages';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args[at + 1]) : 3;
const round = (x: number) => Math.round(x * 10) / 10;

const claims = loadClaims('2a');
const index = buildIndex(claims);
const { cands } = pageCandidates(tweetPageHtml(loadQueries('2a', 'dev')), index);
const table = bundledTable();
const enc = await loadNodeEncoder();
const requests: { items: CosineItem[]; rows: CosineItem[]; claims: number }[] = [];
for (let i = 0; i < cands.length; i += SEMANTIC_MAX_BLOCKS) {
  const part = cands.slice(i, i + SEMANTIC_MAX_BLOCKS);
  const items = claimTextItems(part, (k) => embeddingText(claims[k]?.text ?? '', claims[k]?.title));
  // The same paragraphs against bundled rows (any rows: the cost does not depend on which).
  const rows = part.map((c) => ({ text: c.text, rows: c.hits.map((_, k) => k) }));
  requests.push({ items, rows, claims: new Set(items.flatMap((it) => it.claims ?? [])).size });
}
const fresh: number[] = [];
const cached: number[] = [];
const bundled: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const engine = SemanticEngine.of(enc, table);
    // Warm the backend so the first request does not pay for it.
    await engine.closeness([{ text: 'A warm-up paragraph.', rows: [0] }]);
    for (const r of requests) {
      const time = async (items: CosineItem[]) => {
        const t = performance.now();
        await engine.closeness(items);
        return performance.now() - t;
      };
      bundled.push(await time(r.rows));
      fresh.push(await time(r.items));
      cached.push(await time(r.items));
    }
    // Each run a fresh engine: the claim cache starts empty again.
  }
} finally {
  enc.dispose();
}
const out = {
  page: '2a dev tweets as one page, 2a claims as an import',
  candidates: cands.length,
  requests: requests.length,
  claimsPerRequest: median(requests.map((r) => r.claims)),
  paragraphsPerRequest: median(requests.map((r) => r.items.length)),
  runs: RUNS,
  medianRequestMs: {
    bundledRows: round(median(bundled)),
    importNewClaims: round(median(fresh)),
    importCachedClaims: round(median(cached)),
  },
  worstRequestNewClaimsMs: round(Math.max(...fresh)),
};
process.stderr.write(`${JSON.stringify(out.medianRequestMs)}\n`);
console.log(JSON.stringify(out));
