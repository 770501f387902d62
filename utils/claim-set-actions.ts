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

/**
 * After a change is stored: the background compiles what changed and tells the tabs. A
 * background that cannot be reached reads the store anew when it starts.
 */
async function told(): Promise<void> {
  try {
    await sendToBackground({ type: Msg.POPUP_BG_IMPORTED });
  } catch (err) {
    console.warn('Factmark: the background could not be told of the change:', err);
  }
}

/**
 * What the claim-set panel's buttons do (popup and options page): store (IndexedDB, one
 * transaction; a failure rejects with nothing changed), tell the background, then `refresh`.
 */
export function claimSetActions(refresh: () => Promise<void>): ClaimSetActions {
  const after = async (change: Promise<void>) => {
    await change;
    await told();
    await refresh();
  };
  return {
    onImport: (fileName, records) => after(addImportedSet(fileName, records)),
    onEnable: (id, enabled) => after(setImportedEnabled(id, enabled)),
    onRemove: (id) => after(removeImportedSet(id)),
  };
}
