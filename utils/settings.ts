import { DEFAULT_SETTINGS, repairSettings, sanitizeSettings, type Settings } from '../lib/settings';
import { versionedItem } from './versioned-item';

/**
 * Settings in `storage.local` under "settings". Version 2: every field present and valid
 * (version 1, 0.1.0's, had no stored version mark and could miss fields; its migration is
 * the field-by-field repair, lib/settings.ts). Every read is repaired too, so corrupt storage
 * never breaks a page, and a corrupt field resets that field only.
 *
 * The versioned item (which runs migrations) is used where settings are written: the
 * background (at start) and the popup. Content scripts only read and watch the key: one
 * storage round trip at page start, and a content script never migrates.
 */
export const SETTINGS_VERSION = 2;

export const settingsStore = versionedItem<Settings>({
  key: 'local:settings',
  name: 'settings',
  version: SETTINGS_VERSION,
  fallback: DEFAULT_SETTINGS,
  repair: repairSettings,
});

/** Reads through the versioned item (popup, options, background). */
export async function getSettings(): Promise<Settings> {
  try {
    return await settingsStore.get();
  } catch (err) {
    console.warn('Factmark: could not read settings, using defaults:', err);
    return sanitizeSettings(null).settings;
  }
}

/** One plain read of the stored value (content scripts). */
export const readSettings = (): Promise<Settings> => settingsStore.read();

/** Saves the settings; rejects (e.g. quota) with the stored settings unchanged. */
export async function saveSettings(settings: Settings): Promise<void> {
  await settingsStore.set(sanitizeSettings(settings).settings);
}

/** Calls back with sanitised settings whenever they change (no migration run). */
export const watchSettings = (cb: (settings: Settings) => void): (() => void) =>
  settingsStore.watch(cb);
