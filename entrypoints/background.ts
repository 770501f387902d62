import { defineBackground } from 'wxt/utils/define-background';
import { browser, type PublicPath } from 'wxt/browser';
import { Msg, type ToBackground } from '../utils/messages';
import { answer } from '../utils/messaging';
import { MatchingService } from '../lib/matching-service';
import { importedSource, importedStore } from '../utils/imported-sets';
import { checkStoredData } from '../utils/storage-check';
import { bumpClaimSetsChanged } from '../utils/feed-config';
import { StoredSets } from '../lib/stored-sets';
import { listenToCommands } from '../utils/commands';
import { listenToContextMenu } from '../utils/context-menu';
import { startFeeds } from '../utils/background-feeds';
import { openPopupFor } from '../utils/e2e-open-popup';
import { semanticHost } from '../utils/semantic-host';
import { saveSemanticFailure } from '../utils/semantic-status';
import { reportingFailures } from '../lib/semantic/failure';

/**
 * Background: holds the claim index (loaded once, shared by all tabs, so a tab pays only
 * for its content script), answers match requests and keeps the toolbar badge.
 */
export default defineBackground(() => {
  // Each stored item's migrations, then the check that resets only what cannot be read and
  // tells the reader, then imported sets left in storage.local moved to IndexedDB
  // (utils/storage-check.ts). The imported sets are read once that is done.
  const imports = importedStore();
  const checked = checkStoredData(imports);
  // Imported sets (IndexedDB, utils/imported-sets.ts): compiled in memory, a changed one only.
  const imported = new StoredSets(importedSource(checked, imports), () => {}, 'imported sets');
  // Written by `npm run claims:build` before WXT builds, so they are not typed paths yet at
  // type-check time on a fresh clone.
  const url = (file: string) => browser.runtime.getURL(`/claims/${file}` as PublicPath);
  const read = async (file: string): Promise<Response> => {
    const res = await fetch(url(file));
    if (!res.ok) throw new Error(`claims/${file}: HTTP ${res.status}`);
    return res;
  };
  // index.bin (~11 MB) is read as one ArrayBuffer and loaded as views over it (~2 ms); the
  // display files (~170 KB each) only when a matched claim needs its card.
  // Subscribed claim feeds (utils/background-feeds.ts): their sets, schedule and messages.
  const feeds = startFeeds();
  const service = new MatchingService({
    feeds,
    fetchIndex: async () => (await read('index.bin')).arrayBuffer(),
    fetchShard: async (file) => (await read(file)).json() as Promise<unknown>,
    imported,
    // The semantic pass's model, started when a page first asks for it ("Find restatements");
    // a failure is kept for the options page to show, until the model answers again.
    semantic: reportingFailures(semanticHost(), saveSemanticFailure),
  });
  service.warm();
  const action = browser.action ?? browser.browserAction;

  // Keyboard shortcuts (manifest `commands`).
  listenToCommands();
  // "Check with Factmark" on selected text.
  listenToContextMenu((text) => service.lookup(text));

  answer<ToBackground>({
    [Msg.CS_BG_MATCH]: (msg) => service.match(msg),
    [Msg.CS_BG_COUNT]: (msg, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || typeof msg.count !== 'number') return;
      void action.setBadgeText({ tabId, text: msg.count > 0 ? String(msg.count) : '' });
      void action.setBadgeBackgroundColor({ tabId, color: '#57606a' });
    },
    [Msg.POPUP_BG_SETS]: () => service.info(),
    // Imports, switches and removals in the popup take effect at once: once compiled, every
    // tab matches again (it watches the counter, never the sets).
    [Msg.POPUP_BG_IMPORTED]: async () => {
      await imported.reload();
      await bumpClaimSetsChanged();
    },
    // The Firefox e2e tests' way to the popup; a no-op outside the e2e build.
    [Msg.E2E_OPEN_POPUP]: (_msg, sender) =>
      import.meta.env.MODE === 'e2e' ? openPopupFor(sender.tab?.id) : undefined,
  });
});
