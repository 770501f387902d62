/**
 * The IndexedDB helpers every store shares (utils/feed-store.ts, utils/imported-store.ts): a
 * database opened once and opened again after a failure, a request as a promise, and a write
 * as one readwrite transaction that commits entirely or not at all and rejects with the
 * reason ("<what> could not be written: QuotaExceededError ...").
 */

export interface Database {
  /** The open connection (opened on first use; a failed open is tried again next time). */
  get(): Promise<IDBDatabase>;
  /** One read: `ask` makes the request on a readonly transaction over `store`. */
  read<T>(store: string, ask: (s: IDBObjectStore) => IDBRequest): Promise<T>;
  /**
   * One readwrite transaction over `stores`: `fill` queues its requests (synchronously, or
   * from their callbacks). Resolves once it commits; rejects with nothing of it kept.
   */
  write(stores: string[], fill: (tx: IDBTransaction) => void): Promise<void>;
}

export function request<T>(req: IDBRequest, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error(`${what} could not be read`));
  });
}

function committed(tx: IDBTransaction, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    const fail = () => reject(new Error(`${what} could not be written: ${reason(tx.error)}`));
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

const reason = (err: unknown): string =>
  err instanceof Error || err instanceof DOMException
    ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`
    : err === null || err === undefined
      ? 'aborted'
      : String(err);

/** An `upgrade` that creates these object stores, each keyed by its records' `id`. */
export function keyedById(...stores: string[]): (db: IDBDatabase) => void {
  return (db) => {
    for (const name of stores)
      if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, { keyPath: 'id' });
  };
}

/**
 * `upgrade` creates the object stores (it runs when the database is new or `version` is
 * newer than the one on disk).
 */
export function openDatabase(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
  what: string,
  factory: IDBFactory = indexedDB,
): Database {
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(name, version);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error(`${what} could not be opened`));
    });
  const get = () => (db ??= open().catch((err: unknown) => ((db = null), Promise.reject(err))));
  return {
    get,
    async read<T>(store: string, ask: (s: IDBObjectStore) => IDBRequest) {
      const d = await get();
      return request<T>(ask(d.transaction(store).objectStore(store)), what);
    },
    async write(stores, fill) {
      const d = await get();
      const tx = d.transaction(stores, 'readwrite');
      const finished = committed(tx, what);
      try {
        fill(tx);
      } catch (err) {
        // A value that cannot be cloned throws here: nothing of this write is kept.
        tx.abort();
        await finished.catch(() => {});
        throw new Error(`${what} could not be written: ${reason(err)}`, { cause: err });
      }
      await finished;
    },
  };
}
