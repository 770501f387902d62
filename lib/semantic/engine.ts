/**
 * The model side of the semantic channel (run in entrypoints/semantic-worker.ts): USE lite
 * and the bundled claims' vectors, loaded once from the extension's own files, answering
 * "how close is this paragraph to each of these claims, and to any other". No DOM, no extension API: the
 * caller passes how to fetch a file, and has chosen the TF.js backend.
 */
import { statementEmbeddingText } from './claim-text';
import type { Closeness } from './page-decision';
import { checkItems, type CosineItem } from './protocol';
import { fetchUseFiles, UseEncoder, USE_DIM } from './use-encoder';
import { closenessOf, closenessToClaims, cosineAll, decodeTable, type Int8Table } from './vectors';
import { errorMessage } from '../error-message';

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

/** Claim texts (of imports and feeds) whose vectors the worker keeps. */
const CLAIM_CACHE = 4096;

export class SemanticEngine {
  private constructor(
    private readonly encoder: UseEncoder,
    private readonly table: Int8Table,
  ) {}

  /** An engine over an encoder and a table the caller loaded (Node: `npm run scan --semantic`). */
  static of(encoder: UseEncoder, table: Int8Table): SemanticEngine {
    return new SemanticEngine(encoder, table);
  }

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
    let table: Int8Table;
    try {
      table = decodeTable(new Uint8Array(bytes));
    } catch (err) {
      // The file is named, so a damaged build says which of its files is at fault.
      const why = errorMessage(err);
      throw new Error(`semantic/claims.fmv: ${why}`, { cause: err });
    }
    if (table.dim !== USE_DIM || meta.rows !== table.n)
      throw new Error(`semantic/claims.fmv: ${table.n}×${table.dim}, meta.json says ${meta.rows}`);
    // Rows that name other claims would give wrong marks: no semantic pass at all.
    if (meta.index !== hash)
      throw new Error(
        'semantic/claims.fmv was built for another claims/index.bin (run npm run semantic:build)',
      );
    return new SemanticEngine(encoder, table);
  }

  /** Claims of sets with no vectors, embedded once: text -> its vector. */
  private readonly claimCache = new Map<string, Float32Array>();

  /**
   * Paragraph i against each of its rows: the cosine, and its margin over every other claim
   * of the set (one scan of the table a paragraph: 27,754 × 512 int8, ~15 ms). An item that
   * names claim texts instead (an import, a feed) is compared with those, each against the
   * bundled claims as rivals (vectors.ts closenessToClaims); a claim text is embedded once
   * while the worker lives (CLAIM_CACHE of them).
   */
  async closeness(raw: unknown): Promise<Closeness[]> {
    const items: CosineItem[] = checkItems(raw);
    const texts = items.map((it) => statementEmbeddingText(it.text));
    const rows = await this.embedAll(texts);
    const wanted = [...new Set(items.flatMap((it) => it.claims ?? []))].filter(
      (c) => !this.claimCache.has(c),
    );
    if (wanted.length > 0) {
      const vecs = await this.embedAll(wanted);
      wanted.forEach((c, k) => this.claimCache.set(c, vecs[k] ?? new Float32Array(USE_DIM)));
      for (const key of this.claimCache.keys()) {
        if (this.claimCache.size <= CLAIM_CACHE) break;
        this.claimCache.delete(key);
      }
    }
    // A paragraph that is a candidate of two sets is scanned once (a table scan is ~15 ms).
    const scans = new Map<string, Float32Array>();
    return items.map((it, i) => {
      const para = rows[i] ?? new Float32Array(USE_DIM);
      const key = texts[i] ?? '';
      const all = scans.get(key) ?? cosineAll(this.table, para);
      scans.set(key, all);
      if (!it.claims) return closenessOf(all, it.rows);
      const known = it.claims.map((c) => this.claimCache.get(c) ?? new Float32Array(USE_DIM));
      return closenessToClaims(this.table, all, para, known);
    });
  }

  /**
   * Each text's vector, a text asked twice embedded once (a paragraph that is a candidate of
   * two sets); batches of 32 sorted by length (padding is per batch).
   */
  private async embedAll(texts: readonly string[]): Promise<Float32Array[]> {
    const distinct = [...new Set(texts)];
    const order = distinct
      .map((_, i) => i)
      .sort((a, b) => (distinct[a]?.length ?? 0) - (distinct[b]?.length ?? 0));
    const vec = new Map<string, Float32Array>();
    for (let at = 0; at < order.length; at += 32) {
      const part = order.slice(at, at + 32).map((i) => distinct[i] ?? '');
      const emb = await this.encoder.embed(part);
      part.forEach((t, k) => vec.set(t, emb.slice(k * USE_DIM, (k + 1) * USE_DIM)));
    }
    return texts.map((t) => vec.get(t) ?? new Float32Array(USE_DIM));
  }
}
