/**
 * What leaves the browser and what stays in it (README "Security and privacy").
 *
 * Chromium runs behind a recording proxy (tests/e2e/record-proxy.ts) that every request of
 * the browser goes through, loopback included: the pages', the service worker's, the popup's,
 * the options page's and any offscreen document's. Chromium makes a few requests of its own
 * (its sign-in's account list, autofill hints); a first run without Factmark, visiting the
 * same pages, records them. While Factmark annotates two pages and the reader changes every
 * setting, the proxy may see the test pages' own requests and, beyond them, only hosts that
 * Chromium without Factmark asked for too; and no extension page or worker asks for anything
 * but the extension's own files. Then the extension's whole storage (storage.local, .sync, .session and every IndexedDB
 * database) is read from the service worker: no page URL and no run of the pages' text may be
 * in it, except what "Not this claim" keeps on purpose (the page and the marked sentence, so
 * the mark stays hidden), and restoring that mark takes it out again.
 */
// Playwright reports a service worker's own requests only with this set (Chromium).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  launchWithExtension,
  serveStatic,
  type StaticServer,
} from '../../tools/browser-harness';
import {
  HOST_TAG,
  SEED_IDS,
  markedClaims,
  openOptions,
  openPopup,
  waitForMarks,
  waitForScans,
  type Env,
} from './helpers';
import { startRecordingProxy, type RecordingProxy } from './record-proxy';

let env: Env;
let server: StaticServer;
let proxy: RecordingProxy;
let before = '';
/** Hosts that Chromium without Factmark asked for (its own requests). */
let chromiumOwn = new Set<string>();
/** Requests made by the extension's own pages and worker. */
const fromExtension: string[] = [];

interface OffscreenChrome {
  runtime: { getContexts(f: { contextTypes: string[] }): Promise<{ documentUrl: string }[]> };
}

declare const chrome: {
  storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<object> }>;
};

/** Everything the extension keeps, as one lower-cased string (read in the service worker). */
async function storageDump(): Promise<string> {
  const dump = await env.ext.worker.evaluate(async () => {
    const out: Record<string, unknown> = {};
    for (const area of ['local', 'sync', 'session'] as const) {
      out[area] = await chrome.storage[area].get(null);
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open(info.name as string);
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const stores: Record<string, unknown> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        stores[name] = await new Promise((ok, fail) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => ok(req.result);
          req.onerror = () => fail(req.error);
        });
      }
      db.close();
      out[`indexedDB:${info.name}`] = stores;
    }
    return JSON.stringify(out);
  });
  return fold(dump);
}

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Every run of six words of a page's visible text. */
async function shingles(page: Page): Promise<string[]> {
  const text = fold(await page.evaluate(() => document.body.innerText));
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 6 <= words.length; i++) out.add(words.slice(i, i + 6).join(' '));
  return [...out];
}

/** The page's six-word runs found in `dump` (words joined however the dump joins them). */
function leakedRuns(runs: string[], dump: string): string[] {
  const words = fold(dump)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
  const base = fold(before)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
  return runs.filter((r) => words.includes(r) && !base.includes(r));
}

const proxyArgs = (p: RecordingProxy) => [
  `--proxy-server=${p.address}`,
  '--proxy-bypass-list=<-loopback>',
];

/** The host of each request in `seen` that is not the page server's. */
function foreignHosts(seen: string[]): string[] {
  const origin = server.origin;
  return seen
    .filter((r) => !r.startsWith(`GET ${origin}/`))
    .map((r) => {
      const target = r.split(' ')[1] ?? '';
      return r.startsWith('CONNECT ') ? target.replace(/:\d+$/, '') : new URL(target).hostname;
    });
}

/** The same visits in Chromium without Factmark, behind a proxy of their own. */
async function chromiumAlone(): Promise<string[]> {
  const own = await startRecordingProxy([new URL(server.origin).host]);
  const dir = await mkdtemp(join(tmpdir(), 'factmark-control-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...proxyArgs(own)],
  });
  try {
    for (const path of ['/demo-article.html', '/seed-variant.html', '/restated.html']) {
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}`);
      await page.waitForTimeout(1500);
    }
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
    await own.close();
  }
  expect(own.seen).toContain(`GET ${server.origin}/demo-article.html`);
  return foreignHosts(own.seen);
}

beforeAll(async () => {
  server = await serveStatic('tests/fixtures/pages');
  chromiumOwn = new Set(await chromiumAlone());
  proxy = await startRecordingProxy([new URL(server.origin).host]);
  const ext = await launchWithExtension({ args: proxyArgs(proxy) });
  env = { ext, server, context: ext.context };
  env.context.on('request', (r) => {
    const byWorker = r.serviceWorker() !== null;
    let frameUrl: string;
    try {
      frameUrl = byWorker ? '' : r.frame().url();
    } catch {
      // A dedicated worker's request (the semantic channel's model) may have no frame.
      frameUrl = r.url();
    }
    if (byWorker || frameUrl.startsWith('chrome-extension:')) fromExtension.push(r.url());
  });
  before = await storageDump();
});
afterAll(async () => {
  await env?.ext.close();
  await server?.close();
  await proxy?.close();
});

describe('privacy', () => {
  const pages: Page[] = [];

  test('annotating pages and changing every setting: no request but the pages’ own', async () => {
    const page = await env.context.newPage();
    pages.push(page);
    await page.goto(`${env.server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    await page.locator(`${HOST_TAG} [data-factmark-claim]`).first().click();
    await page.keyboard.press('Escape');

    const popup = await openPopup(env, page);
    const toggles = ['toggle-everywhere', 'toggle-site'];
    for (const id of toggles) {
      await popup.getByTestId(id).uncheck();
      await popup.getByTestId(id).check();
    }
    for (const s of ['broad', 'strict', 'balanced']) {
      await popup.locator(`input[name="strictness"][value="${s}"]`).check();
    }
    const verdict = popup.locator('.fm-verdicts input').first();
    await verdict.uncheck();
    await verdict.check();
    await popup.close();
    const options = await openOptions(env);
    await options.close();

    const variant = await env.context.newPage();
    pages.push(variant);
    await variant.goto(`${env.server.origin}/seed-variant.html`);
    await waitForMarks(variant, SEED_IDS.length);
    await page.bringToFront();
    await waitForMarks(page, SEED_IDS.length);

    const origin = env.server.origin;
    // The proxy works: it carried the pages themselves.
    expect(proxy.seen).toContain(`GET ${origin}/demo-article.html`);
    expect(proxy.seen).toContain(`GET ${origin}/seed-variant.html`);
    expect(foreignHosts(proxy.seen).filter((h) => !chromiumOwn.has(h))).toEqual([]);
    // The worker read the claim index and the popup its script (the listener sees both);
    // neither asked for anything else.
    const own = `chrome-extension://${env.ext.extensionId}/`;
    expect(fromExtension).toContain(`${own}claims/index.bin`);
    expect(fromExtension.some((u) => u.startsWith(`${own}chunks/popup`))).toBe(true);
    expect(fromExtension.filter((u) => !u.startsWith(own))).toEqual([]);
  });

  test('nothing of the pages is stored: no URL, no host, no run of their text', async () => {
    const dump = await storageDump();
    const { host } = new URL(env.server.origin);
    expect(dump).not.toContain(host);
    expect(dump).not.toContain('127.0.0.1');
    expect(dump).not.toContain('demo-article');
    const runs = (await Promise.all(pages.map(shingles))).flat();
    expect(runs.length).toBeGreaterThan(500);
    expect(leakedRuns(runs, dump)).toEqual([]);
  });

  test('"Not this claim" keeps the page and the marked sentence, and restoring removes both', async () => {
    const page = pages[0] as Page;
    await page.bringToFront();
    await page.locator(`${HOST_TAG} [data-factmark-claim]`).first().click();
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await card.getByTestId('not-this-claim').click();
    await card.getByTestId('hide-match').click();
    await expect.poll(async () => (await storageDump()).includes('demo-article')).toBe(true);
    const kept = leakedRuns(await shingles(page), await storageDump());
    // One sentence's runs (a sentence of 6 to 60 words), no more of the page.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(60);

    const options = await openOptions(env);
    await options
      .getByRole('button', { name: /Restore/ })
      .first()
      .click();
    await expect.poll(async () => (await storageDump()).includes('demo-article')).toBe(false);
    expect(leakedRuns(await shingles(page), await storageDump())).toEqual([]);
    await options.close();
    expect(foreignHosts(proxy.seen).filter((h) => !chromiumOwn.has(h))).toEqual([]);
  });

  test('"Find restatements" on: the model marks a restated claim at Balanced, and nothing leaves the browser', async () => {
    // tests/fixtures/pages/restated.html: one paragraph says in other words what the seed
    // claim trump-end-war-24-hours states; the lexical pass alone leaves it unmarked at
    // Balanced (a possible match, shown at Broad only), and the page's other paragraphs
    // state no checked claim.
    const page = await env.context.newPage();
    await page.goto(`${env.server.origin}/restated.html`);
    await waitForScans(page);
    await page.waitForTimeout(500);
    expect(await markedClaims(page)).toEqual([]);

    const options = await openOptions(env);
    await options.getByTestId('toggle-semantic').check();
    await options.close();
    // The page is read again with the semantic pass; the model loads cold in the worker.
    await page.bringToFront();
    expect(await waitForMarks(page, 1, 60_000)).toEqual(['trump-end-war-24-hours']);
    // Its card says why: by meaning, not by shared words.
    await page.locator(`${HOST_TAG} [data-factmark-claim]`).first().click();
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await expect.poll(() => card.textContent()).toContain('in other words');
    await page.keyboard.press('Escape');
    // At Broad the lexical pass's possible match of the same sentence is the same one mark.
    const popup = await openPopup(env, page);
    await popup.locator('input[name="strictness"][value="broad"]').check();
    await page.waitForTimeout(300);
    expect(await markedClaims(page)).toEqual(['trump-end-war-24-hours']);
    await popup.locator('input[name="strictness"][value="balanced"]').check();
    await popup.close();

    // The model ran in the offscreen document's worker (the extension's own files: its
    // requests are not the proxy's to see, and Playwright does not list that worker's).
    const offscreen = await env.ext.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: OffscreenChrome }).chrome;
      const docs = await c.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      return docs.map((d) => new URL(d.documentUrl).pathname);
    });
    expect(offscreen).toEqual(['/semantic.html']);
    const own = `chrome-extension://${env.ext.extensionId}/`;
    expect(fromExtension.filter((u) => !u.startsWith(own))).toEqual([]);
    expect(foreignHosts(proxy.seen).filter((h) => !chromiumOwn.has(h))).toEqual([]);
    expect(leakedRuns(await shingles(page), await storageDump())).toEqual([]);
  });
});
