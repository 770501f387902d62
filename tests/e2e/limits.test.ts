/**
 * Pages at Factmark's limits (dom/read-page.ts PAGE_LIMIT; README "Limits"): a page of over
 * 100,000 text nodes is read to its end; a 5 MB article is read up to the limit and the popup
 * says how much; neither throws into the page. Their time and memory are `npm run bench`'s.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { bigArticle, manyNodesPage } from '../../tools/big-pages';
import { SEED_IDS, markedClaims, openPopup, useBrowser, waitForScans } from './helpers';

const e = useBrowser();

async function load(path: string, html: string): Promise<{ page: Page; errors: string[] }> {
  e().server.put(path, html);
  const page = await e().context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (m) => {
    // The page's own missing favicon is not Factmark's.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(m.text());
  });
  await page.goto(`${e().server.origin}${path}`);
  await waitForScans(page);
  return { page, errors };
}

describe('limits', () => {
  test('a page of over 100,000 text nodes is read to its end: the seed claims at its foot are marked', async () => {
    const { page, errors } = await load('/many-nodes.html', manyNodesPage());
    const textNodes = await page.evaluate(() => {
      let n = 0;
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (w.nextNode()) n++;
      return n;
    });
    expect(textNodes).toBeGreaterThan(100_000);
    await expect.poll(async () => [...new Set(await markedClaims(page))].sort()).toEqual(SEED_IDS);
    const popup = await openPopup(e(), page);
    expect(await popup.getByTestId('stopped-early').count()).toBe(0);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('a 5 MB article is read up to the limit; the popup says how much, and marks stay', async () => {
    const { page, errors } = await load('/big-5mb.html', bigArticle());
    // The seed lines near the top were read and marked.
    await expect.poll(async () => (await markedClaims(page)).length).toBeGreaterThan(0);
    const popup = await openPopup(e(), page);
    const note = popup.getByTestId('stopped-early');
    const text = (await note.textContent()) ?? '';
    const share = Number(/(\d+)%/.exec(text)?.[1]);
    // 2,000,000 of the article's ~4.9 million characters.
    expect(share).toBeGreaterThan(30);
    expect(share).toBeLessThan(50);
    expect(text).toContain('very long');
    await popup.screenshot({ path: 'bench/out/popup-stopped-early.png' });
    expect(await popup.getByTestId('page-claims').count()).toBe(1);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });
});
