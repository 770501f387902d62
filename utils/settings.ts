import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../lib/settings';

/**
 * Settings in `storage.local` under "settings", versioned from the first release (add
 * `migrations` when the shape changes). Every read goes through sanitizeSettings, so corrupt
 * storage never breaks a page.
 *
 * The versioned item (which runs migrations when defined) is used where settings are written:
 * the background (at start) and the popup. Content scripts only read and watch the key: one
 * storage round trip at page start instead of the item's migration check, and a content
 * script never migrates (the background has done it).
 */
const KEY = 'local:settings';
let item: ReturnType<typeof defineSettingsItem> | null = null;

function defineSettingsItem() {
  return storage.defineItem<unknown>(KEY, { fallback: DEFAULT_SETTINGS, version: 1 });
}

/** The versioned item; defining it runs pending migrations (background and popup only). */
export function settingsItem() {
  item ??= defineSettingsItem();
  return item;
}

function sanitized(raw: unknown): Settings {
  const { settings, problems } = sanitizeSettings(raw);
  for (const p of problems) console.warn(`Factmark: ${p}`);
  return settings;
}

/** Reads through the versioned item (popup). */
export async function getSettings(): Promise<Settings> {
  try {
    return sanitized(await settingsItem().getValue());
  } catch (err) {
    console.warn('Factmark: could not read settings, using defaults:', err);
    return sanitizeSettings(null).settings;
  }
}

/** One plain read of the stored value (content scripts). */
export async function readSettings(): Promise<Settings> {
  try {
    return sanitized(await storage.getItem<unknown>(KEY));
  } catch (err) {
    console.warn('Factmark: could not read settings, using defaults:', err);
    return sanitizeSettings(null).settings;
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem().setValue(sanitizeSettings(settings).settings);
}

/** Calls back with sanitised settings whenever they change (no migration run). */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return storage.watch<unknown>(KEY, (raw) => cb(sanitizeSettings(raw).settings));
}
