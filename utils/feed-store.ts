/**
 * Where subscribed feeds live: IndexedDB (README "Claim feeds" says why), one database with
 * two object stores, `feeds` (FeedState, small) and `claims` (each feed's records, whole).
 * Every change to a feed is one readwrite transaction over both: it commits entirely or not
 * at all, so a failed write (quota, a record that cannot be stored) leaves the previous
 * version as it was and rejects with the reason.
 */
import type { ClaimRecord } from '../lib/types';
import type { FeedState } from '../lib/feeds/feed-state';

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

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(FEEDS)) db.createObjectStore(FEEDS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(CLAIMS)) db.createObjectStore(CLAIMS, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('the feed store could not be opened'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    const fail = () =>
      reject(new Error(`the feed store could not be written: ${tx.error?.message ?? 'aborted'}`));
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('the feed store could not be read'));
  });
}

export function openFeedStore(factory: IDBFactory = indexedDB): FeedStore {
  let db: Promise<IDBDatabase> | null = null;
  const get = () =>
    (db ??= open(factory).catch((err: unknown) => ((db = null), Promise.reject(err))));
  return {
    async list() {
      const d = await get();
      return request(d.transaction(FEEDS).objectStore(FEEDS).getAll() as IDBRequest<FeedState[]>);
    },
    async records(id) {
      const d = await get();
      const row = await request(
        d.transaction(CLAIMS).objectStore(CLAIMS).get(id) as IDBRequest<
          { id: string; records: ClaimRecord[] } | undefined
        >,
      );
      return row?.records ?? null;
    },
    async put(state, records) {
      const d = await get();
      const tx = d.transaction([FEEDS, CLAIMS], 'readwrite');
      const finished = done(tx);
      try {
        tx.objectStore(FEEDS).put(state);
        if (records) tx.objectStore(CLAIMS).put({ id: state.id, records });
      } catch (err) {
        // A value that cannot be cloned throws here: nothing of this write is kept.
        tx.abort();
        await finished.catch(() => {});
        throw new Error(
          `the feed store could not be written: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      await finished;
    },
    async remove(id) {
      const d = await get();
      const tx = d.transaction([FEEDS, CLAIMS], 'readwrite');
      const finished = done(tx);
      tx.objectStore(FEEDS).delete(id);
      tx.objectStore(CLAIMS).delete(id);
      await finished;
    },
  };
}
