/**
 * Where subscribed feeds live: IndexedDB (README "Claim feeds" says why), one database with
 * two object stores, `feeds` (FeedState, small) and `claims` (each feed's records, whole).
 * Every change to a feed is one readwrite transaction over both: it commits entirely or not
 * at all, so a failed write (quota, a record that cannot be stored) leaves the previous
 * version as it was and rejects with the reason (utils/idb.ts).
 */
import type { ClaimRecord } from '../lib/types';
import type { FeedState } from '../lib/feeds/feed-state';
import { keyedById, openDatabase } from './idb';

const DB = 'factmark-feeds';
const FEEDS = 'feeds';
const CLAIMS = 'claims';

export interface FeedStore {
  list(): Promise<FeedState[]>;
  records(id: string): Promise<ClaimRecord[] | null>;
  /** Writes the state, and the records when given, atomically. */
  put(state: FeedState, records?: ClaimRecord[]): Promise<void>;
  remove(id: string): Promise<void>;
}

export function openFeedStore(factory: IDBFactory = indexedDB): FeedStore {
  const db = openDatabase(DB, 1, keyedById(FEEDS, CLAIMS), 'the feed store', factory);
  return {
    list: () => db.read<FeedState[]>(FEEDS, (s) => s.getAll()),
    async records(id) {
      const row = await db.read<{ id: string; records: ClaimRecord[] } | undefined>(CLAIMS, (s) =>
        s.get(id),
      );
      return row?.records ?? null;
    },
    put: (state, records) =>
      db.write([FEEDS, CLAIMS], (tx) => {
        tx.objectStore(FEEDS).put(state);
        if (records) tx.objectStore(CLAIMS).put({ id: state.id, records });
      }),
    remove: (id) =>
      db.write([FEEDS, CLAIMS], (tx) => {
        tx.objectStore(FEEDS).delete(id);
        tx.objectStore(CLAIMS).delete(id);
      }),
  };
}
