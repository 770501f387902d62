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
  return queue(() => save(found, reason, at, [])).catch((err: unknown) => {
    console.warn('Factmark: could not save the notice about reset data:', err);
  });
}

/**
 * Writes a repaired item (`entries`: its value and version, utils/versioned-item.ts
 * `versionedEntries`) and the notice of what its repair reset in one `storage.local.set`: a
 * browser closed in between can never keep the repaired value and lose the notice (the next
 * start would find nothing to repair, and the reader would never be told). Rejects, with
 * nothing written, when the write fails.
 */
export function writeRepaired(
  entries: { key: `local:${string}`; value: unknown }[],
  found: Repaired<unknown>['notices'],
  reason: ResetReason,
  at = new Date().toISOString(),
): Promise<void> {
  return queue(() => save(found, reason, at, entries));
}

function queue(job: () => Promise<void>): Promise<void> {
  const run = saving.then(job);
  saving = run.catch(() => {});
  return run;
}

async function save(
  found: Repaired<unknown>['notices'],
  reason: ResetReason,
  at: string,
  alongside: { key: `local:${string}`; value: unknown }[],
) {
  const next = addNotices(
    await readNotices(),
    found.map((n) => ({ ...n, reason, at })),
  );
  await storage.setItems([
    ...alongside,
    { key: KEY, value: next },
    { key: `${KEY}$`, value: { v: NOTICES_VERSION } },
  ]);
}

export async function clearNotices(): Promise<void> {
  await storage.removeItem(KEY);
}

export function watchNotices(cb: (list: StorageNotice[]) => void): () => void {
  return storage.watch<unknown>(KEY, (raw) => cb(sanitizeNotices(raw)));
}
