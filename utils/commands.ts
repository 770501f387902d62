import { browser } from 'wxt/browser';
import { Msg } from './messages';
import { sendToTab } from './messaging';
import { getSettings, saveSettings } from './settings';

/**
 * The keyboard shortcuts (manifest `commands` in wxt.config.ts; the reader changes the keys
 * in the browser's shortcut settings): switch the marks on or off everywhere, and go to the
 * next or previous claim on the active tab.
 */
export const COMMANDS = ['toggle-marks', 'next-claim', 'previous-claim'] as const;
export type Command = (typeof COMMANDS)[number];

export async function runCommand(name: string): Promise<void> {
  if (name === 'toggle-marks') {
    const s = await getSettings();
    await saveSettings({ ...s, enabled: !s.enabled });
    return;
  }
  if (name !== 'next-claim' && name !== 'previous-claim') return;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id === undefined) return;
  await sendToTab(tab.id, { type: Msg.BG_CS_STEP, dir: name === 'next-claim' ? 1 : -1 }).catch(
    () => {}, // no content script on this tab (a browser page)
  );
}

export function listenToCommands(): void {
  browser.commands?.onCommand.addListener((name: string) => void runCommand(name));
  // A headless browser cannot press an extension's shortcut: the e2e tests call the same
  // handler the shortcut calls through this name, in the service worker.
  (globalThis as { factmarkRunCommand?: typeof runCommand }).factmarkRunCommand = runCommand;
}
