import { browser } from 'wxt/browser';
import type { LookupHit } from '../lib/selection-lookup';
import { t } from './i18n';
import { Msg } from './messages';
import { sendToTab } from './messaging';

/**
 * "Check with Factmark" in the context menu of selected text (the `contextMenus`
 * permission, README): the background ranks the selection against the claim sets and the
 * tab's content script shows the best fact checks by it. The selection goes from the browser
 * to the background and back to the tab: never anywhere else.
 */
export const MENU_ID = 'factmark-check';

export async function checkSelection(
  tabId: number,
  text: string,
  lookup: (text: string) => Promise<LookupHit[]>,
): Promise<void> {
  const hits = await lookup(text);
  await sendToTab(tabId, { type: Msg.BG_CS_LOOKUP, text, hits }).catch(() => {});
}

export function listenToContextMenu(lookup: (text: string) => Promise<LookupHit[]>): void {
  const menus = browser.contextMenus ?? (browser as { menus?: typeof browser.contextMenus }).menus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: MENU_ID, title: t('ctxCheck'), contexts: ['selection'] }, () => {
      void browser.runtime.lastError; // created already (an update): nothing to do
    });
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !info.selectionText) return;
    void checkSelection(tab.id, info.selectionText, lookup);
  });
  // The e2e tests cannot click a native context menu: they call the handler the menu calls.
  (globalThis as { factmarkCheckSelection?: unknown }).factmarkCheckSelection = (
    tabId: number,
    text: string,
  ) => checkSelection(tabId, text, lookup);
}
