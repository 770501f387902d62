import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../lib/settings';

/**
 * The settings item, versioned from the first release (add `migrations` when the shape
 * changes). Reads always go through sanitizeSettings, so corrupt storage never breaks a page.
 */
const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  try {
    const { settings, problems } = sanitizeSettings(await settingsItem.getValue());
    for (const p of problems) console.warn(`Factmark: ${p}`);
    return settings;
  } catch (err) {
    console.warn('Factmark: could not read settings, using defaults:', err);
    return sanitizeSettings(null).settings;
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(sanitizeSettings(settings).settings);
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => cb(sanitizeSettings(raw).settings));
}
