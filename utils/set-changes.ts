/**
 * What a content script watches to match its page again: `claimSetsChanged`, a counter the
 * background bumps once a changed claim set (an import added, switched or removed, a feed's
 * new version) is compiled and matchable (utils/feed-config.ts). A plain watch of a number:
 * a tab never reads or receives a set's claims (the sets live in IndexedDB), never migrates,
 * and bundles none of the sets' validation.
 */
import { storage } from '@wxt-dev/storage';

export const CLAIM_SETS_CHANGED = 'local:claimSetsChanged';

export function watchSetChanges(cb: () => void): () => void {
  return storage.watch<unknown>(CLAIM_SETS_CHANGED, () => cb());
}
