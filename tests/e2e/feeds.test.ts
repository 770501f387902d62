/**
 * Claim feeds end to end, against a real feed server on 127.0.0.1 (tests/e2e/feed-server.ts).
 * Runs the e2e build (`wxt build --mode e2e`), whose manifest grants http://127.0.0.1/* at
 * install: headless Chromium cannot click the optional-permission prompt, so the panel's
 * `permissions.request` resolves at once for the test server's origin (README "Claim feeds").
 */
// Playwright reports a service worker's own requests only with this set (Chromium).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, serveStatic } from '../../tools/browser-harness';
import { HOST_TAG, markedClaims, openPopup, waitForMarks, waitForScans, type Env } from './helpers';
import { serveFeed, type FeedServer } from './feed-server';

const CONNERY = /^fact-check-sean-connery-letter-steve-jobs-apple-1998-/;
const CONNERY_URL =
  'https://checkyourfact.com/2020/11/03/fact-check-sean-connery-letter-steve-jobs-apple-1998/';
let env: Env;
let feed: FeedServer;
const requests: { url: string; fromWorker: boolean }[] = [];

declare const chrome: { storage: { local: { set(v: object): Promise<void> } } };

beforeAll(async () => {
  feed = await serveFeed();
  const server = await serveStatic('tests/fixtures/pages');
  const ext = await launchWithExtension({ extensionDir: resolve('.output/chrome-mv3-e2e') });
  env = { ext, server, context: ext.context };
  env.context.on('request', (r) =>
    requests.push({ url: r.url(), fromWorker: r.serviceWorker() !== null }),
  );
});
afterAll(async () => {
  await env?.ext.close();
  await env?.server.close();
  await feed?.close();
});

/**
 * Whether the page shows the feed's Connery check: as a mark of its own, or on the card of the
 * bundled PolitiFact check of the same claim (two publishers, one mark).
 */
async function hasConnery(page: Page): Promise<boolean> {
  const ids = await markedClaims(page);
  if (ids.some((id) => CONNERY.test(id))) return true;
  return (await cardText(page)).includes(CONNERY_URL);
}

/** The text and links of the first mark's card (opened by a click, closed again). */
async function cardText(page: Page): Promise<string> {
  const marker = page.locator(`${HOST_TAG} [data-factmark-claim]`).first();
  if ((await marker.count()) === 0) return '';
  await marker.click();
  const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  const links = await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  return `${text}\n${links.join('\n')}`;
}

async function setConfig(config: object): Promise<void> {
  await env.ext.worker.evaluate((c) => chrome.storage.local.set({ feedConfig: c }), {
    intervalMinutes: 1440,
    timeoutMs: 30_000,
    maxBytes: 64_000_000,
    ...config,
  });
}

describe('claim feeds', () => {
  let page: Page;
  let popup: Page;
  const row = () => popup.getByTestId('feed-row');

  test('subscribing marks the feed claim on an open page, without a reload', async () => {
    page = await env.context.newPage();
    await page.goto(`${env.server.origin}/feed-page.html`);
    await waitForScans(page);
    // The bundled set has PolitiFact's check of this claim, not checkyourfact.com's.
    expect(await waitForMarks(page, 1)).toEqual(['pf-18842']);
    expect(await hasConnery(page)).toBe(false);

    popup = await openPopup(env, page);
    await popup.getByTestId('feed-url').fill(`${feed.origin}/feed.json`);
    await popup.getByTestId('feed-subscribe').click();
    await expect.poll(() => row().count()).toBe(1);
    await expect
      .poll(() => popup.getByTestId('feed-meta').textContent())
      .toMatch(/^3 claims · checkyourfact\.com and PolitiFact, reviewed 2020/);
    expect(await popup.getByRole('note').first().textContent()).toMatch(/over a year old/);
    expect(await popup.getByTestId('feed-times').textContent()).not.toMatch(/Last success: never/);

    // PolitiFact's check of the same claim is in the bundled set: one mark, its card lists
    // both checks and names the set each came from.
    expect(await markedClaims(page)).toEqual(['pf-18842']);
    await expect.poll(() => hasConnery(page), { timeout: 10_000 }).toBe(true);
    expect(await markedClaims(page)).toHaveLength(1);
    const card = await cardText(page);
    expect(card).toMatch(/Also checked by:/);
    expect(card).toMatch(/PolitiFact/);
    expect(card).toMatch(/From the claim set “/);
    expect(feed.log).toEqual([{ path: '/feed.json', status: 200 }]);
  });

  test('"Update now" on an unchanged feed costs one 304', async () => {
    await popup.getByTestId('feed-update').click();
    await expect.poll(() => feed.log.length).toBe(2);
    expect(feed.log[1]).toEqual({ path: '/feed.json', ifNoneMatch: '"v1"', status: 304 });
    await expect.poll(() => popup.getByTestId('feed-status').textContent()).toMatch(/^Checked/);
    expect(await popup.getByTestId('feed-error').count()).toBe(0);
    expect(await popup.getByTestId('feed-meta').textContent()).toMatch(/^3 claims/);
  });

  test.each([
    ['corrupt', {}, /no valid claims in the feed/],
    ['error', {}, /HTTP 500/],
    ['slow', { timeoutMs: 1000 }, /timed out/],
    ['big', { maxBytes: 20_000 }, /over its cap of 0\.02 MB/],
    ['shrunk', {}, /shrank from 3 to 1 claims/],
  ] as const)('a %s update keeps the old set and shows why', async (mode, config, message) => {
    await setConfig(config);
    feed.mode = mode;
    const before = feed.log.length;
    await popup.getByTestId('feed-update').click();
    // Longer than the slow case's 1 s fetch timeout (expect.poll gives up after 1 s by default,
    // and would read the error the update before left).
    await expect
      .poll(() => popup.getByTestId('feed-error').textContent(), { timeout: 5_000 })
      .toMatch(message);
    expect(await popup.getByTestId('feed-status').textContent()).toMatch(
      /^Update failed, kept the last good version/,
    );
    expect(feed.log.length).toBe(before + 1);
    expect(await popup.getByTestId('feed-meta').textContent()).toMatch(/^3 claims/);
    expect(await popup.getByTestId('feed-times').textContent()).toMatch(/Last success: .*\d/);
    expect(await hasConnery(page)).toBe(true);
    feed.mode = 'ok';
    await setConfig({});
  });

  test('the extension requested nothing but the feed URL', async () => {
    const own = requests.filter(
      (r) => r.fromWorker || r.url.startsWith(feed.origin) || !r.url.startsWith(env.server.origin),
    );
    const urls = new Set(own.map((r) => r.url).filter((u) => !u.startsWith('chrome-extension://')));
    expect([...urls]).toEqual([`${feed.origin}/feed.json`]);
    // The worker's request was seen (the listener works), and the page's own request is not
    // the extension's.
    expect(own.some((r) => r.fromWorker && r.url === `${feed.origin}/feed.json`)).toBe(true);
  });

  test('removing the feed removes its marks and its row', async () => {
    await popup.getByRole('button', { name: /^Remove 127\.0\.0\.1/ }).click();
    await expect.poll(() => row().count()).toBe(0);
    await expect.poll(() => hasConnery(page)).toBe(false);
    await popup.close();
    await page.close();
  });
});
