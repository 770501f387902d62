/**
 * What the semantic channel adds in query mode, for `npm run eval`: each query's hybrid pool
 * (the lexical ranker's and BM25's top RERANK_POOL, tools/query-rerank.ts) re-ordered by
 * lib/semantic/rerank.ts, on dev with the shipped weights (fitted on train splits only,
 * scripts/fit-rerank.ts) and by grouped cross-validation over train + dev with the
 * re-ranker refitted on the other folds (folds: 2b by transcript, 2a by tweet, in 5 groups;
 * dev is a 6th). The lexical ranker's own weights were trained on the train splits, so its
 * train-fold figures are in-sample for both columns alike: the difference is the channel's.
 */
import { createHash } from 'node:crypto';
import { rankQuery, type ClaimIndex } from '../lib/match/matcher';
import {
  rerankFeatures,
  rerankLogit,
  rerankProbabilities,
  RERANK_FEATURES,
} from '../lib/semantic/rerank';
import type { MatchableClaim, Query, RankedClaim } from '../lib/types';
import { embeddingText } from '../lib/semantic/claim-text';
import { cosineAll, topOf } from '../lib/semantic/vectors';
import { cachedRow, floatRow, tableFor, type KeyedVectors } from './claim-vectors';
import { cliVectors, queryEmbeddingText, queryPools, RERANK_POOL } from './query-rerank';
import { fitLogistic, rankFigures } from './semantic-fit';
import {
  loadQrels,
  loadQueries,
  neighboursOf,
  splitExists,
  type Split,
  type Task,
} from './train-data';

export interface QueryRun {
  query: Query;
  /** The transcript (2b) or tweet (2a) its fold is drawn by. */
  group: string;
  dev: boolean;
  ranked: RankedClaim[];
  rel: ReadonlySet<string>;
  /** The lines either side (2b), read with the query by the re-ranker. */
  neighbours: string[];
}

/** One split's queries ranked as the eval and the match CLI rank them (top RERANK_POOL). */
export function queryRuns(task: Task, split: Split, index: ClaimIndex): QueryRun[] {
  if (!splitExists(task, split)) return [];
  const qrels = loadQrels(task, split);
  return loadQueries(task, split).map((q) => ({
    query: { id: q.id, text: q.text, ...(q.date ? { date: q.date } : {}) },
    group: q.transcript ?? q.id,
    dev: split === 'dev',
    ranked: rankQuery(
      index,
      { id: q.id, text: q.text, doc: q.transcript, speaker: q.speaker, date: q.date },
      { top: RERANK_POOL, neighbours: neighboursOf(q) },
    ),
    rel: qrels.get(q.id) ?? new Set<string>(),
    neighbours: neighboursOf(q),
  }));
}

/** Folds of train+dev: train groups dealt by a hash of the group, dev one more fold. */
export const FOLDS = 5;
export const foldOf = (group: string): number =>
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

const ordered = (ids: readonly string[], z: readonly number[]): string[] =>
  z
    .map((_, k) => k)
    .sort((a, b) => z[b]! - z[a]!)
    .map((k) => ids[k]!);

export async function semanticQueryFigures(
  claims: readonly MatchableClaim[],
  runs: readonly QueryRun[],
): Promise<Record<string, number>> {
  // One read of the vector cache, filled by the pools, then read by cosineAlone.
  const vectors = cliVectors();
  const pools = await queryPools(
    claims,
    runs.map((r) => r.query),
    runs.map((r) => r.ranked),
    { neighbours: runs.map((r) => r.neighbours), vectors },
  );
  const feats = pools.map((p) => rerankFeatures(p.cands, p.bm25Max));
  const shipLists = pools.map((p) => ordered(p.ids, rerankProbabilities(p.cands, p.bm25Max)));
  const fold = runs.map((r) => (r.dev ? FOLDS : foldOf(r.group)));
  const cvLists: string[][] = runs.map(() => []);
  for (let f = 0; f <= FOLDS; f++) {
    const X: number[][] = [];
    const y: number[] = [];
    runs.forEach((r, i) => {
      if (fold[i] === f) return;
      feats[i]!.forEach((x, k) => {
        X.push(x);
        y.push(r.rel.has(pools[i]!.ids[k]!) ? 1 : 0);
      });
    });
    const m = fitLogistic(X, y);
    runs.forEach((_, i) => {
      if (fold[i] === f)
        cvLists[i] = ordered(
          pools[i]!.ids,
          feats[i]!.map((x) => rerankLogit(m, x)),
        );
    });
  }
  const lexLists = runs.map((r) => r.ranked.map((c) => c.claim));
  const cosLists = cosineAlone(claims, runs, vectors);
  const inPool = (ids: (r: number) => readonly string[]): number =>
    runs.filter((r, i) => ids(i).some((id) => r.rel.has(id))).length;
  return {
    queries: runs.length,
    features: RERANK_FEATURES.length,
    relevantInLexicalList: inPool((i) => runs[i]!.ranked.map((c) => c.claim)),
    relevantInPool: inPool((i) => pools[i]!.ids),
    cvLexical: map5(runs, lexLists),
    cvSemantic: map5(runs, cvLists),
    devLexical: map5(runs, lexLists, true),
    devSemanticShipped: map5(runs, shipLists, true),
    devSemanticCv: map5(runs, cvLists, true),
    // NaN when a claim of the set has no vector in the cache (the pools embed only theirs).
    cvCosineAlone: cosLists ? map5(runs, cosLists) : NaN,
    devCosineAlone: cosLists ? map5(runs, cosLists, true) : NaN,
  };
}

/**
 * The ablation's "semantic alone" row: each query's top 5 claims by USE cosine over every
 * claim of the set (no lexical candidates), from the cached vectors (queryPools has just
 * cached the queries'); undefined when a claim has none.
 */
function cosineAlone(
  claims: readonly MatchableClaim[],
  runs: readonly QueryRun[],
  cache: KeyedVectors,
): string[][] | undefined {
  const table = tableFor(
    claims.map((c) => embeddingText(c.text, c.title)),
    cache,
  );
  if (!table) return undefined;
  return runs.map((r) => {
    const row = cachedRow(cache, queryEmbeddingText(r.query.text));
    if (!row) return [];
    const cos = cosineAll(table, floatRow(row));
    return topOf(cos, 5).map((i) => claims[i]!.id);
  });
}
