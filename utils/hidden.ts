import { storage } from '@wxt-dev/storage';
import { addHidden, removeHidden, sanitizeHidden, type HiddenEntry } from '../lib/hidden';

export type { HiddenEntry };

/**
 * The marks the reader hid ("Not this claim" on the card), in `storage.local` under
 * "hidden". Never sent anywhere. Every read goes through sanitizeHidden (so a future shape
 * change is a sanitising step). Plain reads: the content script reads it at page start.
 */
const KEY = 'local:hidden';

function sanitized(raw: unknown): HiddenEntry[] {
  const { list, problems } = sanitizeHidden(raw);
  for (const p of problems) console.warn(`Factmark: ${p}`);
  return list;
}

export async function readHidden(): Promise<HiddenEntry[]> {
  try {
    return sanitized(await storage.getItem<unknown>(KEY));
  } catch (err) {
    console.warn('Factmark: could not read the hidden marks:', err);
    return [];
  }
}

export async function hide(entry: HiddenEntry): Promise<void> {
  await storage.setItem(KEY, addHidden(await readHidden(), entry));
}

export async function unhide(entry: HiddenEntry): Promise<void> {
  await storage.setItem(KEY, removeHidden(await readHidden(), entry));
}

/** Calls back with the sanitised list whenever it changes. */
export function watchHidden(cb: (list: HiddenEntry[]) => void): () => void {
  return storage.watch<unknown>(KEY, (raw) => cb(sanitizeHidden(raw).list));
}
