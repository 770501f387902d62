import { defineBackground } from 'wxt/utils/define-background';
import { browser, type PublicPath } from 'wxt/browser';
import { Msg, type MatchReply, type MatchRequest, type SetInfo } from '../utils/messages';
import { ClaimSets, importedSetsItem } from '../utils/claim-sets';

/**
 * Background: holds the claim index (loaded once, shared by all tabs, so a tab pays only
 * for its content script), answers match requests and keeps the toolbar badge.
 */
export default defineBackground(() => {
  // Written by `npm run claims:build` before WXT builds, so it is not a typed path yet at
  // type-check time on a fresh clone.
  const bundledUrl = browser.runtime.getURL('/claims/bundled.json' as PublicPath);
  const sets = new ClaimSets(() => fetch(bundledUrl));
  sets.warm();
  const action = browser.action ?? browser.browserAction;
  // Imports, switches and removals in the popup take effect at once.
  importedSetsItem.watch(() => sets.reloadImported());

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = raw as { type?: string };
    switch (msg?.type) {
      case Msg.CS_BG_MATCH:
        return sets.match(raw as MatchRequest) satisfies Promise<MatchReply>;
      case Msg.CS_BG_COUNT: {
        const tabId = sender.tab?.id;
        const count = (raw as { count?: unknown }).count;
        if (tabId === undefined || typeof count !== 'number') return undefined;
        void action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
        void action.setBadgeBackgroundColor({ tabId, color: '#57606a' });
        return undefined;
      }
      case Msg.POPUP_BG_SETS:
        return sets.info() satisfies Promise<SetInfo[]>;
      default:
        return undefined;
    }
  });
});
