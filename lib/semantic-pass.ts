import { matchSentences } from './match/matcher';
import { semanticCandidates, type SemanticCandidate } from './match/semantic-candidates';
import { semanticMatches } from './semantic/page-decision';
import { claimEmbeddingText } from './semantic/claim-text';
import type { ClaimRef, CosineItem } from './semantic/protocol';
import type { Loaded } from './matching-service';
import type { Match, Sentence } from './types';

/** Compares paragraphs with claims in the model's worker (utils/semantic-host.ts). */
export type CosineFn = (items: CosineItem[]) => Promise<number[][]>;

/**
 * The semantic pass over a batch the lexical pass has matched (README "Semantic channel"):
 * in each set, the paragraphs left unmarked at Balanced although their best claim came close
 * (lib/match/semantic-candidates.ts) go to the model in one request, and those whose best
 * claim reaches the page decision's probability are marked (lib/semantic/page-decision.ts).
 * Bundled claims are named by row (their vectors ship in semantic/claims.fmv); a claim of an
 * imported or feed set is sent as its text and embedded in the worker. A model that fails
 * costs the semantic marks only. `found[i]`: the matches in `sets[i]`.
 */
export async function semanticPass(
  sets: readonly Loaded[],
  sentences: Pick<Sentence, 'text' | 'block'>[],
  date: string | undefined,
  cosines: CosineFn,
): Promise<Match[][]> {
  const perSet: { cands: SemanticCandidate[]; items: CosineItem[] }[] = await Promise.all(
    sets.map(async ({ set, info }) => {
      const ctx = { date };
      const marked = new Set(
        matchSentences(set.index, sentences, ctx, { strictness: 'balanced' }).map(
          (m) => m.sentence,
        ),
      );
      const cands = semanticCandidates(set.index, sentences, ctx, marked);
      if (cands.length === 0) return { cands, items: [] };
      let refOf = (row: number): ClaimRef => ({ row });
      if (info.id !== 'bundled') {
        const rows = await set.claims.getRows(
          new Set(cands.flatMap((c) => c.hits.map((h) => h.r.claim))),
        );
        refOf = (row) => {
          const r = rows.get(row);
          return { text: r ? claimEmbeddingText(r) : '' };
        };
      }
      return {
        cands,
        items: cands.map((c) => ({ text: c.text, claims: c.hits.map((h) => refOf(h.r.claim)) })),
      };
    }),
  );
  const items = perSet.flatMap((s) => s.items);
  if (items.length === 0) return sets.map(() => []);
  let cos: number[][];
  try {
    cos = await cosines(items);
  } catch (err) {
    console.error('Factmark: the semantic pass failed; the page keeps its lexical marks:', err);
    return sets.map(() => []);
  }
  let at = 0;
  return perSet.map(({ cands }, i) => {
    const mine = cos.slice(at, (at += cands.length));
    const text = (k: number) => sentences[k]?.text ?? '';
    return semanticMatches(cands, mine, sets[i]?.info.id ?? '', text);
  });
}
