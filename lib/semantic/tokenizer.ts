/**
 * The SentencePiece tokenizer of Universal Sentence Encoder lite: a port of
 * `Tokenizer` from @tensorflow-models/universal-sentence-encoder 1.3.3
 * (Apache-2.0, Google), itself a port of SentencePiece's `EncodeAsIds`
 * (Viterbi over the unigram lattice). Kept step for step, quirks included
 * (ties go to the later, longer-starting piece; the backward pass steps by
 * the piece's UTF-16 length; consecutive unknowns merge), so the ids, and
 * the embeddings, are identical to the package's (tests/unit/semantic-tokenizer).
 */

/** The vocabulary file: [piece, log-probability] per id; the first 6 ids are reserved. */
export type Vocabulary = readonly (readonly [string, number])[];

const SEPARATOR = '\u2581';
const RESERVED = 6;

interface Node {
  children: Map<string, Node>;
  /** Vocabulary id when a piece ends here, else -1. */
  id: number;
  score: number;
  /** Length of the piece in code points. */
  symbols: number;
}

const node = (symbols: number): Node => ({ children: new Map(), id: -1, score: 0, symbols });

export class UseTokenizer {
  private readonly root = node(0);

  constructor(private readonly vocabulary: Vocabulary) {
    for (let i = RESERVED; i < vocabulary.length; i++) {
      const [piece, score] = vocabulary[i] as readonly [string, number];
      let at = this.root;
      let n = 0;
      for (const ch of piece) {
        n++;
        let next = at.children.get(ch);
        if (!next) at.children.set(ch, (next = node(n)));
        at = next;
      }
      if (n > 0) {
        at.id = i;
        at.score = score;
      }
    }
  }

  /** Token ids of one text. */
  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    const input = normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : '';
    const symbols = Array.from(input);
    const n = symbols.length;
    // ends[e] lists the pieces ending at e, by ascending start (the package's
    // object keys iterate that way), each as [start, id, score, symbols].
    const ends: [number, number, number, number][][] = Array.from({ length: n + 1 }, () => []);
    for (let i = 0; i < n; i++) {
      let at = this.root.children.get(symbols[i] as string);
      let found = false;
      for (let k = i; k < n && at; k++) {
        if (at.id >= 0) {
          ends[i + at.symbols]?.push([i, at.id, at.score, at.symbols]);
          found = true;
        }
        at = at.children.get(symbols[k + 1] as string);
      }
      if (!found) ends[i + 1]?.push([i, 0, 0, 1]);
    }
    const best = new Float64Array(n + 1);
    const words = new Int32Array(n + 1);
    for (let e = 0; e <= n; e++)
      for (const [, id, score, len] of ends[e] ?? []) {
        const s = score + (best[e - len] ?? 0);
        if (best[e] === 0 || s >= (best[e] as number)) {
          best[e] = s;
          words[e] = id;
        }
      }
    const out: number[] = [];
    let prevUnk = false;
    for (let it = n; it > 0;) {
      const id = words[it] as number;
      if (!(prevUnk && id === 0)) out.push(id);
      prevUnk = id === 0;
      it -= (this.vocabulary[id]?.[0] ?? ' ').length;
    }
    return out.reverse();
  }
}
