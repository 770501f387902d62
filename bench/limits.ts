/**
 * `npx tsx bench/limits.ts [--no-build]` (also run by `npm run bench`): Factmark at its limits,
 * in the Debian Chromium with the built extension (README "Limits"):
 * - a page of over 100,000 text nodes and a 5 MB article, with the bundled set: time from the
 *   content script's start to the end of reading, marks, the JS heap of the tab, the resident
 *   memory of the extension's processes, and where reading stopped (dom/read-page.ts PAGE_LIMIT);
 * - a claim set ten times the bundled one (each dataset claim ten times, under ten ids): the
 *   time `npm run claims:build` takes for it, its index size, the first mark on the demo article after a cold start, the
 *   same pages' reading time, and the extension's memory;
 * - a page that rewrites a line every 10 ms (tests/fixtures/pages/live-feed.html, README "Live
 *   pages"): the main-thread script Factmark adds per second of churn, median of 5 runs of 4 s
 *   against the same churn with Factmark off for the site (tools/churn-cost.ts), and its
 *   re-reads.
 * Ends with one JSON object.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  extensionRssMB,
  launchWithExtension,
  openPopupFor,
  serveStatic,
  type ExtensionBrowser,
  type StaticServer,
} from '../tools/browser-harness';
import { bigArticle, manyNodesPage } from '../tools/big-pages';
import { extensionWithClaims } from '../tools/claim-set-variants';
import { HOST_TAG } from '../dom/overlay-host';
import { TIMING } from '../dom/timing';
import { median } from '../tools/bench-pages';
import { churnCost } from '../tools/churn-cost';

const OUT = resolve('bench/out');
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(`${s}\n`);

interface PageFigures {
  doneMs: number;
  firstMarkMs: number | null;
  marks: number;
  tabHeapMB: number;
  extensionRssMB: number;
  /** Share of the text read, in percent, when reading stopped at the limit; null: all read. */
  stoppedAtPercent: number | null;
}

async function measure(
  ext: ExtensionBrowser,
  server: StaticServer,
  path: string,
): Promise<PageFigures> {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, TIMING.scanDone, {
    timeout: 300_000,
    polling: 100,
  });
  const times = await page.evaluate(
    // No named function inside (tsx would wrap it in a helper the page does not have).
    (names) => {
      const [s, d, f] = names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN);
      return { done: (d ?? NaN) - (s ?? NaN), first: (f ?? NaN) - (s ?? NaN) };
    },
    [TIMING.start, TIMING.scanDone, TIMING.firstMark] as const,
  );
  const marks = await page.evaluate(
    (tag) =>
      document.querySelector(tag)?.shadowRoot?.querySelectorAll('[data-factmark-claim]').length ??
      0,
    HOST_TAG,
  );
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const stoppedAt = await stoppedAtPercent(ext, page);
  const figures = {
    doneMs: round(times.done),
    firstMarkMs: Number.isFinite(times.first) ? round(times.first) : null,
    marks,
    tabHeapMB: round(heap / 1e6),
    extensionRssMB: extensionRssMB(ext.userDataDir),
    stoppedAtPercent: stoppedAt,
  };
  await page.close();
  return figures;
}

/** What the popup says about the tab: the share read, if reading stopped early. */
async function stoppedAtPercent(ext: ExtensionBrowser, page: Page): Promise<number | null> {
  const popup = await openPopupFor(ext, page);
  // Every page measured here has marks: their list shows that the tab's state has arrived.
  await popup.getByTestId('page-claims').waitFor();
  const note = popup.getByTestId('stopped-early');
  const text = (await note.count()) ? ((await note.textContent()) ?? '') : '';
  await popup.close();
  const m = /(\d+)\s*%/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Five runs of 4 s of churn on the live-feed page: medians of the added script and re-reads. */
async function churn(ext: ExtensionBrowser, server: StaticServer) {
  const page = await ext.context.newPage();
  try {
    await page.goto(`${server.origin}/live-feed.html`);
    await page.waitForFunction(
      (name) => performance.getEntriesByName(name).length > 0,
      TIMING.firstMark,
    );
    const runs = [];
    for (let i = 0; i < 5; i++) {
      runs.push(await churnCost(ext.context, ext.worker, page, 4));
      // Let the block cool (dom/observe.ts forgets its heat after 5 s) and the page re-mark.
      await page.waitForTimeout(5_500);
    }
    return {
      seconds: 4,
      addedScriptMsPerSecond: round(median(runs.map((r) => r.addedMsPerSecond))),
      addedScriptMsPerSecondRange: [
        round(Math.min(...runs.map((r) => r.addedMsPerSecond))),
        round(Math.max(...runs.map((r) => r.addedMsPerSecond))),
      ],
      rereads: median(runs.map((r) => r.on.rereads)),
    };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execSync('npm run --silent build', { stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(OUT, { recursive: true });
  const server = await serveStatic('tests/fixtures/pages');
  server.put('/many-nodes.html', manyNodesPage());
  server.put('/big-5mb.html', bigArticle());
  const result: Record<string, unknown> = {};
  try {
    const ext = await launchWithExtension();
    try {
      result.bundled = {
        demo: await measure(ext, server, '/demo-article.html'),
        manyNodes: await measure(ext, server, '/many-nodes.html'),
        big5mb: await measure(ext, server, '/big-5mb.html'),
        churn: await churn(ext, server),
      };
      log(`limits, bundled set: ${JSON.stringify(result.bundled)}`);
    } finally {
      await ext.close();
    }
    const big = extensionWithClaims(join(OUT, 'ext-x10'), { times: 10 });
    const indexMB = round(big.indexBytes / 1e6);
    log(
      `limits: ${big.datasetClaims} dataset claims built in ${big.buildMs} ms, index ${indexMB} MB`,
    );
    const ext10 = await launchWithExtension({ extensionDir: big.dir });
    try {
      result.tenTimesSet = {
        datasetClaims: big.datasetClaims,
        buildMs: big.buildMs,
        indexMB,
        // The first page wakes the matcher: its first mark includes loading the index.
        coldDemo: await measure(ext10, server, '/demo-article.html'),
        demo: await measure(ext10, server, '/demo-article.html'),
        manyNodes: await measure(ext10, server, '/many-nodes.html'),
      };
      log(`limits, ten times the set: ${JSON.stringify(result.tenTimesSet)}`);
    } finally {
      await ext10.close();
      rmSync(big.dir, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
  console.log(JSON.stringify(result));
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
