/**
 * Imported sets used to live in `storage.local` under "importedSets" (version 1, 0.1.0's,
 * without a version mark; version 2 with every set well formed). At background start
 * (utils/storage-check.ts) they are read back with the repair of lib/imported-sets.ts and
 * copied into IndexedDB (utils/imported-store.ts) in one transaction; only after it commits
 * is the storage.local key removed. A failure leaves storage.local as it was, to be tried
 * again at the next start; a set copied twice is the same row (put by id).
 */
import { storage } from '@wxt-dev/storage';
import { repairImportedSets } from '../lib/imported-sets';
import { saveNotices } from './storage-notices';
import type { ImportedStore } from './imported-store';

export const LEGACY_KEY = 'local:importedSets';
/** The last version stored in storage.local. */
export const LEGACY_VERSION = 2;

export type MigrationResult = 'none' | 'moved' | 'failed';

export async function migrateImportedSets(store: ImportedStore): Promise<MigrationResult> {
  try {
    const raw = await storage.getItem<unknown>(LEGACY_KEY);
    const meta = await storage.getMeta<{ v?: unknown }>(LEGACY_KEY);
    if (raw === null) {
      if (meta.v !== undefined) await storage.removeMeta(LEGACY_KEY);
      return 'none';
    }
    const newer = typeof meta.v === 'number' && meta.v > LEGACY_VERSION;
    const r = repairImportedSets(raw);
    await store.put(r.value);
    // The notice before the key goes: a browser closed in between tries the move again at
    // the next start (the same notice, saved once), never loses what the reader is told.
    if (newer)
      await saveNotices(
        r.notices.length ? r.notices : [{ item: 'importedSets', whole: false, count: 0, what: [] }],
        'newer',
      );
    else await saveNotices(r.notices, 'corrupt');
    await storage.removeItem(LEGACY_KEY, { removeMeta: true });
    return 'moved';
  } catch (err) {
    console.warn('Factmark: the imported sets could not be moved to IndexedDB:', err);
    return 'failed';
  }
}
