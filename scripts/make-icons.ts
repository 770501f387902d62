/**
 * Renders assets/icon.svg to public/icon/{16,32,48,128}.png with the Debian Chromium
 * (Chromium cannot use SVG toolbar icons). Run after editing the SVG; the PNGs are committed.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const svg = await readFile('assets/icon.svg', 'utf8');
await mkdir('public/icon', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
console.log('wrote public/icon/{16,32,48,128}.png');
