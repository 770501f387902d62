/**
 * The display side of a claim set: card data by id, from shards that are in memory or are
 * fetched on first need (claim-set.ts decides which), each row checked and decoded when read.
 */
import type { ClaimRecord } from '../types';
import { checkClaimRow, fail } from './check-claim-set';
import type { OpenShard, ShardRef } from './claim-set-format';
import { decodeClaimRow, rowOrigin } from './decode-claim-row';
import { lastAtOrBefore } from '../sorted';

/** Display data by id. Rows live in shards, fetched on first need and decoded on demand. */
export interface ClaimLookup {
  readonly size: number;
  has(id: string): boolean;
  ids(): readonly string[];
  /** The card data of one claim; fetches its shard the first time. */
  get(id: string): Promise<ClaimRecord | undefined>;
  /** Card data of several claims, each needed shard fetched once (in parallel); unknown ids are left out. */
  getMany(ids: Iterable<string>): Promise<Map<string, ClaimRecord>>;
  /** The same by row in the index (what the matcher returns); rows out of range are left out. */
  getRows(rows: Iterable<number>): Promise<Map<number, ClaimRecord>>;
  /** Which origin ("seed", "politifact", ...) a claim came from. */
  originOf(id: string): Promise<string | undefined>;
}

/** An in-memory set (compiled from an import): every shard is at hand. */
export interface SyncClaimLookup extends ClaimLookup {
  getSync(id: string): ClaimRecord | undefined;
  originOfSync(id: string): string | undefined;
}

/**
 * Shard i holds claims table[i].start .. +count. `getShard` returns a shard synchronously when
 * it is in memory, else undefined; `loadShard` fetches.
 */
export function claimLookup(
  ids: () => readonly string[],
  table: readonly ShardRef[],
  getShard: (n: number) => OpenShard | undefined,
  loadShard: (n: number) => Promise<OpenShard>,
): SyncClaimLookup {
  // Built on first lookup: the map costs a few ms and is not needed to start matching.
  let rowOfCache: Map<string, number> | null = null;
  const rowOf = (): Map<string, number> => {
    if (rowOfCache) return rowOfCache;
    const list = ids();
    const m = new Map<string, number>();
    list.forEach((id, i) => m.set(id, i));
    if (m.size !== list.length) fail('the index lists a claim id twice');
    return (rowOfCache = m);
  };
  /** Shard of claim i: shards are contiguous, so a binary search over starts. */
  const starts = table.map((t) => t.start);
  const shardOf = (i: number): number => lastAtOrBefore(starts, i);
  const rowIn = (sh: OpenShard, i: number, n: number) =>
    checkClaimRow(
      sh,
      i - (table[n]?.start ?? 0),
      () => `${i} (${JSON.stringify(ids()[i])}) in ${table[n]?.file ?? '?'}`,
    );
  const decode = (sh: OpenShard, i: number, n: number): ClaimRecord =>
    decodeClaimRow(sh, rowIn(sh, i, n), ids()[i] ?? '');
  const originIn = (sh: OpenShard, i: number, n: number): string | undefined =>
    rowOrigin(sh, rowIn(sh, i, n));

  /** Sync access; throws when the shard is not in memory (a bug in the caller's set kind). */
  const inMemory = (n: number): OpenShard => {
    const sh = getShard(n);
    if (!sh) fail(`display file ${table[n]?.file ?? n} is not loaded (use the async lookup)`);
    return sh;
  };

  const getRows = async (wanted: Iterable<number>): Promise<Map<number, ClaimRecord>> => {
    const byShard = new Map<number, number[]>();
    for (const i of wanted) {
      if (!Number.isInteger(i) || i < 0 || i >= ids().length) continue;
      const n = shardOf(i);
      const list = byShard.get(n);
      if (list) list.push(i);
      else byShard.set(n, [i]);
    }
    const out = new Map<number, ClaimRecord>();
    await Promise.all(
      [...byShard].map(async ([n, rows]) => {
        const sh = getShard(n) ?? (await loadShard(n));
        for (const i of rows) out.set(i, decode(sh, i, n));
      }),
    );
    return out;
  };
  const getMany = async (wanted: Iterable<string>): Promise<Map<string, ClaimRecord>> => {
    const rows: number[] = [];
    for (const id of wanted) {
      const i = rowOf().get(id);
      if (i !== undefined) rows.push(i);
    }
    const out = new Map<string, ClaimRecord>();
    for (const [i, r] of await getRows(rows)) out.set(ids()[i] ?? '', r);
    return out;
  };

  return {
    get size() {
      return ids().length;
    },
    has: (id) => rowOf().has(id),
    ids,
    get: async (id) => (await getMany([id])).get(id),
    getMany,
    getRows,
    originOf: async (id) => {
      const i = rowOf().get(id);
      if (i === undefined) return undefined;
      const n = shardOf(i);
      return originIn(getShard(n) ?? (await loadShard(n)), i, n);
    },
    getSync: (id) => {
      const i = rowOf().get(id);
      if (i === undefined) return undefined;
      const n = shardOf(i);
      return decode(inMemory(n), i, n);
    },
    originOfSync: (id) => {
      const i = rowOf().get(id);
      if (i === undefined) return undefined;
      const n = shardOf(i);
      return originIn(inMemory(n), i, n);
    },
  };
}
