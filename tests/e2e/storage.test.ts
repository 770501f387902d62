/**
 * Corrupt stored data, as a reader would meet it (README "Security and privacy"): settings
 * with a bad field, a hidden-marks list with a malformed entry. After the browser restarts,
 * the background's check (utils/storage-check.ts) has reset only what could not be read, the
 * page is annotated with the kept settings, and the popup says what was reset and why until
 * dismissed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, openPopupFor, serveStatic } from '../../tools/browser-harness';
import { readFileSync } from 'node:fs';
import { parseClaimFile } from '../../lib/claims/import';
import { SEED_IDS, markedClaims, waitForMarks, type Env } from './helpers';

let env: Env;
let profile: string;

declare const chrome: {
  storage: { local: { set(v: object): Promise<void>; get(k: null): Promise<object> } };
};

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'factmark-storage-'));
  const server = await serveStatic('tests/fixtures/pages');
  const ext = await launchWithExtension({ userDataDir: profile });
  env = { ext, server, context: ext.context };
});
afterAll(async () => {
  await env?.ext.close();
  await env?.server.close();
  await rm(profile, { recursive: true, force: true });
});

/** Writes `values` into storage.local and restarts the browser on the same profile. */
async function corruptAndRestart(values: object): Promise<Worker> {
  await env.ext.worker.evaluate((v) => chrome.storage.local.set(v), values);
  return restart();
}

async function restart(): Promise<Worker> {
  await env.ext.close();
  const ext = await launchWithExtension({ userDataDir: profile });
  env = { ...env, ext, context: ext.context };
  return ext.worker;
}

describe('corrupt stored data', () => {
  test('a bad field is reset, the others kept, and the popup says so', async () => {
    const worker = await corruptAndRestart({
      // The reader had switched the "misleading" verdict off; the strictness is garbage.
      settings: {
        enabled: true,
        disabledSites: [],
        strictness: 'very',
        verdicts: ['accurate', 'mostly-accurate', 'needs-context', 'false', 'unproven'],
      },
      hidden: [{ kind: 'nonsense' }],
    });
    // The check wrote the repaired settings back: strictness default, the verdicts kept.
    await expect
      .poll(async () => {
        const all = (await worker.evaluate(() => chrome.storage.local.get(null))) as {
          settings?: { strictness?: string; verdicts?: string[] };
        };
        return [all.settings?.strictness, all.settings?.verdicts?.includes('misleading')];
      })
      .toEqual(['balanced', false]);

    const page = await env.context.newPage();
    await page.goto(`${env.server.origin}/demo-article.html`);
    await waitForMarks(page, 1);
    const ids = [...new Set(await markedClaims(page))];
    expect(ids.every((id) => SEED_IDS.includes(id))).toBe(true);

    const popup = await openPopupFor(env.ext, page, { width: 360, height: 720 });
    const notices = popup.getByTestId('storage-notices');
    await expect.poll(() => notices.textContent()).toMatch(/Settings/);
    const text = (await notices.textContent()) ?? '';
    expect(text).toMatch(/Matching/);
    expect(text).toMatch(/Hidden marks/);
    await popup.screenshot({ path: 'bench/out/popup-storage-notice.png' });
    await notices.getByRole('button').click();
    await expect.poll(() => notices.count()).toBe(0);
    // Dismissed for good: a new popup shows no notice.
    await popup.close();
    const again = await openPopupFor(env.ext, page);
    expect(await again.getByTestId('storage-notices').count()).toBe(0);
    await again.close();
    await page.close();
  });

  test('imported sets left in storage.local move to IndexedDB; a broken set or claim is named', async () => {
    const fixture = 'tests/fixtures/claims/import-claimreview.json';
    const records = parseClaimFile(readFileSync(fixture, 'utf8'), fixture).records;
    const good = { id: 'import-old', name: 'Old import', imported: '2026-11-01', enabled: true };
    // As 0.1.0 stored them: no version mark, one set that cannot be read.
    const worker = await corruptAndRestart({
      importedSets: [
        { ...good, records },
        { id: 'import-x', name: 'Broken', records: 'nope' },
      ],
    });
    // Moved: the storage.local key is gone once IndexedDB holds the set.
    await expect
      .poll(async () => Object.keys(await worker.evaluate(() => chrome.storage.local.get(null))))
      .not.toContain('importedSets');
    const page = await env.context.newPage();
    await page.goto(`${env.server.origin}/import-page.html`);
    const ids = await waitForMarks(page, 1);
    expect(ids[0]).toMatch(/^fact-check-fake-tweet-france-deporting-pakistanis/);
    const popup = await openPopupFor(env.ext, page);
    await expect
      .poll(() => popup.getByTestId('imported-sets').textContent())
      .toMatch(/Old import · 1 claim,/);
    const notices = popup.getByTestId('storage-notices');
    await expect.poll(() => notices.textContent()).toMatch(/1 set could not be read.*\(Broken\)/);
    await notices.getByRole('button').click();
    await popup.close();
    await page.close();

    // A claim in IndexedDB that no longer validates: left out, the set kept, the reader told.
    await env.ext.worker.evaluate(
      ([id, recs]) =>
        new Promise<void>((ok, fail) => {
          const req = indexedDB.open('factmark-imported');
          req.onerror = () => fail(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction('records', 'readwrite');
            tx.objectStore('records').put({ id, records: [...recs, { id: 'bad', verdict: '?' }] });
            tx.oncomplete = () => (req.result.close(), ok());
            tx.onerror = () => fail(tx.error);
          };
        }),
      [good.id, records] as const,
    );
    await restart();
    const page2 = await env.context.newPage();
    await page2.goto(`${env.server.origin}/import-page.html`);
    await waitForMarks(page2, 1);
    const popup2 = await openPopupFor(env.ext, page2);
    await expect
      .poll(() => popup2.getByTestId('storage-notices').textContent())
      .toMatch(/Imported set “Old import”: 1 claim could not be read/);
    await popup2.close();
    await page2.close();
  });
});
