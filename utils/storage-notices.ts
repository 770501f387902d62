/**
 * The notices about stored data that was reset (lib/storage-notices.ts), kept in
 * `storage.local` under "storageNotices" (version 1) until the reader dismisses them in the
 * popup or the options page.
 */
import { storage } from '@wxt-dev/storage';
import {
  addNotices,
  sanitizeNotices,
  type Repaired,
  type ResetReason,
  type StorageNotice,
} from '../lib/storage-notices';

const KEY = 'local:storageNotices';
export const NOTICES_VERSION = 1;

export async function readNotices(): Promise<StorageNotice[]> {
  try {
    return sanitizeNotices(await storage.getItem<unknown>(KEY));
  } catch {
    return [];
  }
}

/**
 * Saves in this context one after another: each is a read and a write of the whole list, so
 * two at once (the start's check, an item's migration, an imported set's repair) would lose
 * one of them.
 */
let saving: Promise<void> = Promise.resolve();

/** Adds what a repair found (nothing is written when it found nothing). Never rejects. */
export function saveNotices(
  found: Repaired<unknown>['notices'],
  reason: ResetReason,
  at = new Date().toISOString(),
): Promise<void> {
  if (found.length === 0) return Promise.resolve();
  saving = saving.then(() => save(found, reason, at));
  return saving;
}

async function save(found: Repaired<unknown>['notices'], reason: ResetReason, at: string) {
  try {
    const next = addNotices(
      await readNotices(),
      found.map((n) => ({ ...n, reason, at })),
    );
    await storage.setItems([
      { key: KEY, value: next },
      { key: `${KEY}$`, value: { v: NOTICES_VERSION } },
    ]);
  } catch (err) {
    console.warn('Factmark: could not save the notice about reset data:', err);
  }
}

export async function clearNotices(): Promise<void> {
  await storage.removeItem(KEY);
}

export function watchNotices(cb: (list: StorageNotice[]) => void): () => void {
  return storage.watch<unknown>(KEY, (raw) => cb(sanitizeNotices(raw)));
}
