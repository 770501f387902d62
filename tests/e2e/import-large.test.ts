/**
 * An imported set larger than storage.local's 10 MB quota: stored in IndexedDB
 * (utils/imported-store.ts), its claims marked on a page, and no claim ever in storage.local
 * or in a storage.onChanged payload (what every tab's content script would receive).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseClaimFile } from '../../lib/claims/import';
import { markedClaims, openPopup, useBrowser, waitForMarks, waitForScans } from './helpers';

const e = useBrowser();

declare const chrome: {
  storage: {
    local: { get(k: null): Promise<object> };
    onChanged: { addListener(fn: (changes: object, area: string) => void): void };
  };
};

/** 18,979 real PolitiFact checks (the bundled file, under other ids) and the fixture's claim. */
function bigFile(): { text: string; count: number; claim: string } {
  const politifact = readFileSync('data/claims/politifact.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((line) => ({ ...(JSON.parse(line) as { id: string }), id: '' }))
    .map((r, i) => ({ ...r, id: `big-${i}` }));
  const fixture = 'tests/fixtures/claims/import-claimreview.json';
  const own = parseClaimFile(readFileSync(fixture, 'utf8'), fixture).records;
  expect(own).toHaveLength(1);
  const records = [...politifact, ...own];
  return {
    text: records.map((r) => JSON.stringify(r)).join('\n'),
    count: records.length,
    claim: own[0]?.claim ?? '',
  };
}

describe('a claim file over 10 MB', () => {
  test('is stored in IndexedDB, marked on a page, and no claim reaches storage.local or a tab', async () => {
    const { text, count, claim } = bigFile();
    expect(Buffer.byteLength(text)).toBeGreaterThan(10 * 1024 * 1024);
    const worker = e().ext.worker;
    // Every storage.onChanged payload from now on; a content script's listener gets the same.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __fmChanges?: string[] };
      g.__fmChanges = [];
      chrome.storage.onChanged.addListener((changes, area) =>
        g.__fmChanges?.push(`${area}:${JSON.stringify(changes)}`),
      );
    });

    const page = await e().context.newPage();
    await page.goto(`${e().server.origin}/import-page.html`);
    await waitForScans(page);
    expect(await markedClaims(page)).toEqual([]);

    const popup = await openPopup(e(), page);
    await popup.getByTestId('import-file').setInputFiles({
      name: 'big-claims.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(text),
    });
    const shown = count.toLocaleString('en-US');
    await expect
      .poll(() => popup.getByTestId('import-preview').textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`${shown} claims found \\(jsonl\\)`));
    await popup.getByTestId('import-accept').click();
    await expect
      .poll(() => popup.getByTestId('imported-sets').textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`big-claims · ${shown} claims,`));
    expect(await popup.getByTestId('import-status').textContent()).toBe(
      `Imported ${shown} claims from big-claims.jsonl.`,
    );

    // The fixture's claim, from the big set, is marked on the open page without a reload.
    const ids = await waitForMarks(page, 1, 60_000);
    expect(ids[0]).toMatch(/^fact-check-fake-tweet-france-deporting-pakistanis/);

    // storage.local holds no claim; no change event carried one (the tabs were told by the
    // claimSetsChanged counter alone).
    const local = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)));
    expect(local.length).toBeLessThan(5_000);
    expect(local).not.toContain(claim.slice(0, 40));
    expect(local).not.toContain('big-0');
    const changes = await worker.evaluate(
      () => (globalThis as unknown as { __fmChanges?: string[] }).__fmChanges ?? [],
    );
    expect(changes.some((c) => c.includes('claimSetsChanged'))).toBe(true);
    for (const c of changes) {
      expect(c.length).toBeLessThan(2_000);
      expect(c).not.toContain(claim.slice(0, 40));
      expect(c).not.toContain('big-0');
    }

    // Switched off in the popup: its marks go; the list read no records to say so.
    await popup.getByTestId('imported-sets').getByRole('switch').uncheck();
    await expect.poll(() => markedClaims(page), { timeout: 20_000 }).toEqual([]);
    await popup.close();
    await page.close();
  });
});
