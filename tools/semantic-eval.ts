/**
 * What the semantic channel adds in query mode, for `npm run eval`: the lexical ranker's top
 * RERANK_POOL per query re-ordered by lib/semantic/rerank.ts, on dev with the shipped weights
 * (fitted on train splits only) and by grouped cross-validation over train + dev with the
 * re-ranker refitted on the other folds (folds: 2b by transcript, 2a by tweet, in 5 groups;
 * dev is a 6th). The lexical ranker's own weights were trained on the train splits, so its
 * train-fold figures are in-sample for both columns alike: the difference is the channel's.
 */
import { createHash } from 'node:crypto';
import { rerankFeatures, RERANK_FEATURES } from '../lib/semantic/rerank';
import type { MatchableClaim, Query, RankedClaim } from '../lib/types';
import { listCosines, rerankLists, RERANK_POOL } from './query-rerank';
import { fitLogistic, logit, rankFigures } from './semantic-fit';

export interface QueryRun {
  query: Query;
  /** The transcript (2b) or tweet (2a) its fold is drawn by. */
  group: string;
  dev: boolean;
  ranked: RankedClaim[];
  rel: ReadonlySet<string>;
}

const FOLDS = 5;
const foldOf = (group: string): number =>
  parseInt(createHash('sha1').update(group).digest('hex').slice(0, 8), 16) % FOLDS;

/** MAP@5 (rankFigures) of these queries' lists, `lists[i]` ranking `runs[i]`'s claims. */
function map5(
  runs: readonly QueryRun[],
  lists: readonly (readonly string[])[],
  only?: boolean,
): number {
  const picked = runs
    .map((r, i) => ({ ranked: lists[i] ?? [], rel: r.rel, dev: r.dev }))
    .filter((x) => only === undefined || x.dev === only);
  return Math.round(rankFigures(picked).map5 * 10000) / 10000;
}

export async function semanticQueryFigures(
  claims: readonly MatchableClaim[],
  runs: readonly QueryRun[],
  log: (s: string) => void,
): Promise<Record<string, number>> {
  const lists = runs.map((r) => r.ranked);
  const queries = runs.map((r) => r.query);
  const shipped = await rerankLists(claims, queries, lists, { log });
  const cos = await listCosines(claims, queries, lists);
  const fold = runs.map((r) => (r.dev ? FOLDS : foldOf(r.group)));
  const feats = runs.map((r, i) =>
    rerankFeatures(
      r.ranked.slice(0, RERANK_POOL).map((c) => c.score),
      cos[i] ?? [],
    ),
  );
  const cvLists: string[][] = runs.map(() => []);
  for (let f = 0; f <= FOLDS; f++) {
    const X: number[][] = [];
    const y: number[] = [];
    runs.forEach((r, i) => {
      if (fold[i] === f) return;
      (feats[i] ?? []).forEach((x, k) => {
        X.push(x);
        y.push(r.rel.has(r.ranked[k]?.claim ?? '') ? 1 : 0);
      });
    });
    const m = fitLogistic(X, y);
    runs.forEach((r, i) => {
      if (fold[i] !== f) return;
      const z = (feats[i] ?? []).map((x) => logit(m, x));
      const order = z.map((_, k) => k).sort((a, b) => (z[b] ?? 0) - (z[a] ?? 0));
      cvLists[i] = order.map((k) => r.ranked[k]?.claim ?? '');
    });
  }
  const lexLists = runs.map((r) => r.ranked.map((c) => c.claim));
  const shipLists = shipped.map((l) => l.map((c) => c.claim));
  return {
    queries: runs.length,
    features: RERANK_FEATURES.length,
    cvLexical: map5(runs, lexLists),
    cvSemantic: map5(runs, cvLists),
    devLexical: map5(runs, lexLists, true),
    devSemanticShipped: map5(runs, shipLists, true),
    devSemanticCv: map5(runs, cvLists, true),
  };
}
