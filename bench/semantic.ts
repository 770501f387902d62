/**
 * `npx tsx bench/semantic.ts [--runs R] [--pages N]` (run by `npm run bench`; needs a build):
 * the semantic channel ("Find restatements" on) in the Debian Chromium with the built
 * extension, pages on 127.0.0.1, the network failing at once. Ends with one JSON object.
 *
 * - restated.html (the e2e page: one restated claim the model marks): content script start
 *   to the semantic mark, cold (a fresh browser: offscreen document, worker, model and
 *   vectors loaded on that first request) and warm (median of R loads);
 * - a 5,000-word article (the demo article's paragraphs, restated.html's, then debate lines,
 *   bench/match.ts's text): content script start to its first mark and to its last
 *   semantic reply; the whole browser's CPU per load, semantic on and off;
 * - the news pages: the whole browser's added CPU of the semantic channel per page (on minus
 *   off, median of R loads each, taking turns), on the median page and the worst one, and how
 *   many pages sent a paragraph to the model (marks it added);
 * - memory: the extension processes' resident memory (service worker, offscreen document
 *   and its worker) before and after the model loaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
  cdpEval,
  cdpWaitFor,
  extensionRssMB,
  launchWithExtension,
  serveStatic,
  type StaticServer,
} from '../tools/browser-harness';
import {
  cpuOf,
  median,
  newsPages,
  offline,
  setSemantic as setBenchSemantic,
  type BenchPage,
} from '../tools/bench-pages';
import { DATA_DIR } from '../tools/train-data';
import { TIMING } from '../dom/timing';
import { HOST_TAG } from '../dom/overlay-host';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  const v = i < 0 ? dflt : Number(args[i + 1]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const RUNS = opt('--runs', 5);
const PAGE_LIMIT = opt('--pages', Infinity);
const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/** The 5,000-word article, as paragraphs of a page. */
function longArticle(): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const restated = readFileSync('tests/fixtures/pages/restated.html', 'utf8');
  const demo = readFileSync('tests/fixtures/pages/demo-article.html', 'utf8');
  const paras = (html: string) =>
    [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, ''));
  const lines = readFileSync(
    join(DATA_DIR, 'checkthat2021-2b', 'transcripts', '20170822_Trump_phoenix.tsv'),
    'utf8',
  )
    .split('\n')
    .map((l) => l.split('\t')[2] ?? '')
    .filter(Boolean);
  const out = [...paras(demo), ...paras(restated)];
  let words = out.join(' ').split(/\s+/).length;
  for (let k = 0; words < 5000; k++) {
    const l = lines[k % lines.length] ?? '';
    out.push(l);
    words += l.split(/\s+/).length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long article</title>
<meta property="article:published_time" content="2025-12-07"></head><body><article>
<h1>Long article</h1>${out.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

interface Load {
  firstMarkMs: number;
  /** Start -> the last semantic reply (NaN when semantic was off or none came). */
  semanticMs: number;
  semanticMarks: number;
  semanticReplies: number;
  cpuMs: number;
  marks: number;
}

async function load(
  context: BrowserContext,
  marker: string,
  server: StaticServer,
  p: BenchPage,
  semantic: boolean,
): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const cpu0 = cpuOf(marker);
  await page.goto(server.origin + p.path, { waitUntil: 'load', timeout: 60_000 });
  const done = `performance.getEntriesByName(${JSON.stringify(TIMING.othersDone)}).length > 0`;
  if (!(await cdpWaitFor(cdp, done, 60_000))) log(`  ${p.name}: no ${TIMING.othersDone} in 60 s`);
  await new Promise((ok) => setTimeout(ok, 300));
  const t = await cdpEval<{
    start: number;
    first: number;
    sem: number[];
    semMarks: number;
    marks: number;
  }>(
    cdp,
    `(() => {
      const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? -1;
      const sem = performance.getEntriesByName(${JSON.stringify(TIMING.semanticReply)});
      return {
        start: at(${JSON.stringify(TIMING.start)}),
        first: at(${JSON.stringify(TIMING.firstMark)}),
        sem: sem.map((e) => e.startTime),
        semMarks: sem.reduce((n, e) => n + (e.detail ?? 0), 0),
        marks: document.querySelector(${JSON.stringify(HOST_TAG)})?.shadowRoot?.querySelectorAll('[data-factmark-claim]').length ?? 0,
      };
    })()`,
  );
  const cpuMs = cpuOf(marker) - cpu0;
  await cdp.detach();
  await page.close();
  return {
    firstMarkMs: t.first >= 0 ? t.first - t.start : NaN,
    semanticMs: semantic && t.sem.length ? Math.max(...t.sem) - t.start : NaN,
    semanticMarks: t.semMarks,
    semanticReplies: t.sem.length,
    cpuMs,
    marks: t.marks,
  };
}

async function main(): Promise<void> {
  const server = await serveStatic('tests/fixtures/pages');
  server.put('/long-5000.html', longArticle());
  const restated: BenchPage = { name: 'restated', path: '/restated.html' };
  const long: BenchPage = { name: 'long-5000', path: '/long-5000.html' };
  const news = newsPages(server, PAGE_LIMIT);

  const ext = await launchWithExtension({ waitForWorker: true });
  await offline(ext.context);
  const marker = ext.userDataDir;
  const setSemantic = (on: boolean) => setBenchSemantic(ext.worker, on);
  try {
    // Warm the background with the channel off (the index loaded, no model).
    await setSemantic(false);
    await load(ext.context, marker, server, { name: 'demo', path: '/demo-article.html' }, false);
    await new Promise((ok) => setTimeout(ok, 1000));
    const rssBefore = extensionRssMB(marker);
    await setSemantic(true);
    const cold = await load(ext.context, marker, server, restated, true);
    await new Promise((ok) => setTimeout(ok, 1000));
    const rssAfter = extensionRssMB(marker);
    log(
      `restated cold: semantic mark at ${round(cold.semanticMs)} ms (${cold.semanticMarks} marks); extension RSS ${rssBefore} -> ${rssAfter} MB`,
    );
    const warm: Load[] = [];
    for (let i = 0; i < RUNS; i++)
      warm.push(await load(ext.context, marker, server, restated, true));
    log(`restated warm: ${warm.map((l) => round(l.semanticMs)).join(', ')} ms`);

    /** RUNS loads of `p` with the channel on and off, taking turns. */
    const onAndOff = async (p: BenchPage): Promise<{ on: Load[]; off: Load[] }> => {
      const on: Load[] = [];
      const off: Load[] = [];
      for (let i = 0; i < RUNS; i++) {
        await setSemantic(true);
        on.push(await load(ext.context, marker, server, p, true));
        await setSemantic(false);
        off.push(await load(ext.context, marker, server, p, false));
      }
      return { on, off };
    };
    const { on: longOn, off: longOff } = await onAndOff(long);
    log(
      `long-5000: first mark ${round(median(longOn.map((l) => l.firstMarkMs)))} ms, last semantic reply ${round(median(longOn.map((l) => l.semanticMs)))} ms (${longOn[0]?.semanticReplies} replies, ${longOn[0]?.semanticMarks} semantic marks); CPU on ${round(median(longOn.map((l) => l.cpuMs)))} / off ${round(median(longOff.map((l) => l.cpuMs)))} ms`,
    );

    const perPage: { page: string; addedCpuMs: number; semanticMarks: number }[] = [];
    for (const p of news) {
      const { on, off } = await onAndOff(p);
      const added = median(on.map((l) => l.cpuMs)) - median(off.map((l) => l.cpuMs));
      perPage.push({ page: p.name, addedCpuMs: added, semanticMarks: on[0]?.semanticMarks ?? 0 });
    }
    const added = perPage.map((r) => r.addedCpuMs);
    const worst = perPage.reduce(
      (a, b) => (b.addedCpuMs > a.addedCpuMs ? b : a),
      perPage[0] ?? { page: '', addedCpuMs: NaN, semanticMarks: 0 },
    );
    const out = {
      restatedColdMs: round(cold.semanticMs),
      restatedWarmMs: round(median(warm.map((l) => l.semanticMs))),
      restatedMarked: warm.every((l) => l.semanticMarks > 0) && cold.semanticMarks > 0,
      extensionRssBeforeMB: rssBefore,
      extensionRssWithModelMB: rssAfter,
      long5000: {
        firstMarkMs: round(median(longOn.map((l) => l.firstMarkMs))),
        lastSemanticReplyMs: round(median(longOn.map((l) => l.semanticMs))),
        semanticMarks: longOn[0]?.semanticMarks ?? 0,
        cpuOnMs: round(median(longOn.map((l) => l.cpuMs))),
        cpuOffMs: round(median(longOff.map((l) => l.cpuMs))),
      },
      news: {
        pages: perPage.length,
        medianAddedCpuMs: round(median(added)),
        worstAddedCpuMs: round(worst.addedCpuMs),
        worstPage: worst.page,
        pagesWithSemanticMarks: perPage.filter((r) => r.semanticMarks > 0).length,
        semanticMarks: perPage.reduce((n, r) => n + r.semanticMarks, 0),
      },
    };
    log(`news: ${JSON.stringify(out.news)}`);
    console.log(JSON.stringify(out));
  } finally {
    await ext.close();
    await server.close();
  }
}

await main();
