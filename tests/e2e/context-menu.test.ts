import { describe, expect, test } from 'vitest';
import { SEED_IDS, markedClaims, tabIdOf, useBrowser, waitForMarks } from './helpers';
import { LOOKUP_TAG } from '../../dom/lookup-panel';

const e = useBrowser();

/**
 * A native context menu cannot be clicked in a headless browser: this calls, in the service
 * worker, the handler the menu item's click calls (utils/context-menu.ts `checkSelection`)
 * with the tab and the selected text the browser would pass it.
 */
const check = (tabId: number, text: string) =>
  e().ext.worker.evaluate(
    ([id, t]) =>
      (
        globalThis as unknown as {
          factmarkCheckSelection: (id: number, t: string) => Promise<void>;
        }
      ).factmarkCheckSelection(id, t),
    [tabId, text] as const,
  );

const panelText = (p: import('playwright-core').Page) =>
  p.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? null, LOOKUP_TAG);

describe('"Check with Factmark" on selected text', () => {
  test('the manifest asks for contextMenus, the one permission of the menu item', async () => {
    const manifest = await e().ext.worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { getManifest(): { permissions: string[] } } };
        }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest.permissions).toContain('contextMenus');
  });

  test('shows the best fact checks for a selection, a weak match labelled as below the threshold', async () => {
    const page = await e().context.newPage();
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    const before = await markedClaims(page);
    const tabId = await tabIdOf(e(), page);
    // A sentence of the page that states a checked claim: a close match.
    await check(tabId, 'Russia presently holds about 20 percent of Ukraine’s territory.');
    await expect.poll(() => panelText(page)).toContain('Fact checks for your selection');
    const first = await page.evaluate(
      (tag) =>
        document
          .querySelector(tag)
          ?.shadowRoot?.querySelector('[data-claim]')
          ?.getAttribute('data-claim'),
      LOOKUP_TAG,
    );
    expect(first).toBe('ru-holds-fifth-of-ukraine');
    expect(await panelText(page)).toContain('Close match');
    // Focus is in the panel; Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => panelText(page)).toBeNull();

    // Words the page does not mark (a question, not a claim): still the nearest checks, labelled.
    await check(tabId, 'Did Trump say anything about ending the war in Ukraine quickly?');
    await expect.poll(() => panelText(page)).toMatch(/below the marking threshold/);
    // The page and its marks are untouched by the panel.
    expect(await markedClaims(page)).toEqual(before);
    await page.mouse.click(5, 5);
    await expect.poll(() => panelText(page)).toBeNull();
    await page.close();
  });
});
