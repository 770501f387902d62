/**
 * Embed a benchmark text set with USE lite into an int8 table cached under
 * cache/semantic/ (gitignored), keyed by a hash of the texts:
 *
 *   nice -n 19 npx tsx scripts/embed-texts.ts 2b claims     # 19,250 claims, text + title
 *   nice -n 19 npx tsx scripts/embed-texts.ts 2b train      # queries of a split
 *
 * Resumable: every chunk of 1,024 texts is written as it finishes and reused; a second
 * worker started with `--from-end` shares the work.
 * Within a chunk, batches of 32 texts of similar length (less padding).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTable, encodeTable, quantize } from '../lib/semantic/vectors';
import { loadNodeEncoder } from '../tools/semantic-node';
import {
  semanticTexts,
  tablePath,
  CACHE_DIR,
  textsHash,
  TEXT_SETS,
  type TextSet,
} from '../tools/semantic-texts';
import type { Task } from '../tools/train-data';

const [task, what] = process.argv.slice(2) as [Task, TextSet];
if (!['2a', '2b'].includes(task) || !TEXT_SETS.includes(what))
  throw new Error(`usage: embed-texts.ts 2a|2b ${TEXT_SETS.join('|')}`);

const { texts } = semanticTexts(task, what);
const out = tablePath(task, what, texts);
if (existsSync(out)) {
  console.log(`cached: ${out}`);
  process.exit(0);
}
const hash = textsHash(texts);
const parts = join(CACHE_DIR, 'parts');
mkdirSync(parts, { recursive: true });
const t0 = performance.now();
const enc = await loadNodeEncoder();
console.log(
  `${task} ${what}: ${texts.length} texts, model loaded in ${(performance.now() - t0).toFixed(0)} ms`,
);
const CHUNK = 1024;
const BATCH = 32;
const DIM = enc.dim;
const chunks: Uint8Array[] = [];
let done = 0;
let spent = 0;
// `--from-end`: a helper worker taking chunks from the last one back, until it meets a
// chunk already written; the first worker then finds those chunks and assembles the table.
const fromEnd = process.argv.includes('--from-end');
const nChunks = Math.ceil(texts.length / CHUNK);
for (let k = 0; k < nChunks; k++) {
  const c = fromEnd ? nChunks - 1 - k : k;
  const file = join(parts, `${hash}-${c}.bin`);
  const slice = texts.slice(c * CHUNK, (c + 1) * CHUNK);
  if (fromEnd && existsSync(file)) {
    console.log(`chunk ${c} already written: the other worker assembles`);
    process.exit(0);
  }
  if (existsSync(file)) {
    chunks.push(readFileSync(file));
    done += slice.length;
    continue;
  }
  const rows = new Float32Array(slice.length * DIM);
  const order = slice
    .map((_, i) => i)
    .sort((a, b) => (slice[a] ?? '').length - (slice[b] ?? '').length);
  const t1 = performance.now();
  for (let b = 0; b < order.length; b += BATCH) {
    const idx = order.slice(b, b + BATCH);
    const e = await enc.embed(idx.map((i) => slice[i] ?? ''));
    idx.forEach((i, k) => rows.set(e.subarray(k * DIM, (k + 1) * DIM), i * DIM));
  }
  spent += performance.now() - t1;
  const bytes = encodeTable(quantize(rows, DIM));
  writeFileSync(file, bytes);
  chunks.push(bytes);
  done += slice.length;
  if (fromEnd) {
    console.log(`chunk ${c} written`);
    continue;
  }
  console.log(
    `${done}/${texts.length}  ${(spent / 1000).toFixed(0)} s, ${(spent / Math.max(1, done - c * 0)).toFixed(1)} ms/text so far`,
  );
}
if (fromEnd) process.exit(0);
const tables = chunks.map(decodeTable);
const n = tables.reduce((s, t) => s + t.n, 0);
const all = { n, dim: DIM, scale: new Float32Array(n), q: new Int8Array(n * DIM) };
let at = 0;
for (const t of tables) {
  all.scale.set(t.scale, at);
  all.q.set(t.q, at * DIM);
  at += t.n;
}
writeFileSync(out, encodeTable(all));
for (let c = 0; c < tables.length; c++) rmSync(join(parts, `${hash}-${c}.bin`), { force: true });
console.log(`wrote ${out} (${n} rows) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
