/**
 * Claim feeds at scale (`npx tsx bench/feeds.ts`, also run by `npm run bench`): a feed of
 * 50,000 claims served on 127.0.0.1, subscribed in the e2e build (which grants 127.0.0.1; see
 * README "Claim feeds"). Reports the subscription's time (download, parse, validate, store in
 * IndexedDB, compile), the extension process's memory before and after, the store on disk, and
 * time from the content script's start to the first mark on the demo article with the feed
 * loaded: warm, and after the browser restarts on the same profile (its feed read from
 * IndexedDB and compiled again), with the extension's memory then.
 * Ends with one JSON object.
 *
 * The real data holds 27,748 dataset fact checks (data/claims/politifact.jsonl, snopes.jsonl);
 * the feed is those, then as many of them again under new ids as make 50,000 (a load figure:
 * the copies change no mark, they only weigh). Factmark JSONL, the format a feed exports.
 */
import { execSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { extensionRssMB, launchWithExtension, serveStatic } from '../tools/browser-harness';
import { TIMING } from '../dom/timing';
import type { ClaimRecord } from '../lib/types';

const N = Number(process.env.FM_FEED_CLAIMS ?? 50_000);
const EXT = resolve('.output/chrome-mv3-e2e');
const log = (s: string) => process.stderr.write(`${s}\n`);

function feedBody(): string {
  const real: ClaimRecord[] = [];
  for (const f of ['data/claims/politifact.jsonl', 'data/claims/snopes.jsonl'])
    for (const line of readFileSync(f, 'utf8').split('\n'))
      if (line.trim() !== '') real.push(JSON.parse(line) as ClaimRecord);
  const out: string[] = [];
  for (let i = 0; out.length < N; i++) {
    const r = real[i % real.length] as ClaimRecord;
    const copy = Math.floor(i / real.length);
    out.push(JSON.stringify(copy === 0 ? r : { ...r, id: `${r.id}-copy${copy}` }));
  }
  return out.join('\n') + '\n';
}

async function firstMarkMs(page: Page, url: string, timeout = 120_000): Promise<number> {
  await page.bringToFront();
  await page.goto(url);
  // Polled by timer: a tab behind the popup gets no animation frames.
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, TIMING.firstMark, {
    timeout,
    polling: 50,
  });
  return page.evaluate(
    ([a, b]) =>
      (performance.getEntriesByName(b)[0]?.startTime ?? NaN) -
      (performance.getEntriesByName(a)[0]?.startTime ?? NaN),
    [TIMING.start, TIMING.firstMark] as const,
  );
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execSync('npx wxt build --mode e2e', { stdio: ['ignore', 'ignore', 'inherit'] });
  const body = feedBody();
  const feed = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-ndjson', etag: '"bench"' });
    res.end(body);
  });
  await new Promise<void>((ok) => feed.listen(0, '127.0.0.1', ok));
  const addr = feed.address();
  if (!addr || typeof addr === 'string') throw new Error('no port');
  const feedUrl = `http://127.0.0.1:${addr.port}/claims.jsonl`;
  const pages = await serveStatic('tests/fixtures/pages');
  // Our own profile, so that the browser can be restarted on it (the feed stays in IndexedDB).
  const profile = await mkdtemp(join(tmpdir(), 'factmark-feeds-'));
  let ext = await launchWithExtension({ extensionDir: EXT, userDataDir: profile });
  const round = (x: number) => Math.round(x * 10) / 10;
  try {
    const page = await ext.context.newPage();
    // The first load wakes the background (cold); the next five are the warm figure.
    const coldBefore = await firstMarkMs(page, `${pages.origin}/demo-article.html`);
    const plain: number[] = [];
    for (let i = 0; i < 5; i++)
      plain.push(await firstMarkMs(page, `${pages.origin}/demo-article.html`));
    plain.sort((a, b) => a - b);
    const rssBefore = extensionRssMB(ext.userDataDir);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.getByTestId('feed-url').fill(feedUrl);
    const t0 = Date.now();
    await popup.getByTestId('feed-subscribe').click();
    await popup.waitForFunction(
      () =>
        /^(Subscribed|Error)/.test(
          document.querySelector('[data-testid=feed-status]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 300_000 },
    );
    const status = (await popup.getByTestId('feed-status').textContent()) ?? '';
    if (status.startsWith('Error')) throw new Error(`bench feed: ${status}`);
    const stored = Date.now() - t0;
    const meta = (await popup.getByTestId('feed-meta').textContent()) ?? '';
    log(`feeds: subscribed in ${stored} ms: ${meta}`);
    // Matched once compiled: the demo article's first mark with the feed loaded (warm).
    const warm: number[] = [];
    for (let i = 0; i < 5; i++)
      warm.push(await firstMarkMs(page, `${pages.origin}/demo-article.html`));
    const rssAfter = extensionRssMB(ext.userDataDir);
    // The browser restarts on the same profile: the background reads the feed from
    // IndexedDB and compiles it again before the first page's marks.
    await ext.close();
    ext = await launchWithExtension({ extensionDir: EXT, userDataDir: profile });
    const fresh = await ext.context.newPage();
    const cold = await firstMarkMs(fresh, `${pages.origin}/demo-article.html`, 120_000).catch(
      (err: unknown) => {
        log(`feeds: no first mark after the restart: ${String(err).split('\n')[0]}`);
        return NaN;
      },
    );
    const rssRestarted = extensionRssMB(ext.userDataDir);
    const idb = execSync(`du -sk "${ext.userDataDir}/Default/IndexedDB" 2>/dev/null || echo 0`, {
      encoding: 'utf8',
    });
    warm.sort((a, b) => a - b);
    const result = {
      feedClaims: N,
      feedBytes: Buffer.byteLength(body),
      subscribeMs: stored,
      firstMarkMs: {
        firstPageWithoutFeed: round(coldBefore),
        withoutFeedWarmMedian: round(plain[2] ?? NaN),
        withFeedWarmMedian: round(warm[2] ?? NaN),
        withFeedAfterRestart: Number.isFinite(cold) ? round(cold) : null,
      },
      extensionRssMB: {
        before: rssBefore,
        after: rssAfter,
        added: round(rssAfter - rssBefore),
        afterRestart: rssRestarted,
      },
      indexedDbMB: round(Number(idb.split(/\s/)[0]) / 1024),
    };
    log(`feeds: ${JSON.stringify(result)}`);
    console.log(JSON.stringify(result));
  } finally {
    await ext.close();
    await pages.close();
    feed.close();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
