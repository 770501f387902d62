import { addHidden, removeHidden, repairHidden, type HiddenEntry } from '../lib/hidden';
import { versionedItem } from './versioned-item';

export type { HiddenEntry };

/**
 * The marks the reader hid ("Not this claim" on the card), in `storage.local` under
 * "hidden". Never sent anywhere. Version 2: a list of well-formed entries (version 1, 0.1.0's,
 * was written without a version mark; its migration drops the entries that are not well
 * formed and keeps the others). Plain reads: the content script reads it at page start.
 */
export const HIDDEN_VERSION = 2;

export const hiddenItem = versionedItem<HiddenEntry[]>({
  key: 'local:hidden',
  name: 'hidden',
  version: HIDDEN_VERSION,
  fallback: [],
  repair: repairHidden,
});

export const readHidden = (): Promise<HiddenEntry[]> => hiddenItem.read();

export async function hide(entry: HiddenEntry): Promise<void> {
  await hiddenItem.set(addHidden(await readHidden(), entry));
}

export async function unhide(entry: HiddenEntry): Promise<void> {
  await hiddenItem.set(removeHidden(await readHidden(), entry));
}

/** Calls back with the sanitised list whenever it changes. */
export const watchHidden = (cb: (list: HiddenEntry[]) => void): (() => void) =>
  hiddenItem.watch(cb);
