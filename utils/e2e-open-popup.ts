import { browser } from 'wxt/browser';
import { sendToBackground } from './messaging';
import { Msg } from './messages';

/**
 * The e2e build only (`wxt build --mode e2e`; callers check `import.meta.env.MODE`, so the
 * production builds leave it out): the Firefox tests' way to the popup. WebDriver BiDi will
 * not navigate a tab to a moz-extension:// URL, and a page cannot open one, so the test page
 * fires this event, the content script asks the background, and the background opens the
 * popup for that tab as a tab of its own (`popup.html?tab=ID`, as the Chromium tests do).
 */
export const OPEN_POPUP_EVENT = 'factmark-e2e-open-popup';

/** Content script side: the page's event becomes a message to the background. */
export function relayOpenPopup(target: EventTarget): void {
  target.addEventListener(OPEN_POPUP_EVENT, () => {
    sendToBackground({ type: Msg.E2E_OPEN_POPUP }).catch(() => {});
  });
}

/** Background side: opens the popup for the sending tab. */
export async function openPopupFor(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?tab=${tabId}`) });
}
