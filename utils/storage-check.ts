/**
 * At every background start, after the migrations: each stored item is read back as this
 * version understands it. What could not be read is reset (the rest of the item kept) and
 * written back, a value saved by a newer version of Factmark is read as this version's and
 * marked with this version, a value without a version gets its version; and the reader is
 * told what was reset and why (utils/storage-notices.ts, shown in the popup and options).
 * Imported sets found in storage.local (from before they moved to IndexedDB) are moved
 * (utils/imported-migration.ts); IndexedDB's sets are checked as the background reads them
 * (utils/imported-sets.ts).
 */
import { storage } from '@wxt-dev/storage';
import { feedConfig } from './feed-config';
import { hiddenItem } from './hidden';
import { migrateImportedSets, type MigrationResult } from './imported-migration';
import type { ImportedStore } from './imported-store';
import { settingsStore } from './settings';
import { writeRepaired } from './storage-notices';
import { versionedEntries, type VersionedItem } from './versioned-item';

/** Every storage.local item with reader data (feeds and imported sets are in IndexedDB). */
export const CHECKED: VersionedItem<unknown>[] = [
  settingsStore as VersionedItem<unknown>,
  hiddenItem as VersionedItem<unknown>,
  feedConfig as VersionedItem<unknown>,
];

/** What one item's check did. */
export type CheckResult = 'ok' | 'stamped' | 'repaired' | 'newer' | 'failed';

export async function checkItem(v: VersionedItem<unknown>): Promise<CheckResult> {
  const { key, version } = v.spec;
  try {
    // Waits for the item's migrations (a downgrade makes WXT log and skip them).
    await v.item().getValue();
    const meta = await storage.getMeta<{ v?: unknown }>(key);
    const raw = await storage.getItem<unknown>(key);
    if (raw === null) return 'ok';
    const stored = typeof meta.v === 'number' && Number.isInteger(meta.v) ? meta.v : null;
    const newer = stored !== null && stored > version;
    const r = v.spec.repair(raw);
    if (newer) {
      const found = r.notices.length
        ? r.notices
        : [{ item: v.spec.name, whole: false, count: 0, what: [] }];
      await writeRepaired(versionedEntries(key, version, r.value), found, 'newer');
      return 'newer';
    }
    if (r.notices.length > 0) {
      await writeRepaired(versionedEntries(key, version, r.value), r.notices, 'corrupt');
      return 'repaired';
    }
    if (stored !== version) {
      await storage.setMeta(key, { v: version });
      return 'stamped';
    }
    return 'ok';
  } catch (err) {
    console.warn(`Factmark: could not check ${key}:`, err);
    return 'failed';
  }
}

/**
 * Checks every item, one after another, then moves imported sets left in storage.local into
 * `imports`; resolves with what each step did.
 */
export async function checkStoredData(
  imports: ImportedStore,
): Promise<Record<string, CheckResult | MigrationResult>> {
  const out: Record<string, CheckResult | MigrationResult> = {};
  for (const v of CHECKED) out[v.spec.key] = await checkItem(v);
  out['local:importedSets'] = await migrateImportedSets(imports);
  return out;
}
