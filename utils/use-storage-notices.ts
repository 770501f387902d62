import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/settings';
import type { StorageNotice } from '../lib/storage-notices';
import { getSettings, saveSettings } from './settings';
import { clearNotices, readNotices, watchNotices } from './storage-notices';
import { errorMessage } from '../lib/error-message';

/**
 * The popup's and the options page's storage notices: what was reset (until dismissed), and
 * a settings save that failed (the settings shown go back to the stored ones).
 */
export function useStorageNotices(setSettings: (s: Settings) => void) {
  const [notices, setNotices] = useState<StorageNotice[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => {
    void readNotices().then(setNotices);
    return watchNotices(setNotices);
  }, []);
  return {
    notices,
    saveError,
    dismiss: () => {
      setNotices([]);
      void clearNotices();
    },
    /** Shows the new settings at once and stores them; a failed write shows the stored ones. */
    save: (next: Settings) => {
      setSettings(next);
      saveSettings(next).then(
        () => setSaveError(null),
        async (err: unknown) => {
          setSaveError(errorMessage(err));
          setSettings(await getSettings());
        },
      );
    },
  };
}
