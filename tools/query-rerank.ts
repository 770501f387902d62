/**
 * Query mode with the semantic channel (Node): hybrid retrieval. Each query's pool is the
 * lexical ranker's top RERANK_POOL merged with a plain BM25's top RERANK_POOL (claim text +
 * title, tools/bm25-baseline.ts), re-ordered by lib/semantic/rerank.ts over both rankers'
 * scores and ranks and the USE-lite cosine of query and claim (and of the query read with its
 * neighbours, when it has any: a debate line's lines either side). Only the pools' claims are
 * embedded, so a claim set of any size costs at most 2·RERANK_POOL claims a query (~45 ms
 * each, once: the vectors are cached in cache/semantic/cli-vectors.fmk, seeded from the
 * committed data/semantic/claim-vectors.fmk). Used by `npm run match`, `npm run eval` and
 * scripts/fit-rerank.ts, so all three read the same pools and features.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dayNumber } from '../lib/match/index-core';
import { cleanQueryText, tweetDate } from '../lib/match/prepare-query';
import { spellTags } from '../lib/text/tags';
import { embeddingText, statementEmbeddingText } from '../lib/semantic/claim-text';
import { rerankProbabilities, type PoolCandidate } from '../lib/semantic/rerank';
import type { UseEncoder } from '../lib/semantic/use-encoder';
import type { MatchableClaim, Query, RankedClaim } from '../lib/types';
import { Bm25Scores } from './bm25-baseline';
import {
  cachedRow,
  CLAIM_VECTOR_CACHE,
  fillCache,
  readKeyedVectors,
  rowCosine,
  vectorKey,
  type KeyedVectors,
} from './claim-vectors';
import { loadNodeEncoder } from './semantic-node';

/** Candidates each ranker gives a query's pool. */
export const RERANK_POOL = 20;

/** Where new vectors are kept (`FACTMARK_VECTOR_CACHE` moves it, e.g. for tests). */
export const CLI_VECTOR_CACHE =
  process.env.FACTMARK_VECTOR_CACHE ??
  join(import.meta.dirname, '..', 'cache', 'semantic', 'cli-vectors.fmk');

export type Reranked = RankedClaim & { semantic: number };

/** The CLI's vector cache, or the committed one it is seeded from while it does not exist. */
export const cliVectors = (path = CLI_VECTOR_CACHE): KeyedVectors =>
  readKeyedVectors(existsSync(path) ? path : CLAIM_VECTOR_CACHE);

export interface QueryPool {
  /** Claim ids: the lexical list's top RERANK_POOL, then BM25's that it lacks. */
  ids: string[];
  cands: PoolCandidate[];
  /** BM25's best score for the query. */
  bm25Max: number;
  /** The lexical ranker's entry of each claim (undefined: only BM25 found it). */
  lexical: (RankedClaim | undefined)[];
}

/** A query as the model reads it: cleaned as the lexical ranker cleans it, on one line. */
export const queryEmbeddingText = (text: string): string =>
  statementEmbeddingText(cleanQueryText(text).text);

interface PoolOptions {
  /** Each query's neighbours (a debate line's lines either side), read with it as one text. */
  neighbours?: readonly (readonly string[])[];
  /** The cache file (`cache`) already read: filled in place with what is embedded. */
  vectors?: KeyedVectors;
  cache?: string;
  log?: (s: string) => void;
  encoder?: () => Promise<UseEncoder>;
}

/** Each query's pool with its cosines (embedding what the cache lacks). */
export async function queryPools(
  claims: readonly MatchableClaim[],
  queries: readonly Query[],
  lists: readonly RankedClaim[][],
  opts: PoolOptions = {},
): Promise<QueryPool[]> {
  const bm25 = new Bm25Scores(claims);
  const pos = new Map(claims.map((c, i) => [c.id, i]));
  const dayOf = new Map(claims.map((c) => [c.id, dayNumber(c.date)]));
  const pools = queries.map((q, i): QueryPool => {
    // BM25 reads the handles' and hashtags' words too (the tokenizer's and the model's
    // reading); the trailer of an embedded tweet stays as written.
    const tweet = tweetDate(q.text);
    const scores = bm25.scores(spellTags(tweet.text) + q.text.slice(tweet.text.length));
    // The statement's day: the debate's, else a tweet's own (its embedded signature's date).
    const said = dayNumber(q.date ?? tweet.date);
    const best = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, RERANK_POOL);
    const bmTop = best.map(([d]) => claims[d]?.id ?? '');
    const bmRank = new Map(bmTop.map((id, k) => [id, k]));
    const head = (lists[i] ?? []).slice(0, RERANK_POOL);
    const listed = new Set(head.map((r) => r.claim));
    const ids = [...head.map((r) => r.claim), ...bmTop.filter((id) => !listed.has(id))];
    const lexical = ids.map((_, k) => head[k]);
    const cands = ids.map((id, k): PoolCandidate => {
      const r = lexical[k];
      const rank = bmRank.get(id);
      const days = Math.round((dayOf.get(id) ?? NaN) - said);
      return {
        ...(r ? { fm: { score: r.score, rank: k } } : {}),
        bm25: scores.get(pos.get(id) ?? -1) ?? 0,
        ...(rank !== undefined ? { bm25Rank: rank } : {}),
        cos: 0,
        ctxCos: 0,
        ...(Number.isFinite(days) ? { days } : {}),
      };
    });
    return { ids, cands, bm25Max: best[0]?.[1] ?? 0, lexical };
  });
  const cachePath = opts.cache ?? CLI_VECTOR_CACHE;
  const cache = opts.vectors ?? cliVectors(cachePath);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const claimText = (id: string): string => {
    const c = byId.get(id);
    return c ? embeddingText(c.text, c.title) : '';
  };
  const queryText = queries.map((q) => queryEmbeddingText(q.text));
  const ctxText = queries.map((q, i) => {
    const [before = '', after = ''] = opts.neighbours?.[i] ?? [];
    return before || after
      ? queryEmbeddingText(`${before} ${q.text} ${after}`)
      : (queryText[i] ?? '');
  });
  const texts = [...queryText, ...ctxText, ...pools.flatMap((p) => p.ids.map(claimText))];
  if (texts.some((t) => !cache.rows.has(vectorKey(t)))) {
    const enc = await (opts.encoder ?? loadNodeEncoder)();
    await fillCache(texts, cache, (t) => enc.embed(t), { path: cachePath, log: opts.log });
  }
  pools.forEach((p, i) => {
    const qv = cachedRow(cache, queryText[i] ?? '');
    const cv = cachedRow(cache, ctxText[i] ?? '');
    p.ids.forEach((id, k) => {
      const c = cachedRow(cache, claimText(id));
      p.cands[k]!.cos = rowCosine(qv, c);
      p.cands[k]!.ctxCos = rowCosine(cv, c);
    });
  });
  return pools;
}

const NOT_LISTED = { score: 0, annotate: false, band: null, evidence: { terms: [], numbers: [] } };

/**
 * Re-orders each query's list (`lists[i]` for `queries[i]`, best first) by the re-ranker's
 * probability over its pool, then the rest of the lexical list. A claim only BM25 found has
 * the lexical score 0 and is never `annotate`: those stay the lexical decision.
 */
export async function rerankLists(
  claims: readonly MatchableClaim[],
  queries: readonly Query[],
  lists: readonly RankedClaim[][],
  opts: PoolOptions = {},
): Promise<Reranked[][]> {
  const pools = await queryPools(claims, queries, lists, opts);
  return pools.map((p, i) => {
    const prob = rerankProbabilities(p.cands, p.bm25Max);
    const head = p.ids
      .map((id, k) => ({ ...(p.lexical[k] ?? { ...NOT_LISTED, claim: id }), semantic: prob[k]! }))
      .sort((a, b) => b.semantic - a.semantic);
    const inPool = new Set(p.ids);
    const tail = (lists[i] ?? [])
      .filter((r) => !inPool.has(r.claim))
      .map((r) => ({ ...r, semantic: 0 }));
    return [...head, ...tail];
  });
}
