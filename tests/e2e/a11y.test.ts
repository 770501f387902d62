import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { HOST_TAG, SEED_IDS, openOptions, openPopup, useBrowser, waitForMarks } from './helpers';
import { LIVE_TAG } from '../../dom/announcer';

const e = useBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/**
 * axe-core's violations in `page` (only inside `include`, when given: Factmark's own shadow
 * root on a page whose own markup is not ours). Injected by evaluation, so the extension
 * pages' CSP does not stop it.
 */
async function axe(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const found = await page.evaluate(async (inc) => {
    const a = (
      globalThis as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const r = await a.run(inc ? { include: [[inc]] } : document, { resultTypes: ['violations'] });
    return r.violations;
  }, include ?? null);
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${JSON.stringify(n.target)}: ${n.failureSummary}`),
  );
}

const live = (page: Page) =>
  page.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? null, LIVE_TAG);

let page: Page;

describe('screen readers', () => {
  test('one live announcement of the count per page, and the effect of a setting change', async () => {
    page = await e().context.newPage();
    await page.goto(`${e().server.origin}/demo-article.html`);
    await waitForMarks(page, SEED_IDS.length);
    await expect.poll(() => live(page)).toBe(`Fact checks on this page: ${SEED_IDS.length}`);
    const popup = await openPopup(e(), page);
    await popup.locator('input[name="strictness"][value="strict"]').check();
    await expect.poll(() => live(page)).toBe('Fact checks on this page: 4');
    await popup.locator('input[name="strictness"][value="balanced"]').check();
    await expect.poll(() => live(page)).toBe(`Fact checks on this page: ${SEED_IDS.length}`);
    await popup.close();
  });

  test('the card is a dialog named by its verdict and the claim, and marks why it matched', async () => {
    await page
      .locator(`${HOST_TAG} [data-factmark-claim="ru-annexed-crimea-2014"]`)
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /Mostly accurate.*Russia annexed Crimea/ });
    await expect.poll(() => dialog.count()).toBe(1);
    // Why it matched: the shared words marked in the page's words quoted and in the claim.
    const marked = (sel: string) =>
      page
        .locator(`${HOST_TAG} [data-testid="factmark-card"] ${sel} mark`)
        .allTextContents()
        .then((w) => w.map((x) => x.toLowerCase()));
    expect(await marked('.fm-quote')).toEqual(expect.arrayContaining(['crimea', '2014']));
    expect(await marked('.fm-claim')).toEqual(expect.arrayContaining(['crimea', '2014']));
  });
});

describe('axe-core: no violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the popup, the options page and an open card (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.bringToFront();
      await page.keyboard.press('Escape');
      await page
        .locator(`${HOST_TAG} [data-factmark-claim="trump-end-war-24-hours"]`)
        .first()
        .click();
      await expect
        .poll(() => page.locator(`${HOST_TAG} [data-testid="factmark-card"]`).count())
        .toBe(1);
      expect(await axe(page, HOST_TAG)).toEqual([]);

      const popup = await openPopup(e(), page);
      await popup.emulateMedia({ colorScheme: scheme });
      await expect
        .poll(() => popup.locator('[data-testid="page-claims"] [data-claim]').count())
        .toBe(SEED_IDS.length);
      expect(await axe(popup)).toEqual([]);
      await popup.close();

      const options = await openOptions(e());
      await options.emulateMedia({ colorScheme: scheme });
      expect(await axe(options)).toEqual([]);
      await options.close();
    });
  }
});
