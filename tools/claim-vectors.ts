/**
 * Claims' USE-lite embeddings, cached (Node only). Embedding a claim costs ~45 ms of CPU, so
 * vectors are kept keyed by the text embedded: data/semantic/claim-vectors.fmk (committed:
 * the benchmark claims as the match CLI reads them) and cache/semantic/ (gitignored).
 *
 * Cache bytes: "FMK1", n (u32), dim (u32), n keys of 8 bytes (sorted), n float32 scales,
 * n·dim int8 values.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { quantize, type Int8Table } from '../lib/semantic/vectors';
import { SEMANTIC_MODEL_ID } from '../lib/semantic/claim-text';
import type { ClaimRecord } from '../lib/types';
import type { ClaimSet } from '../lib/claims/claim-set';

export const CLAIM_VECTOR_CACHE = join(
  import.meta.dirname,
  '..',
  'data',
  'semantic',
  'claim-vectors.fmk',
);
/**
 * Vectors of the bundled claims that CLAIM_VECTOR_CACHE lacks (committed: the extension's
 * table, public/semantic/claims.fmv, is made of both; scripts/semantic-assets.ts).
 */
export const BUNDLED_VECTOR_CACHE = join(
  import.meta.dirname,
  '..',
  'data',
  'semantic',
  'bundled-claims.fmk',
);
const MAGIC = 0x314b4d46; // "FMK1"

export interface KeyedVectors {
  dim: number;
  /** key (16 hex chars) → [int8 row, scale] */
  rows: Map<string, { q: Int8Array; scale: number }>;
}

export function vectorKey(text: string): string {
  return createHash('sha256')
    .update(SEMANTIC_MODEL_ID)
    .update('\n')
    .update(text)
    .digest('hex')
    .slice(0, 16);
}

/** A cached text's vector (undefined when it was never embedded). */
export const cachedRow = (cache: KeyedVectors, text: string) => cache.rows.get(vectorKey(text));

/** A cached vector back as float32 (its int8 values times its scale). */
export const floatRow = (r: { q: Int8Array; scale: number }): Float32Array =>
  Float32Array.from(r.q, (v) => v * r.scale);

/** The cosine of two cached vectors (their int8 dot times both scales); 0 when one is missing. */
export function rowCosine(
  x: { q: Int8Array; scale: number } | undefined,
  y: { q: Int8Array; scale: number } | undefined,
): number {
  if (!x || !y) return 0;
  let s = 0;
  for (let d = 0; d < x.q.length; d++) s += (x.q[d] as number) * (y.q[d] as number);
  return s * x.scale * y.scale;
}

export function readKeyedVectors(path = CLAIM_VECTOR_CACHE): KeyedVectors {
  if (!existsSync(path)) return { dim: 512, rows: new Map() };
  const b = readFileSync(path);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.byteLength < 12 || view.getUint32(0, true) !== MAGIC)
    throw new Error(`${path}: not an FMK1 vector cache (delete it to re-embed)`);
  const n = view.getUint32(4, true);
  const dim = view.getUint32(8, true);
  if (b.byteLength !== 12 + n * (8 + 4 + dim))
    throw new Error(`${path}: wrong length for ${n} vectors of ${dim} (delete it to re-embed)`);
  const rows = new Map<string, { q: Int8Array; scale: number }>();
  const qAt = 12 + n * 12;
  for (let i = 0; i < n; i++) {
    const key = b.subarray(12 + i * 8, 20 + i * 8).toString('hex');
    const scale = view.getFloat32(12 + n * 8 + i * 4, true);
    const q = new Int8Array(dim);
    q.set(new Int8Array(b.buffer, b.byteOffset + qAt + i * dim, dim));
    rows.set(key, { q, scale });
  }
  return { dim, rows };
}

export function writeKeyedVectors(v: KeyedVectors, path = CLAIM_VECTOR_CACHE): void {
  const keys = [...v.rows.keys()].sort();
  const n = keys.length;
  const out = Buffer.alloc(12 + n * (8 + 4 + v.dim));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(n, 4);
  out.writeUInt32LE(v.dim, 8);
  keys.forEach((k, i) => {
    const row = v.rows.get(k) as { q: Int8Array; scale: number };
    Buffer.from(k, 'hex').copy(out, 12 + i * 8);
    out.writeFloatLE(row.scale, 12 + n * 8 + i * 4);
    out.set(new Uint8Array(row.q.buffer, row.q.byteOffset, v.dim), 12 + n * 12 + i * v.dim);
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, out);
  renameSync(`${path}.tmp`, path);
}

/** Every claim of a set in index order, as its card data (the embedding reads claim + title). */
export async function setRecords(set: ClaimSet): Promise<ClaimRecord[]> {
  const n = set.claims.size;
  const rows = await set.claims.getRows(Array.from({ length: n }, (_, i) => i));
  return Array.from({ length: n }, (_, i) => {
    const r = rows.get(i);
    if (!r) throw new Error(`claim row ${i} has no card data`);
    return r;
  });
}

export type Embed = (texts: readonly string[]) => Promise<Float32Array>;

/**
 * Embeds every text not in the cache (batches of 32 of similar length), saving the cache
 * every `saveEvery` texts so an interrupted run resumes. Returns how many were embedded.
 */
export async function fillCache(
  texts: readonly string[],
  cache: KeyedVectors,
  embed: Embed,
  opts: { saveEvery?: number; path?: string; log?: (s: string) => void } = {},
): Promise<number> {
  const missing = [...new Set(texts)].filter((t) => !cache.rows.has(vectorKey(t)));
  missing.sort((a, b) => a.length - b.length);
  const saveEvery = opts.saveEvery ?? 1024;
  const t0 = performance.now();
  for (let b = 0; b < missing.length; b += 32) {
    const batch = missing.slice(b, b + 32);
    const e = await embed(batch);
    const t = quantize(e, cache.dim);
    batch.forEach((text, k) => {
      cache.rows.set(vectorKey(text), {
        q: t.q.slice(k * cache.dim, (k + 1) * cache.dim),
        scale: t.scale[k] ?? 0,
      });
    });
    const done = b + batch.length;
    if (done % saveEvery < 32 || done === missing.length) {
      writeKeyedVectors(cache, opts.path);
      const s = (performance.now() - t0) / 1000;
      opts.log?.(`  embedded ${done}/${missing.length} (${s.toFixed(0)} s)`);
    }
  }
  return missing.length;
}

/** The set's table in index order from the cache; undefined when a claim is missing. */
export function tableFor(texts: readonly string[], cache: KeyedVectors): Int8Table | undefined {
  const n = texts.length;
  const q = new Int8Array(n * cache.dim);
  const scale = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const row = cache.rows.get(vectorKey(texts[i] ?? ''));
    if (!row) return undefined;
    q.set(row.q, i * cache.dim);
    scale[i] = row.scale;
  }
  return { n, dim: cache.dim, q, scale };
}
