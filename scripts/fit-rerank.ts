/**
 * Fits the query-mode re-ranker (lib/semantic/rerank.ts) on the 2b and 2a train splits only
 * and writes lib/semantic/rerank-weights.json (`npx tsx scripts/fit-rerank.ts`). The pools
 * and features are tools/query-rerank.ts's, as `npm run match` and `npm run eval` read them;
 * the eval measures the same model refitted inside its folds.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../lib/match/matcher';
import { rerankFeatures, RERANK_FEATURES } from '../lib/semantic/rerank';
import { queryPools } from '../tools/query-rerank';
import { queryRuns } from '../tools/semantic-eval';
import { fitLogistic } from '../tools/semantic-fit';
import { loadClaims, type Task } from '../tools/train-data';

const tasks: Task[] = ['2b', '2a'];
const X: number[][] = [];
const y: number[] = [];
for (const task of tasks) {
  const claims = loadClaims(task);
  const runs = queryRuns(task, 'train', buildIndex(claims));
  const pools = await queryPools(
    claims,
    runs.map((r) => r.query),
    runs.map((r) => r.ranked),
    { log: (s) => console.error(s), neighbours: runs.map((r) => r.neighbours) },
  );
  pools.forEach((p, i) =>
    rerankFeatures(p.cands, p.bm25Max).forEach((x, k) => {
      X.push(x);
      y.push(runs[i]?.rel.has(p.ids[k] ?? '') ? 1 : 0);
    }),
  );
  console.error(`${task} train: ${runs.length} queries, ${X.length} pairs so far`);
}
const m = fitLogistic(X, y);
const r4 = (v: number): number => Math.round(v * 1e6) / 1e6;
const out = join(import.meta.dirname, '..', 'lib', 'semantic', 'rerank-weights.json');
const model = {
  trainedOn: tasks.map((t) => `${t} train`),
  features: [...RERANK_FEATURES],
  mean: m.mean.map(r4),
  std: m.std.map(r4),
  w: m.w.map(r4),
  b: r4(m.b),
};
writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
// In the repository's format, so `npm run format:check` passes on the refitted file.
execFileSync('npx', ['prettier', '--write', out], { stdio: 'ignore' });
console.log(JSON.stringify(model));
