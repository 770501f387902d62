import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { Msg, type MatchReply, type MatchRequest, type SetInfo } from '../utils/messages';
import { ClaimSets } from '../utils/claim-sets';

/**
 * Background: holds the claim index (loaded once, shared by all tabs, so a tab pays only
 * for its content script), answers match requests and keeps the toolbar badge.
 */
export default defineBackground(() => {
  const sets = new ClaimSets(() => fetch(browser.runtime.getURL('/claims/bundled.json')));
  const action = browser.action ?? browser.browserAction;

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
      case Msg.POPUP_BG_SETS_CHANGED:
        sets.reloadImported();
        return Promise.resolve(true);
      default:
        return undefined;
    }
  });
});
