/**
 * Query mode with the semantic channel (Node): each query's top RERANK_POOL claims from the
 * lexical ranker, re-ordered by lib/semantic/rerank.ts over the ranker's score and rank and
 * the USE-lite cosine of query and claim. Only the claims in those lists are embedded, so a
 * claim set of any size costs at most RERANK_POOL claims a query (~45 ms each, once: the
 * vectors are cached in cache/semantic/cli-vectors.fmk, seeded from the committed
 * data/semantic/claim-vectors.fmk). Used by `npm run match` and `npm run eval`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanQueryText } from '../lib/match/prepare-query';
import { embeddingText } from '../lib/semantic/claim-text';
import { rerank } from '../lib/semantic/rerank';
import type { UseEncoder } from '../lib/semantic/use-encoder';
import type { MatchableClaim, Query, RankedClaim } from '../lib/types';
import {
  cachedRow,
  CLAIM_VECTOR_CACHE,
  fillCache,
  readKeyedVectors,
  rowCosine,
  vectorKey,
} from './claim-vectors';
import { loadNodeEncoder } from './semantic-node';

/** Candidates re-ranked per query (as `fm-rerank` was fitted and measured: eval-semantic). */
export const RERANK_POOL = 20;

/** Where new vectors are kept (`FACTMARK_VECTOR_CACHE` moves it, e.g. for tests). */
export const CLI_VECTOR_CACHE =
  process.env.FACTMARK_VECTOR_CACHE ??
  join(import.meta.dirname, '..', 'cache', 'semantic', 'cli-vectors.fmk');

export type Reranked = RankedClaim & { semantic: number };

/**
 * Re-orders each query's list (`lists[i]` for `queries[i]`, best first, at least the top
 * RERANK_POOL) and returns it whole, each claim with its probability.
 */
export async function rerankLists(
  claims: readonly MatchableClaim[],
  queries: readonly Query[],
  lists: readonly RankedClaim[][],
  opts: { cache?: string; log?: (s: string) => void; encoder?: () => Promise<UseEncoder> } = {},
): Promise<Reranked[][]> {
  const cos = await listCosines(claims, queries, lists, opts);
  return lists.map((list, i) => {
    const head = list.slice(0, RERANK_POOL);
    const tail = list.slice(RERANK_POOL).map((r) => ({ ...r, semantic: 0 }));
    return [...rerank(head, cos[i] ?? []), ...tail];
  });
}

/** The cosine of each query with each claim of its list's top RERANK_POOL (embedding what is new). */
export async function listCosines(
  claims: readonly MatchableClaim[],
  queries: readonly Query[],
  lists: readonly RankedClaim[][],
  opts: { cache?: string; log?: (s: string) => void; encoder?: () => Promise<UseEncoder> } = {},
): Promise<number[][]> {
  const cachePath = opts.cache ?? CLI_VECTOR_CACHE;
  const cache = readKeyedVectors(existsSync(cachePath) ? cachePath : CLAIM_VECTOR_CACHE);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const claimText = (id: string): string => {
    const c = byId.get(id);
    return c ? embeddingText(c.text, c.title) : '';
  };
  const queryText = queries.map((q) => cleanQueryText(q.text).text.replace(/\s+/g, ' ').trim());
  const texts = [
    ...queryText,
    ...lists.flatMap((l) => l.slice(0, RERANK_POOL).map((r) => claimText(r.claim))),
  ];
  const missing = texts.some((t) => !cache.rows.has(vectorKey(t)));
  if (missing) {
    const enc = await (opts.encoder ?? loadNodeEncoder)();
    await fillCache(texts, cache, (t) => enc.embed(t), { path: cachePath, log: opts.log });
  }
  return lists.map((list, i) =>
    list
      .slice(0, RERANK_POOL)
      .map((r) =>
        rowCosine(cachedRow(cache, queryText[i] ?? ''), cachedRow(cache, claimText(r.claim))),
      ),
  );
}
