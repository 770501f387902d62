/**
 * The imported claim sets: in IndexedDB (utils/imported-store.ts), each set's metadata apart
 * from its records. The popup and the options page write them (one transaction each: a
 * failed write rejects with the reason and changes nothing), then tell the background, which
 * compiles what changed and bumps `claimSetsChanged` so every tab matches again
 * (utils/set-changes.ts): no tab ever receives a set's claims. The background reads them back
 * through the repairs of lib/imported-sets.ts (a broken set is removed and named, a set with
 * some unreadable claims keeps the others; utils/storage-notices.ts tells the reader).
 */
import {
  repairImportedRecords,
  sanitizeImportedMeta,
  type ImportedMeta,
} from '../lib/imported-sets';
import type { ImportedSet } from '../lib/matching-service';
import type { StoredSetSource } from '../lib/stored-sets';
import type { ClaimRecord } from '../lib/types';
import { clipWhat } from '../lib/storage-notices';
import { openImportedStore, type ImportedStore } from './imported-store';
import { saveNotices } from './storage-notices';

export type { ImportedSet };

let shared: ImportedStore | null = null;
/** This page's (or the background's) connection to the store. */
export const importedStore = (): ImportedStore => (shared ??= openImportedStore());

/** Adds a validated set, metadata and records, in one transaction. */
export async function addImportedSet(
  fileName: string,
  records: ClaimRecord[],
  store: ImportedStore = importedStore(),
): Promise<void> {
  const set: ImportedSet = {
    id: `import-${Date.now().toString(36)}`,
    name: fileName.replace(/\.(jsonl?|jsonld)$/i, '') || 'Imported claims',
    imported: new Date().toISOString().slice(0, 10),
    enabled: true,
    records,
  };
  await store.put([set]);
}

export const setImportedEnabled = (
  id: string,
  enabled: boolean,
  store: ImportedStore = importedStore(),
): Promise<void> => store.setEnabled(id, enabled);

export const removeImportedSet = (
  id: string,
  store: ImportedStore = importedStore(),
): Promise<void> => store.remove([id]);

/** The sets' metadata as this version reads it; a malformed row is removed and named. */
export async function listImportedSets(
  store: ImportedStore = importedStore(),
): Promise<ImportedMeta[]> {
  const { sets, dropped } = sanitizeImportedMeta(await store.list());
  if (dropped.length > 0) {
    const keys = dropped.flatMap((d) =>
      typeof d.id === 'string' || typeof d.id === 'number' ? [d.id] : [],
    );
    await store.remove(keys).catch((err: unknown) => console.warn('Factmark:', err));
    await saveNotices(
      [
        {
          item: 'importedSets',
          whole: false,
          count: dropped.length,
          what: clipWhat(dropped.map((d) => d.name)),
        },
      ],
      'corrupt',
    );
  }
  return sets;
}

/**
 * One set's records, checked: unreadable claims are left out (and the set written back
 * without them), a set with none left is removed; either is saved as a notice.
 */
export async function readImportedRecords(
  meta: ImportedMeta,
  store: ImportedStore = importedStore(),
): Promise<ClaimRecord[] | null> {
  const r = repairImportedRecords(meta, await store.records(meta.id));
  if (r.changed) {
    try {
      if (r.records) await store.put([{ ...meta, records: r.records }]);
      else await store.remove([meta.id]);
    } catch (err) {
      console.warn('Factmark: a repaired imported set could not be written back:', err);
    }
  }
  await saveNotices(r.notices, 'corrupt');
  return r.records;
}

/**
 * What the background's StoredSets reads: the listed sets (after `ready`, the start's
 * migration), each set's records checked. The stamp is the set's id and count: records
 * never change in place (an import is a new set), so a switch compiles nothing.
 */
export function importedSource(
  ready: Promise<unknown>,
  store: ImportedStore = importedStore(),
): StoredSetSource {
  const metas = new Map<string, ImportedMeta>();
  return {
    async list() {
      await ready.catch(() => {});
      const sets = await listImportedSets(store);
      metas.clear();
      for (const m of sets) metas.set(m.id, m);
      return sets.map((m) => ({
        id: m.id,
        name: m.name,
        enabled: m.enabled,
        date: m.imported,
        kind: 'imported' as const,
        stamp: `${m.id}:${m.count}`,
      }));
    },
    async records(id) {
      const meta = metas.get(id);
      return meta ? readImportedRecords(meta, store) : null;
    },
  };
}
