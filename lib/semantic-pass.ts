import { semanticCandidates, type SemanticCandidate } from './match/semantic-candidates';
import { semanticMatches, type Closeness } from './semantic/page-decision';
import { MAX_ITEMS, type CosineItem } from './semantic/protocol';
import { claimEmbeddingText } from './semantic/claim-text';
import type { Loaded } from './matching-service';
import type { ClaimRecord, Match, Sentence } from './types';

/** Compares paragraphs with claims in the model's worker (utils/semantic-host.ts). */
export type ClosenessFn = (items: CosineItem[]) => Promise<Closeness[]>;

/** What the model is asked of each candidate paragraph: its text and its claims' rows. */
export const closenessItems = (cands: readonly SemanticCandidate[]): CosineItem[] =>
  cands.map((c) => ({ text: c.text, rows: c.hits.map((h) => h.r.claim) }));

/**
 * The same for a set that ships no vectors (an import, a feed, a claims file): each
 * candidate's claims by their texts, as the model reads them (`textOf`: a claim row's
 * claimEmbeddingText / embeddingText).
 */
export const claimTextItems = (
  cands: readonly SemanticCandidate[],
  textOf: (claim: number) => string,
): CosineItem[] =>
  cands.map((c) => ({ text: c.text, rows: [], claims: c.hits.map((h) => textOf(h.r.claim)) }));

/**
 * The semantic pass over a batch the lexical pass has matched (README "Semantic channel"), in
 * every enabled set: the paragraphs left unmarked at Balanced although their best claim came
 * close (lib/match/semantic-candidates.ts) go to the model in one request, and those whose best
 * claim reaches the page decision's probability are marked (lib/semantic/page-decision.ts).
 * Bundled claims are named by their rows of semantic/claims.fmv; an imported or feed set ships
 * no vectors, so its candidates' own texts go instead, and the worker embeds them and reads each
 * against the bundled claims as rivals (lib/semantic/vectors.ts closenessToClaims). At most
 * MAX_ITEMS paragraphs a request, the bundled set's first. A model that fails costs the
 * semantic marks only.
 */
export async function semanticPass(
  sets: readonly Loaded[],
  sentences: Pick<Sentence, 'text' | 'block'>[],
  date: string | undefined,
  closeness: ClosenessFn,
): Promise<Match[][]> {
  const none = sets.map((): Match[] => []);
  const order = sets.map((_, i) => i).sort((a, b) => rank(sets[a]) - rank(sets[b]));
  const asks: { at: number; cands: SemanticCandidate[]; items: CosineItem[] }[] = [];
  let room = MAX_ITEMS;
  for (const at of order) {
    const l = sets[at] as Loaded;
    if (room <= 0) break;
    let cands = semanticCandidates(l.set.index, sentences, { date }).slice(0, room);
    if (cands.length === 0) continue;
    let items: CosineItem[];
    if (l.info.id === 'bundled') items = closenessItems(cands);
    else {
      let records: Map<number, ClaimRecord>;
      try {
        records = await l.set.claims.getRows(
          new Set(cands.flatMap((c) => c.hits.map((h) => h.r.claim))),
        );
      } catch (err) {
        console.error(`Factmark: the semantic pass skips "${l.info.name}":`, err);
        continue;
      }
      // A claim whose record cannot be read is not asked about (its text is what is compared).
      cands = cands
        .map((c) => ({ ...c, hits: c.hits.filter((h) => records.has(h.r.claim)) }))
        .filter((c) => c.hits.length > 0);
      if (cands.length === 0) continue;
      items = claimTextItems(cands, (k) => claimEmbeddingText(records.get(k) as ClaimRecord));
    }
    asks.push({ at, cands, items });
    room -= items.length;
  }
  if (asks.length === 0) return none;
  let close: Closeness[];
  try {
    close = await closeness(asks.flatMap((a) => a.items));
  } catch (err) {
    console.error('Factmark: the semantic pass failed; the page keeps its lexical marks:', err);
    return none;
  }
  const text = (k: number) => sentences[k]?.text ?? '';
  let from = 0;
  for (const a of asks) {
    const mine = close.slice(from, from + a.items.length);
    from += a.items.length;
    none[a.at] = semanticMatches(a.cands, mine, sets[a.at]?.info.id ?? '', text);
  }
  return none;
}

/** The bundled set is asked first (its claims' vectors ship: no claim to embed). */
const rank = (l: Loaded | undefined): number => (l?.info.id === 'bundled' ? 0 : 1);
