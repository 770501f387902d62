/**
 * What a content script watches to match its page again: the imported sets changed (popup)
 * or a feed set was compiled (the counter, utils/feed-config.ts). Plain watches: a tab never
 * reads a set's claims, never migrates, and bundles none of the sets' validation.
 */
import { storage } from '@wxt-dev/storage';

export const IMPORTED_SETS = 'local:importedSets';
export const CLAIM_SETS_CHANGED = 'local:claimSetsChanged';

export function watchSetChanges(cb: () => void): () => void {
  const a = storage.watch<unknown>(IMPORTED_SETS, () => cb());
  const b = storage.watch<unknown>(CLAIM_SETS_CHANGED, () => cb());
  return () => {
    a();
    b();
  };
}
