import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from '../../tools/browser-harness';
import { OPEN_POPUP_EVENT } from '../../utils/e2e-open-popup';

/**
 * The Firefox end-to-end tests' browser: Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi (there is no geckodriver), with the e2e Firefox build
 * (`wxt build -b firefox --mode e2e`) installed as a temporary add-on.
 */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2-e2e');

export interface FirefoxEnv {
  browser: Browser;
  server: StaticServer;
}

/** One Firefox for the calling test file (beforeAll), closed after it (afterAll). */
export function useFirefox(): () => FirefoxEnv {
  let env: FirefoxEnv | undefined;
  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`${FIREFOX_EXTENSION_DIR} not found: run "npm run test:firefox"`);
    }
    if (!existsSync(FIREFOX)) {
      throw new Error(`${FIREFOX} not found: apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
    }
    const server = await serveStatic('tests/fixtures/pages');
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
    });
    env = { browser, server };
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  });
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
  });
  return () => {
    if (!env) throw new Error('Firefox not started');
    return env;
  };
}

/** The page's own address: puppeteer reports a moz-extension:// tab as about:blank. */
const hrefOf = (p: Page): Promise<string> => p.evaluate(() => location.href).catch(() => '');

/**
 * Opens the popup for `page`'s tab, as a tab of its own. BiDi refuses to navigate to a
 * moz-extension:// URL, so the page asks the e2e build's content script, whose background
 * opens `popup.html?tab=ID` (utils/e2e-open-popup.ts).
 */
export async function openPopup(env: FirefoxEnv, page: Page): Promise<Page> {
  const before = new Set(await env.browser.pages());
  await page.evaluate((name) => window.dispatchEvent(new CustomEvent(name)), OPEN_POPUP_EVENT);
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    for (const p of await env.browser.pages()) {
      if (before.has(p)) continue;
      if (/^moz-extension:\/\/[^/]+\/popup\.html\?tab=\d+$/.test(await hrefOf(p))) {
        await p.waitForSelector('.fm-popup:not([aria-busy])');
        return p;
      }
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('the popup did not open');
}
