/**
 * The model side of the semantic channel (run in entrypoints/semantic-worker.ts): USE lite
 * and the bundled claims' vectors, loaded once from the extension's own files, answering
 * "how close is this paragraph to each of these claims". No DOM, no extension API: the
 * caller passes how to fetch a file, and has chosen the TF.js backend.
 */
import { checkItems, type CosineItem } from './protocol';
import { fetchUseFiles, UseEncoder, USE_DIM } from './use-encoder';
import { decodeTable, type Int8Table } from './vectors';

/** public/semantic/meta.json, written by scripts/semantic-assets.ts. */
export interface SemanticMeta {
  model: string;
  dim: number;
  rows: number;
  /** sha256 (hex) of the claims/index.bin the table's rows follow. */
  index: string;
}

export interface EngineFiles {
  /** A file of public/semantic/ by name. */
  semantic: (file: string) => Promise<Response>;
  /** The sha256 (hex) of the bundled index the background matches with. */
  indexHash: () => Promise<string>;
}

/** Claim texts embedded for imported and feed sets, kept for the next page. */
const TEXT_CACHE = 2048;

export class SemanticEngine {
  private readonly texts = new Map<string, Float32Array>();

  private constructor(
    private readonly encoder: UseEncoder,
    /** Null when the table was built for another index: bundled rows then score 0. */
    private readonly table: Int8Table | null,
  ) {}

  static async load(files: EngineFiles): Promise<SemanticEngine> {
    const res = async (file: string) => {
      const r = await files.semantic(file);
      if (!r.ok) throw new Error(`semantic/${file}: HTTP ${r.status}`);
      return r;
    };
    const [encoder, meta, bytes, hash] = await Promise.all([
      fetchUseFiles(
        (f) => f,
        (f) => res(f),
      ).then((f) => UseEncoder.load(f)),
      res('meta.json').then((r) => r.json() as Promise<SemanticMeta>),
      res('claims.fmv').then((r) => r.arrayBuffer()),
      files.indexHash(),
    ]);
    const table = decodeTable(new Uint8Array(bytes));
    if (table.dim !== USE_DIM || meta.rows !== table.n)
      throw new Error(`semantic/claims.fmv: ${table.n}×${table.dim}, meta.json says ${meta.rows}`);
    if (meta.index !== hash) {
      console.error(
        'Factmark: semantic/claims.fmv was built for another claims/index.bin (run npm run semantic:build); bundled claims are not compared',
      );
      return new SemanticEngine(encoder, null);
    }
    return new SemanticEngine(encoder, table);
  }

  /** `cosines[i][k]` of paragraph i and its claim k (0 for a row the table does not hold). */
  async cosines(raw: unknown): Promise<number[][]> {
    const items: CosineItem[] = checkItems(raw);
    const newTexts = [
      ...new Set(
        items.flatMap((it) =>
          it.claims.flatMap((c) => ('text' in c && !this.texts.has(c.text) ? [c.text] : [])),
        ),
      ),
    ];
    // One batch, sorted by length (padding is per batch): paragraphs and new claim texts.
    const all = [...items.map((it) => it.text), ...newTexts];
    const order = all
      .map((_, i) => i)
      .sort((a, b) => (all[a]?.length ?? 0) - (all[b]?.length ?? 0));
    const rows = new Array<Float32Array>(all.length);
    for (let at = 0; at < order.length; at += 32) {
      const part = order.slice(at, at + 32);
      const emb = await this.encoder.embed(part.map((i) => all[i] ?? ''));
      part.forEach((i, k) => (rows[i] = emb.slice(k * USE_DIM, (k + 1) * USE_DIM)));
    }
    newTexts.forEach((t, j) => {
      const v = rows[items.length + j];
      if (v) this.texts.set(t, v);
    });
    while (this.texts.size > TEXT_CACHE)
      this.texts.delete(this.texts.keys().next().value as string);
    return items.map((it, i) => {
      const p = rows[i] ?? new Float32Array(USE_DIM);
      return it.claims.map((c) => {
        if ('text' in c) return dot(p, this.texts.get(c.text));
        return this.rowCosine(p, c.row);
      });
    });
  }

  private rowCosine(p: Float32Array, row: number): number {
    const t = this.table;
    if (!t || row >= t.n) return 0;
    let s = 0;
    const base = row * t.dim;
    for (let d = 0; d < t.dim; d++) s += (t.q[base + d] as number) * (p[d] as number);
    return s * (t.scale[row] as number);
  }
}

function dot(a: Float32Array, b: Float32Array | undefined): number {
  if (!b) return 0;
  let s = 0;
  for (let d = 0; d < a.length; d++) s += (a[d] as number) * (b[d] as number);
  return s;
}
