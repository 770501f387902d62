import { describe, expect, test } from 'vitest';
import {
  HOST_TAG,
  markedClaims,
  openOptions,
  openPopup,
  useBrowser,
  waitForMarks,
  waitForScans,
} from './helpers';

const e = useBrowser();

const CLAIM_ID = /^fact-check-fake-tweet-france-deporting-pakistanis/;

describe('importing a claim set in the popup', () => {
  test('a ClaimReview file is previewed, accepted, and its claim is marked on a page', async () => {
    const page = await e().context.newPage();
    await page.goto(`${e().server.origin}/import-page.html`);
    // The bundled set has no check of this claim: the page is read and nothing is marked.
    await waitForScans(page);
    expect(await markedClaims(page)).toEqual([]);

    const popup = await openPopup(e(), page);
    await popup
      .getByTestId('import-file')
      .setInputFiles('tests/fixtures/claims/import-claimreview.json');
    const preview = popup.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toMatch(/1 claim found \(claimreview\)/);
    // The preview breaks the claims down by verdict.
    expect(await popup.getByTestId('import-breakdown').textContent()).toBe('False: 1');
    await popup.getByTestId('import-accept').click();
    await expect
      .poll(() => popup.getByTestId('imported-sets').textContent())
      .toMatch(/import-claimreview · 1 claim,/);

    const ids = await waitForMarks(page, 1);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(CLAIM_ID);
    // The card shows the publisher's own rating and its https source.
    await page.locator(`${HOST_TAG} [data-factmark-claim]`).first().click();
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await expect.poll(() => card.textContent()).toContain('rated “False”');
    expect(await card.locator('a').first().getAttribute('href')).toBe(
      'https://www.indiatoday.in/fact-check/story/fact-check-fake-tweet-france-deporting-pakistanis-go-viral-imran-slams-macron-1737276-2020-11-02',
    );

    // A bad file: every error shown with its line and field, nothing can be accepted,
    // and the set imported before is untouched.
    await popup.getByTestId('import-file').setInputFiles('tests/fixtures/claims/import-bad.jsonl');
    await expect.poll(() => preview.textContent()).toMatch(/0 claims found/);
    const errors = popup.getByTestId('import-errors');
    await expect.poll(() => errors.locator('li').count()).toBe(10);
    const text = (await errors.textContent()) ?? '';
    expect(text).toMatch(/import-bad\.jsonl: line 2.*sources\[0\]\.url/);
    expect(text).toMatch(/line 1: expected one JSON object per line/);
    expect(await popup.getByTestId('import-accept').isDisabled()).toBe(true);
    expect(await popup.getByTestId('imported-sets').locator('li').count()).toBe(1);

    // Switching the set off removes its marks; removing it keeps them gone.
    await popup.getByTestId('imported-sets').getByRole('switch').uncheck();
    await expect.poll(() => markedClaims(page)).toEqual([]);
    await popup.getByTestId('imported-sets').getByRole('switch').check();
    await waitForMarks(page, 1);
    // Removing asks first: "Keep" keeps it, "Remove" removes it.
    await popup.getByRole('button', { name: /Remove import-claimreview/ }).click();
    await popup.getByRole('button', { name: 'Keep' }).click();
    expect(await popup.getByTestId('imported-sets').locator('li').count()).toBe(1);
    await popup.getByRole('button', { name: /Remove import-claimreview/ }).click();
    await popup.getByTestId('remove-confirm').click();
    await expect.poll(() => markedClaims(page)).toEqual([]);
    await expect.poll(() => popup.getByTestId('imported-sets').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  test('"Find restatements" reads an imported set too: its claim is marked where a page says it in other words', async () => {
    // tests/fixtures/pages/import-restated.html states the imported claim in words of its
    // own; the lexical pass leaves it a possible match, shown at Broad only.
    const page = await e().context.newPage();
    await page.goto(`${e().server.origin}/import-restated.html`);
    await waitForScans(page);
    const popup = await openPopup(e(), page);
    await popup
      .getByTestId('import-file')
      .setInputFiles('tests/fixtures/claims/import-claimreview.json');
    await popup.getByTestId('import-accept').click();
    await expect
      .poll(() => popup.getByTestId('imported-sets').textContent())
      .toMatch(/import-claimreview · 1 claim,/);
    await popup.close();
    await waitForScans(page, 2);
    await page.waitForTimeout(500);
    expect(await markedClaims(page)).toEqual([]);

    const options = await openOptions(e());
    await options.getByTestId('toggle-semantic').check();
    await options.close();
    // The worker embeds the imported claim's text (no vectors ship for it) and marks it.
    await page.bringToFront();
    const ids = await waitForMarks(page, 1, 60_000);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(CLAIM_ID);
    await page.locator(`${HOST_TAG} [data-factmark-claim]`).first().click();
    const card = page.locator(`${HOST_TAG} [data-testid="factmark-card"]`);
    await expect.poll(() => card.textContent()).toContain('in other words');
    expect(await card.locator('a').first().getAttribute('href')).toMatch(
      /^https:\/\/www\.indiatoday\.in\//,
    );
    await page.close();
  });
});
