import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  launchWithExtension,
  openPopupFor,
  serveStatic,
  tabIdOf as harnessTabIdOf,
  type ExtensionBrowser,
  type StaticServer,
} from '../../tools/browser-harness';
import { HOST_TAG } from '../../dom/overlay-host';
import { TIMING } from '../../dom/timing';
import { Msg } from '../../utils/messages';

export { HOST_TAG, TIMING };

/** The slice of the extension API the tests call inside the service worker. */
declare const chrome: {
  runtime: { onMessage: { addListener(fn: (msg: { type?: string }) => void): void } };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

export const SEED_IDS = [
  'ru-holds-fifth-of-ukraine',
  'ru-annexed-four-regions-2022',
  'ru-annexed-crimea-2014',
  'trump-end-war-24-hours',
  'us-28-point-peace-plan',
  'gaza-ceasefire-trump',
].sort();

export interface Env {
  ext: ExtensionBrowser;
  server: StaticServer;
  context: BrowserContext;
}

/**
 * Starts one browser for the calling test file (beforeAll) and closes it after (afterAll);
 * returns a getter for it.
 */
export function useBrowser(opts: { lang?: string } = {}): () => Env {
  let env: Env | undefined;
  beforeAll(async () => {
    env = await setup(opts);
  });
  afterAll(async () => teardown(env));
  return () => {
    if (!env) throw new Error('browser not started');
    return env;
  };
}

export async function setup(opts: { lang?: string } = {}): Promise<Env> {
  const server = await serveStatic('tests/fixtures/pages');
  const ext = await launchWithExtension(opts);
  return { ext, server, context: ext.context };
}

export async function teardown(env: Env | undefined): Promise<void> {
  await env?.ext.close();
  await env?.server.close();
}

/** Claim ids of every marker Factmark shows on the page, sorted (with repeats). */
export async function markedClaims(page: Page): Promise<string[]> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const inShadow = host?.shadowRoot
      ? Array.from(host.shadowRoot.querySelectorAll('[data-factmark-claim]'))
      : [];
    const inPage = Array.from(document.querySelectorAll('[data-factmark-claim]'));
    return [...inShadow, ...inPage].map((e) => e.getAttribute('data-factmark-claim') ?? '').sort();
  }, HOST_TAG);
}

/** Waits until the page shows at least `n` markers (or throws after the timeout). */
export async function waitForMarks(page: Page, n = 1, timeout = 10_000): Promise<string[]> {
  await page.waitForFunction(
    ([tag, min]) => {
      const host = document.querySelector(tag);
      return (host?.shadowRoot?.querySelectorAll('[data-factmark-claim]').length ?? 0) >= min;
    },
    [HOST_TAG, n] as const,
    { timeout },
  );
  return markedClaims(page);
}

/** Waits until no marker and no highlight is left. */
export async function waitForNoMarks(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (tag) =>
      document.querySelectorAll('[data-factmark-claim]').length === 0 &&
      !document.querySelector(tag) &&
      CSS.highlights.size === 0,
    HOST_TAG,
    { timeout },
  );
}

/** The id of the tab showing `page`, read by the extension's service worker. */
export function tabIdOf(env: Env, page: Page): Promise<number> {
  return harnessTabIdOf(env.ext, page);
}

/** Opens the popup for `page`'s tab, as a page of its own. */
export function openPopup(env: Env, page: Page): Promise<Page> {
  return openPopupFor(env.ext, page);
}

/** Opens the options page as a tab. */
export async function openOptions(env: Env): Promise<Page> {
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.ext.extensionId}/options.html`);
  await options.waitForSelector('.fm-options:not([aria-busy])');
  return options;
}

/** Whether the document's body text now equals the body text of the HTML as served. */
export async function bodyTextUnchanged(
  page: Page,
): Promise<{ same: boolean; live: string; served: string }> {
  return page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    const live = document.body.textContent ?? '';
    return { same: served === live, live: live.slice(0, 200), served: served.slice(0, 200) };
  });
}

/** The toolbar badge text of a tab. */
export async function badgeText(env: Env, tabId: number): Promise<string> {
  return env.ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Waits until Factmark has finished reading the page `n` times (its TIMING.scanDone marks). */
export async function waitForScans(page: Page, n = 1): Promise<void> {
  await page.waitForFunction(([name, min]) => performance.getEntriesByName(name).length >= min, [
    TIMING.scanDone,
    n,
  ] as const);
}

/** The claim id of the marker focused in Factmark's overlay, if any. */
export async function focusedClaim(page: Page): Promise<string | null> {
  return page.evaluate(
    (tag) =>
      document.querySelector(tag)?.shadowRoot?.activeElement?.getAttribute('data-factmark-claim') ??
      null,
    HOST_TAG,
  );
}

/**
 * Starts counting the match requests the background receives from now on; the returned
 * function reads the count.
 */
export async function countMatchRequests(env: Env): Promise<() => Promise<number>> {
  const type = Msg.CS_BG_MATCH;
  await env.ext.worker.evaluate((t) => {
    const g = globalThis as unknown as { __fmRequests?: number; __fmCounting?: boolean };
    g.__fmRequests = 0;
    if (g.__fmCounting) return;
    g.__fmCounting = true;
    chrome.runtime.onMessage.addListener((msg: { type?: string }) => {
      if (msg?.type === t) g.__fmRequests = (g.__fmRequests ?? 0) + 1;
    });
  }, type);
  return () =>
    env.ext.worker.evaluate(
      () => (globalThis as unknown as { __fmRequests?: number }).__fmRequests ?? 0,
    );
}
