import type { ImportedSet } from '../lib/matching-service';
import { repairImportedSets } from '../lib/imported-sets';
import type { ClaimRecord } from '../lib/types';
import { versionedItem } from './versioned-item';
import { IMPORTED_SETS } from './set-changes';

export type { ImportedSet };

/**
 * The imported sets, in `storage.local` under "importedSets". Version 2: every set well
 * formed with valid claims (version 1, 0.1.0's, was written without a version mark; its
 * migration drops a set that is not well formed, or the claims of a set that are not, and
 * keeps every other set). Kept apart from the claim index code so the content script can
 * watch it without bundling the matcher.
 */
export const IMPORTED_VERSION = 2;

export const importedSets = versionedItem<ImportedSet[]>({
  key: IMPORTED_SETS,
  name: 'importedSets',
  version: IMPORTED_VERSION,
  fallback: [],
  repair: repairImportedSets,
});

/** The stored sets, repaired (background, popup). */
export const readImportedSets = (): Promise<ImportedSet[]> => importedSets.get();

/**
 * Adds a validated set. Stored sets are only replaced whole, in one write: a failed write
 * (quota) rejects and loses nothing.
 */
export async function addImportedSet(fileName: string, records: ClaimRecord[]): Promise<void> {
  const sets = await readImportedSets();
  const id = `import-${Date.now().toString(36)}`;
  const name = fileName.replace(/\.(jsonl?|jsonld)$/i, '') || 'Imported claims';
  const set: ImportedSet = {
    id,
    name,
    imported: new Date().toISOString().slice(0, 10),
    enabled: true,
    records,
  };
  await importedSets.set([...sets, set]);
}

export async function setImportedEnabled(id: string, enabled: boolean): Promise<void> {
  const sets = await readImportedSets();
  await importedSets.set(sets.map((s) => (s.id === id ? { ...s, enabled } : s)));
}

export async function removeImportedSet(id: string): Promise<void> {
  const sets = await readImportedSets();
  await importedSets.set(sets.filter((s) => s.id !== id));
}
