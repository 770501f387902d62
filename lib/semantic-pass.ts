import { semanticCandidates, type SemanticCandidate } from './match/semantic-candidates';
import { semanticMatches, type Closeness } from './semantic/page-decision';
import type { CosineItem } from './semantic/protocol';
import type { Loaded } from './matching-service';
import type { Match, Sentence } from './types';

/** Compares paragraphs with bundled claims in the model's worker (utils/semantic-host.ts). */
export type ClosenessFn = (items: CosineItem[]) => Promise<Closeness[]>;

/** What the model is asked of each candidate paragraph: its text and its claims' rows. */
export const closenessItems = (cands: readonly SemanticCandidate[]): CosineItem[] =>
  cands.map((c) => ({ text: c.text, rows: c.hits.map((h) => h.r.claim) }));

/**
 * The semantic pass over a batch the lexical pass has matched (README "Semantic channel"), in
 * the bundled set, whose claims' vectors ship in semantic/claims.fmv: the paragraphs left
 * unmarked at Balanced although their best claim came close (lib/match/semantic-candidates.ts)
 * go to the model in one request, and those whose best claim reaches the page decision's
 * probability are marked (lib/semantic/page-decision.ts). Imported and feed sets have no
 * vectors (their claims would have to be embedded, ~45 ms each): the lexical pass alone
 * matches them. A model that fails costs the semantic marks only.
 */
export async function semanticPass(
  sets: readonly Loaded[],
  sentences: Pick<Sentence, 'text' | 'block'>[],
  date: string | undefined,
  closeness: ClosenessFn,
): Promise<Match[][]> {
  const none = sets.map((): Match[] => []);
  const at = sets.findIndex((l) => l.info.id === 'bundled');
  const bundled = sets[at];
  if (!bundled) return none;
  const cands = semanticCandidates(bundled.set.index, sentences, { date });
  if (cands.length === 0) return none;
  let close: Closeness[];
  try {
    close = await closeness(closenessItems(cands));
  } catch (err) {
    console.error('Factmark: the semantic pass failed; the page keeps its lexical marks:', err);
    return none;
  }
  const text = (k: number) => sentences[k]?.text ?? '';
  none[at] = semanticMatches(cands, close, bundled.info.id, text);
  return none;
}
