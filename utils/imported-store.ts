/**
 * Where imported claim sets live: IndexedDB (README "Claim feeds" and "Stored data" say why),
 * one database with two object stores, `sets` (each set's metadata: id, name, date, switch,
 * count, summary) and `records` (each set's claims, whole). Listing the sets reads `sets`
 * only. Every change is one readwrite transaction (utils/idb.ts): it commits entirely or not
 * at all, so a failed write (quota) rejects with the reason and leaves the sets as they were.
 * Raw rows: the background reads them back through lib/imported-sets.ts's repairs.
 */
import { importedMeta, type ImportedMeta } from '../lib/imported-sets';
import type { ImportedSet } from '../lib/matching-service';
import { keyedById, openDatabase } from './idb';

export const IMPORTED_DB = 'factmark-imported';
const SETS = 'sets';
const RECORDS = 'records';

export interface ImportedStore {
  /** Every set's metadata row, as stored. */
  list(): Promise<unknown[]>;
  /** One set's records as stored (undefined when it has none). */
  records(id: string): Promise<unknown>;
  /** Adds or replaces these sets, metadata and records, in one transaction. */
  put(sets: ImportedSet[]): Promise<void>;
  /** Switches one set on or off (its metadata only). */
  setEnabled(id: string, enabled: boolean): Promise<void>;
  /** Removes these sets, metadata and records, in one transaction. */
  remove(ids: IDBValidKey[]): Promise<void>;
}

export function openImportedStore(factory: IDBFactory = indexedDB): ImportedStore {
  const db = openDatabase(IMPORTED_DB, 1, keyedById(SETS, RECORDS), 'the imported sets', factory);
  return {
    list: () => db.read<unknown[]>(SETS, (s) => s.getAll()),
    async records(id) {
      const row = await db.read<{ records?: unknown } | undefined>(RECORDS, (s) => s.get(id));
      return row?.records;
    },
    put: (sets) =>
      db.write([SETS, RECORDS], (tx) => {
        for (const set of sets) {
          tx.objectStore(SETS).put(importedMeta(set));
          tx.objectStore(RECORDS).put({ id: set.id, records: set.records });
        }
      }),
    setEnabled: (id, enabled) =>
      db.write([SETS], (tx) => {
        const store = tx.objectStore(SETS);
        const req = store.get(id);
        req.onsuccess = () => {
          const meta = req.result as ImportedMeta | undefined;
          if (meta) store.put({ ...meta, enabled });
        };
      }),
    remove: (ids) =>
      db.write([SETS, RECORDS], (tx) => {
        for (const id of ids) {
          tx.objectStore(SETS).delete(id);
          tx.objectStore(RECORDS).delete(id);
        }
      }),
  };
}
