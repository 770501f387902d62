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
import { closenessOf, cosineAll, decodeTable, type Int8Table } from './vectors';
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

  /**
   * Paragraph i against each of its rows: the cosine, and its margin over every other claim
   * of the set (one scan of the table a paragraph: 27,754 × 512 int8, ~15 ms).
   */
  async closeness(raw: unknown): Promise<Closeness[]> {
    const items: CosineItem[] = checkItems(raw);
    const texts = items.map((it) => statementEmbeddingText(it.text));
    // Batches sorted by length (padding is per batch).
    const order = texts
      .map((_, i) => i)
      .sort((a, b) => (texts[a]?.length ?? 0) - (texts[b]?.length ?? 0));
    const rows = new Array<Float32Array>(texts.length);
    for (let at = 0; at < order.length; at += 32) {
      const part = order.slice(at, at + 32);
      const emb = await this.encoder.embed(part.map((i) => texts[i] ?? ''));
      part.forEach((i, k) => (rows[i] = emb.slice(k * USE_DIM, (k + 1) * USE_DIM)));
    }
    return items.map((it, i) =>
      closenessOf(cosineAll(this.table, rows[i] ?? new Float32Array(USE_DIM)), it.rows),
    );
  }
}
