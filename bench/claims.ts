/**
 * npx tsx bench/claims.ts [DIR] — budgets of the bundled claim set (issue 4), measured in
 * Node's V8 as a stand-in for the service worker, which loads the set once and shares it
 * across tabs (bench/run.ts measures the real thing in Chromium):
 *   sizes on disk and gzip-compressed (node:zlib, level 9) of index.bin and the display files;
 *   load as the background does it: read index.bin into an ArrayBuffer (fetch().arrayBuffer()
 *   there), then loadClaimSet (header checks + typed-array views); median of runs, the read
 *   and the load also separately, and the very first load in this process (it also derives
 *   the matcher's expected field table once);
 *   warmIndex (string tables and the term map, which the background builds right after the
 *   load, before the first page asks), the first match after it, the first card lookup (one
 *   display file read and parsed) and a cached one;
 *   memory the loaded set keeps (heap + array buffers), after the load and after warming.
 * Ends by printing one JSON object. Run `npm run claims:build` first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { loadClaimSet, type ClaimSet } from '../lib/claims/claim-set';
import { INDEX_FILE } from '../lib/claims/claim-set-format';
import { matchSentences } from '../lib/match/matcher';
import { warmIndex } from '../lib/match/lazy-fields';
import { segmentSentences } from '../lib/text/segment';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, process.argv[2] ?? 'public/claims');
const FILE = join(DIR, INDEX_FILE);
const RUNS = Number(process.env.RUNS ?? 15);
const SEED = join(ROOT, '..', 'shared', 'seed', '000_056fa72ee288ad71.txt');

// Expose gc() without a command-line flag, so memory is measured after collection.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const MB = 1024 * 1024;

/** The file as one ArrayBuffer of its own, as fetch().arrayBuffer() gives the background. */
function readIndex(): ArrayBuffer {
  const b = readFileSync(FILE);
  return b.byteOffset === 0 && b.buffer.byteLength === b.length
    ? (b.buffer as ArrayBuffer)
    : (b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer);
}

/** Display files read from disk, parsed like the background's fetch().json(). */
const fetchShard = (file: string): Promise<unknown> =>
  Promise.resolve(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as unknown);

function open(): ClaimSet {
  return loadClaimSet(readIndex(), fetchShard);
}

/** What a loaded set keeps, measured first, in a fresh heap, after full collections. */
function measureMemory(): { kept: ClaimSet; loadedMB: number; warmedMB: number } {
  gc();
  gc();
  const m0 = process.memoryUsage();
  const kept = open();
  gc();
  gc();
  const m1 = process.memoryUsage();
  warmIndex(kept.index);
  void kept.claims.has(''); // the id map a card lookup builds
  gc();
  gc();
  const m2 = process.memoryUsage();
  const added = (a: NodeJS.MemoryUsage, b: NodeJS.MemoryUsage) =>
    (b.heapUsed - a.heapUsed + b.arrayBuffers - a.arrayBuffers) / MB;
  return { kept, loadedMB: added(m0, m1), warmedMB: added(m0, m2) };
}

async function main(): Promise<void> {
  if (!existsSync(FILE)) {
    console.error(
      `bench/claims: ${relative(ROOT, FILE)} not found; run npm run claims:build first`,
    );
    process.exit(1);
  }
  // The very first load in this process (cold JIT, the matcher's field table derived once).
  const c0 = performance.now();
  const firstSet = open();
  const firstLoadMs = performance.now() - c0;
  void firstSet;

  const memory = measureMemory();

  const read: number[] = [];
  const load: number[] = [];
  const total: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    // Untimed: the earlier runs' 11 MB buffers are garbage the background never has (it loads
    // once); left in the heap, their collection lands inside the next run's timings.
    gc();
    const t0 = performance.now();
    const buf = readIndex();
    const t1 = performance.now();
    const s = loadClaimSet(buf, fetchShard);
    const t2 = performance.now();
    warmIndex(s.index);
    const t3 = performance.now();
    if (i < 2) continue;
    read.push(t1 - t0);
    load.push(t2 - t1);
    total.push(t2 - t0);
    warm.push(t3 - t2);
  }

  // First match and cards on a fresh, warmed set: the seed article if present.
  const set = open();
  warmIndex(set.index);
  const text = existsSync(SEED)
    ? readFileSync(SEED, 'utf8')
    : 'Russia annexed Crimea in 2014. Russia holds about a fifth of Ukraine.';
  const sentences = segmentSentences(text);
  const m0 = performance.now();
  const marks = matchSentences(set.index, sentences);
  const m1 = performance.now();
  await set.claims.getRows(marks.map((m) => m.row));
  const m2 = performance.now();
  const firstCardId = set.claims.ids()[set.claims.size >> 1] ?? '';
  const f0 = performance.now();
  await set.claims.get(set.claims.ids()[3] ?? '');
  const f1 = performance.now();
  await set.claims.get(firstCardId);
  const f2 = performance.now();
  await set.claims.get(firstCardId);
  const f3 = performance.now();

  const files = readdirSync(DIR).filter((n) => /^display-\d+\.json$/.test(n));
  const shardBytes = files.map((n) => readFileSync(join(DIR, n)));
  const indexBytes = readFileSync(FILE);
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
  const displayBytes = shardBytes.reduce((n, b) => n + b.length, 0);
  const displayGzip = shardBytes.reduce((n, b) => n + gz(b), 0);
  const indexGzip = gz(indexBytes);

  const { kept, loadedMB, warmedMB } = memory;
  const result = {
    dir: relative(ROOT, DIR),
    claims: kept.meta.count,
    origins: kept.meta.origins,
    built: kept.meta.built,
    indexBytes: indexBytes.length,
    indexMB: round(indexBytes.length / MB, 2),
    indexGzipMB: round(indexGzip / MB, 2),
    displayFiles: files.length,
    displayMB: round(displayBytes / MB, 2),
    displayGzipMB: round(displayGzip / MB, 2),
    largestDisplayKB: round(Math.max(...shardBytes.map((b) => b.length)) / 1024),
    totalMB: round((indexBytes.length + displayBytes) / MB, 2),
    totalGzipMB: round((indexGzip + displayGzip) / MB, 2),
    runs: RUNS,
    readMsMedian: round(median(read), 2),
    loadMsMedian: round(median(load), 2),
    readAndLoadMsMedian: round(median(total), 2),
    readAndLoadMsMin: round(Math.min(...total), 2),
    firstLoadInProcessMs: round(firstLoadMs, 1),
    warmIndexMsMedian: round(median(warm), 1),
    seedArticle: { sentences: sentences.length, marks: marks.length },
    firstMatchMs: round(m1 - m0, 1),
    cardsForMatchesMs: round(m2 - m1, 2),
    firstCardLookupMs: round(f1 - f0, 2),
    otherShardLookupMs: round(f2 - f1, 2),
    cachedLookupMs: round(f3 - f2, 3),
    memoryAddedMB: round(loadedMB, 1),
    memoryAddedWarmMB: round(warmedMB, 1),
    budgets: { loadMs: 20, memoryMBPerTab: 5 },
    note: 'Node V8 stand-in for the service worker, which loads the set once for all tabs; per-tab memory is the content script only.',
  };
  console.log(JSON.stringify(result));
}

await main();
