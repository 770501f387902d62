/**
 * Opening a claim set (claim-set-format.ts) for matching and cards.
 *
 * loadClaimSet(index.bin, fetchShard) costs a header parse and typed-array views (~2 ms for
 * the bundled set); a shard is fetched and parsed (~1–2 ms) the first time one of its claims
 * needs a card, and kept (up to SHARD_CACHE shards). openCompiledClaimSet(compiled) opens a set
 * compiled in memory (an import) as it is, with synchronous lookups: nothing is serialised
 * and parsed back.
 */
import type { ClaimIndex } from '../match/matcher';
import { loadIndex } from '../match/load-index';
import { readIndexHeader } from '../match/read-index-header';
import { checkClaimSetHeader, fail, openDisplayShard } from './check-claim-set';
import { claimLookup, type ClaimLookup, type SyncClaimLookup } from './claim-lookup';
import type { ClaimSetMeta, OpenShard } from './claim-set-format';
import type { CompiledClaimSet } from './compile-claim-set';
import { errorMessage } from '../error-message';

/** Shards kept parsed per set (~0.3 MB each in memory); older ones are dropped, re-fetched. */
export const SHARD_CACHE = 48;

export interface ClaimSet<L extends ClaimLookup = ClaimLookup> {
  meta: ClaimSetMeta;
  claims: L;
  index: ClaimIndex;
}

/** Fetches a display file by name (e.g. "display-007.json") and returns its parsed JSON. */
export type ShardFetcher = (file: string) => Promise<unknown>;

/**
 * Loads a compiled set from its index.bin (ArrayBuffer or bytes) and a fetcher for its
 * display files. Checks the header (format, version, meta, shard table) and the index
 * (lib/match loadIndex) now, each display file when it is first fetched, each row when a card
 * needs it; throws (or rejects) with an Error that says what is wrong. The buffer must not be
 * written afterwards: the index's typed arrays are views over it.
 */
export function loadClaimSet(indexBin: unknown, fetchShard: ShardFetcher): ClaimSet {
  const head = checkClaimSetHeader(readIndexHeader(indexBin).extra);
  const index = loadIndex(indexBin);
  if (index.size !== head.meta.count)
    fail(`the index has ${index.size} claims but meta.count is ${head.meta.count}`);
  const ids = (): readonly string[] => index.src.ids;
  // Parsed shards by number, most recently used last (Map order) for the LRU cut.
  const cache = new Map<number, Promise<OpenShard>>();
  const ready = new Map<number, OpenShard>();
  const touch = (n: number, p: Promise<OpenShard>): void => {
    cache.delete(n);
    cache.set(n, p);
  };
  const loadShard = (n: number): Promise<OpenShard> => {
    let p = cache.get(n);
    if (p) {
      touch(n, p);
      return p;
    }
    const ref = head.shards[n];
    if (!ref) return Promise.reject(new Error(`loadClaimSet: no display shard ${n}`));
    p = fetchShard(ref.file).then(
      (json) => {
        const sh = openDisplayShard(json, n, ref, ids());
        if (cache.has(n)) ready.set(n, sh);
        return sh;
      },
      (err: unknown) => {
        cache.delete(n); // a failed fetch is retried next time
        throw new Error(
          `loadClaimSet: display file ${ref.file} could not be read: ${errorMessage(err)}`,
        );
      },
    );
    cache.set(n, p);
    while (cache.size > SHARD_CACHE) {
      const oldest = cache.keys().next().value as number;
      cache.delete(oldest);
      ready.delete(oldest);
    }
    return p;
  };
  const getShard = (n: number): OpenShard | undefined => {
    const sh = ready.get(n);
    const p = cache.get(n);
    if (sh && p) touch(n, p); // for the LRU order
    return sh;
  };
  return { meta: head.meta, claims: claimLookup(ids, head.shards, getShard, loadShard), index };
}

/**
 * Opens a set compiled in memory (an import): its index and display rows as compiled, every
 * shard at hand, so lookups can be synchronous. Matching runs the same code as for the
 * bundled set (an index serialised and loaded back ranks identically: match-index-binary).
 */
export function openCompiledClaimSet(compiled: CompiledClaimSet): ClaimSet<SyncClaimLookup> {
  const { header, index } = compiled;
  const ids = (): readonly string[] => index.src.ids;
  const shards: OpenShard[] = compiled.shards.map(({ data }) => ({ table: data.s, rows: data.c }));
  const getShard = (n: number): OpenShard | undefined => shards[n];
  const loadShard = (n: number): Promise<OpenShard> => {
    const sh = shards[n];
    return sh
      ? Promise.resolve(sh)
      : Promise.reject(new Error(`loadClaimSet: no display shard ${n}`));
  };
  return { meta: header.meta, claims: claimLookup(ids, header.shards, getShard, loadShard), index };
}
