import type { ClaimSetActions } from '../components/ClaimSetPanel';
import { addImportedSet, removeImportedSet, setImportedEnabled } from './imported-sets';
import { Msg, type SetInfo } from './messages';
import { sendToBackground } from './messaging';

/** The claim sets as the background holds them (none if it cannot be reached). */
export async function fetchSets(): Promise<SetInfo[]> {
  try {
    return (await sendToBackground({ type: Msg.POPUP_BG_SETS })) ?? [];
  } catch {
    return [];
  }
}

/** What the claim-set panel's buttons do (popup and options page): store, then `refresh`. */
export function claimSetActions(refresh: () => Promise<void>): ClaimSetActions {
  return {
    onImport: async (fileName, records) => {
      await addImportedSet(fileName, records);
      await refresh();
    },
    onEnable: async (id, enabled) => {
      await setImportedEnabled(id, enabled);
      await refresh();
    },
    onRemove: async (id) => {
      await removeImportedSet(id);
      await refresh();
    },
  };
}
