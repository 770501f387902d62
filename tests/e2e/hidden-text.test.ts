import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../../tools/scan-page';
import { bundledIndex } from '../../tools/page-mode';
import { markedClaims, useBrowser, waitForScans } from './helpers';

const e = useBrowser();

describe('text the reader cannot see is never read', () => {
  it('marks only the visible sentences of a page that hides claims with CSS', async () => {
    // With its styles taken out, every sentence of the page states a seed claim: so whatever
    // Chromium leaves unmarked, it left because it is hidden.
    const html = readFileSync('tests/fixtures/pages/hidden-text.html', 'utf8')
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/ (style|class)="[^"]*"/g, '');
    const all = [...new Set(scanPage(html, bundledIndex()).map((m) => m.claim))].sort();
    expect(all).toEqual([
      'gaza-ceasefire-trump',
      'ru-annexed-crimea-2014',
      'ru-annexed-four-regions-2022',
      'ru-holds-fifth-of-ukraine',
      'trump-end-war-24-hours',
      'us-28-point-peace-plan',
    ]);
    const page = await e().context.newPage();
    await page.goto(`${e().server.origin}/hidden-text.html`);
    await waitForScans(page);
    // display: none (by class and inline) and visibility: hidden are not read;
    // display: contents shows its children, so its sentence is, and so does
    // visibility: visible inside a visibility: hidden parent.
    expect((await markedClaims(page)).sort()).toEqual([
      'gaza-ceasefire-trump',
      'ru-holds-fifth-of-ukraine',
      'us-28-point-peace-plan',
    ]);
    await page.close();
  });
});
