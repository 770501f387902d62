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
import { fitLogistic, logit } from './semantic-fit';

export interface QueryRun {
  query: Query;
  /** The transcript (2b) or tweet (2a) its fold is drawn by. */
  group: string;
  dev: boolean;
  ranked: RankedClaim[];
  rel: ReadonlySet<string>;
}

function ap5(ranked: readonly { claim: string }[], rel: ReadonlySet<string>): number {
  let hits = 0;
  let ap = 0;
  ranked.slice(0, 5).forEach((r, k) => {
    if (rel.has(r.claim)) ap += ++hits / (k + 1);
  });
  return rel.size ? ap / Math.min(rel.size, 5) : 0;
}

const FOLDS = 5;
const foldOf = (group: string): number =>
  parseInt(createHash('sha1').update(group).digest('hex').slice(0, 8), 16) % FOLDS;

const mean = (xs: readonly number[]): number =>
  Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 10000) / 10000;

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
  const cvAp: number[] = new Array<number>(runs.length).fill(0);
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
      cvAp[i] = ap5(
        order.map((k) => r.ranked[k] as RankedClaim),
        r.rel,
      );
    });
  }
  const lexAp = runs.map((r) => ap5(r.ranked, r.rel));
  const shipAp = runs.map((r, i) => ap5(shipped[i] ?? [], r.rel));
  const dev = runs.map((r, i) => (r.dev ? i : -1)).filter((i) => i >= 0);
  const pick = (xs: number[], idx: number[]) => idx.map((i) => xs[i] ?? 0);
  return {
    queries: runs.length,
    features: RERANK_FEATURES.length,
    cvLexical: mean(lexAp),
    cvSemantic: mean(cvAp),
    devLexical: mean(pick(lexAp, dev)),
    devSemanticShipped: mean(pick(shipAp, dev)),
    devSemanticCv: mean(pick(cvAp, dev)),
  };
}
