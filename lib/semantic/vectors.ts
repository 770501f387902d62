/**
 * Int8 embedding tables: each row L2-normalised, then scaled by its own
 * max |x| / 127 and rounded. The cosine of two rows is their int8 dot times
 * both scales (error ~1e-3, far below the gaps that rank claims).
 *
 * Bytes: "FMV1", n (u32), dim (u32), n float32 scales, n·dim int8 values.
 */
export interface Int8Table {
  n: number;
  dim: number;
  scale: Float32Array;
  q: Int8Array;
}

const MAGIC = 0x31564d46; // "FMV1" little-endian

export function quantize(rows: Float32Array, dim: number): Int8Table {
  const n = rows.length / dim;
  const scale = new Float32Array(n);
  const q = new Int8Array(n * dim);
  for (let i = 0; i < n; i++) {
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(rows[i * dim + d] ?? 0));
    const s = max > 0 ? max / 127 : 0;
    scale[i] = s;
    if (s > 0)
      for (let d = 0; d < dim; d++) q[i * dim + d] = Math.round((rows[i * dim + d] ?? 0) / s);
  }
  return { n, dim, scale, q };
}

export function encodeTable(t: Int8Table): Uint8Array {
  const out = new Uint8Array(12 + 4 * t.n + t.n * t.dim);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, t.n, true);
  view.setUint32(8, t.dim, true);
  for (let i = 0; i < t.n; i++) view.setFloat32(12 + 4 * i, t.scale[i] ?? 0, true);
  out.set(new Uint8Array(t.q.buffer, t.q.byteOffset, t.q.byteLength), 12 + 4 * t.n);
  return out;
}

export function decodeTable(bytes: Uint8Array): Int8Table {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC)
    throw new Error('not an FMV1 table');
  const n = view.getUint32(4, true);
  const dim = view.getUint32(8, true);
  if (bytes.byteLength !== 12 + 4 * n + n * dim) throw new Error('FMV1 table: wrong length');
  const scale = new Float32Array(n);
  for (let i = 0; i < n; i++) scale[i] = view.getFloat32(12 + 4 * i, true);
  const q = new Int8Array(n * dim);
  q.set(new Int8Array(bytes.buffer, bytes.byteOffset + 12 + 4 * n, n * dim));
  return { n, dim, scale, q };
}

/** Row i back as float32 (approximately unit length). */
export function rowOf(t: Int8Table, i: number): Float32Array {
  const out = new Float32Array(t.dim);
  const s = t.scale[i] ?? 0;
  for (let d = 0; d < t.dim; d++) out[d] = (t.q[i * t.dim + d] ?? 0) * s;
  return out;
}

/** Cosine of a float row with row i of the table. */
export function cosineRow(t: Int8Table, i: number, v: Float32Array): number {
  let s = 0;
  const base = i * t.dim;
  for (let d = 0; d < t.dim; d++) s += (t.q[base + d] as number) * (v[d] as number);
  return s * (t.scale[i] as number);
}

/** Cosine of a float query row with every row of the table. */
export function cosineAll(t: Int8Table, query: Float32Array): Float32Array {
  const out = new Float32Array(t.n);
  for (let i = 0; i < t.n; i++) out[i] = cosineRow(t, i, query);
  return out;
}

/** The indexes of the `k` highest scores, best first (an earlier index first on ties). */
export function topOf(scores: ArrayLike<number>, k: number): number[] {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (
      idx.length < k ||
      (scores[i] as number) > (scores[idx[idx.length - 1] as number] as number)
    ) {
      idx.push(i);
      idx.sort((a, b) => (scores[b] as number) - (scores[a] as number));
      if (idx.length > k) idx.pop();
    }
  }
  return idx;
}

/**
 * Of a paragraph's cosines with every row (`all`, from cosineAll): those of `rows`, and each
 * one's margin over every other row (its cosine minus the highest of any other row).
 */
export function closenessOf(
  all: Float32Array,
  rows: readonly number[],
): { cos: number[]; margin: number[] } {
  let best = -Infinity;
  let second = -Infinity;
  let bestRow = -1;
  all.forEach((c, r) => {
    if (c > best) {
      second = best;
      best = c;
      bestRow = r;
    } else if (c > second) second = c;
  });
  const cos = rows.map((r) => (r >= 0 && r < all.length ? (all[r] as number) : 0));
  const margin = rows.map((r, k) => (cos[k] ?? 0) - (r === bestRow ? second : best));
  return { cos, margin };
}

/**
 * A claim of a set that ships no vectors is the same claim as a bundled row it is this close
 * to (a feed republishing a bundled check): that row is no rival of it.
 */
export const SAME_CLAIM_COSINE = 0.95;

/** How many of a paragraph's closest rows are looked through for a claim's rival. */
const RIVAL_DEPTH = 16;

/**
 * A paragraph against claims that are not rows of the table (their vectors `claims`, from
 * texts the worker embedded): each one's cosine, and its margin over every other claim
 * Factmark knows, that is the table's rows (`all`: the paragraph's cosine with each) and the
 * other claims asked with it. A row that is this very claim (cosine with it at least
 * SAME_CLAIM_COSINE: a feed republishing a bundled check) is no rival; only the paragraph's
 * RIVAL_DEPTH closest rows are compared with the claim, so no claim costs a table scan. So a
 * claim of an import is read against tens of thousands of rivals, as a bundled claim is
 * (closenessOf), however small its set.
 */
export function closenessToClaims(
  table: Int8Table,
  all: Float32Array,
  para: Float32Array,
  claims: readonly Float32Array[],
): { cos: number[]; margin: number[] } {
  const dot = (a: Float32Array, b: Float32Array): number => {
    let s = 0;
    for (let d = 0; d < a.length; d++) s += (a[d] as number) * (b[d] as number);
    return s;
  };
  const cos = claims.map((v) => dot(v, para));
  const top = topOf(all, RIVAL_DEPTH);
  const margin = cos.map((c, k) => {
    const v = claims[k] as Float32Array;
    const row = top.find((r) => cosineRow(table, r, v) < SAME_CLAIM_COSINE);
    let best = row === undefined ? -Infinity : (all[row] as number);
    cos.forEach((o, j) => {
      if (j !== k && o > best) best = o;
    });
    return c - (best === -Infinity ? 0 : best);
  });
  return { cos, margin };
}
