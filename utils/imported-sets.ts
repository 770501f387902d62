import { storage } from '@wxt-dev/storage';
import type { ImportedSet } from '../lib/matching-service';
import type { ClaimRecord } from '../lib/types';

export type { ImportedSet };

/**
 * The imported sets, versioned from the first release. Kept apart from the claim index code
 * so the content script can watch it without bundling the matcher.
 */
export const importedSetsItem = storage.defineItem<ImportedSet[]>('local:importedSets', {
  fallback: [],
  version: 1,
});

/** Adds a validated set. Stored sets are only replaced whole, so a failed write loses nothing. */
export async function addImportedSet(fileName: string, records: ClaimRecord[]): Promise<void> {
  const sets = await readSets();
  const id = `import-${Date.now().toString(36)}`;
  const name = fileName.replace(/\.(jsonl?|jsonld)$/i, '') || 'Imported claims';
  const set: ImportedSet = {
    id,
    name,
    imported: new Date().toISOString().slice(0, 10),
    enabled: true,
    records,
  };
  await importedSetsItem.setValue([...sets, set]);
}

export async function setImportedEnabled(id: string, enabled: boolean): Promise<void> {
  const sets = await readSets();
  await importedSetsItem.setValue(sets.map((s) => (s.id === id ? { ...s, enabled } : s)));
}

export async function removeImportedSet(id: string): Promise<void> {
  const sets = await readSets();
  await importedSetsItem.setValue(sets.filter((s) => s.id !== id));
}

async function readSets(): Promise<ImportedSet[]> {
  const raw: unknown = await importedSetsItem.getValue();
  return Array.isArray(raw) ? (raw as ImportedSet[]) : [];
}
