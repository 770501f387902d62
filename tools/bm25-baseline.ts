/**
 * The plain BM25 baseline of npm run eval (k1 = 1.2, b = 0.75, lower-cased
 * alphanumeric tokens, a small stopword list, claim text + title), with the
 * score of every claim a query touches (the hybrid needs them for candidates
 * another channel found). Same definition and same scores as scripts/eval.ts's.
 */
import type { MatchableClaim } from '../lib/types';

const BASE_STOP = new Set(
  'a an and are as at be by for from has have he her his i in is it its of on or our she that the their they this to was we were will with you'.split(
    ' ',
  ),
);
const baseTokens = (s: string): string[] =>
  (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !BASE_STOP.has(w));

export class Bm25Scores {
  private readonly post = new Map<string, { d: number; tf: number }[]>();
  private readonly len: number[] = [];
  private readonly avg: number;
  constructor(readonly claims: readonly MatchableClaim[]) {
    claims.forEach((c, d) => {
      const toks = baseTokens(`${c.text} ${c.title ?? ''}`);
      this.len.push(toks.length);
      const tf = new Map<string, number>();
      for (const t of toks) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, f] of tf) {
        let p = this.post.get(t);
        if (!p) this.post.set(t, (p = []));
        p.push({ d, tf: f });
      }
    });
    this.avg = this.len.reduce((a, b) => a + b, 0) / Math.max(1, this.len.length);
  }
  /** Claim index -> score, for every claim sharing a term with the text. */
  scores(text: string): Map<number, number> {
    const N = this.claims.length;
    const acc = new Map<number, number>();
    for (const t of new Set(baseTokens(text))) {
      const p = this.post.get(t);
      if (!p) continue;
      const idf = Math.log(1 + (N - p.length + 0.5) / (p.length + 0.5));
      for (const { d, tf } of p) {
        const s = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * (this.len[d] ?? 0)) / this.avg));
        acc.set(d, (acc.get(d) ?? 0) + s);
      }
    }
    return acc;
  }

  /** The top claims by score (eval.ts's `Bm25.rank`: it can import this class instead of its copy). */
  rank(text: string, top: number): { claim: string; score: number }[] {
    return [...this.scores(text)]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([d, score]) => ({ claim: this.claims[d]?.id ?? '', score }));
  }
}
