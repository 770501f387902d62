import type { MatchReply } from '../utils/messages';
import { blockOf } from './extract-text';
import { isDuplicate, type Mark } from './marks';
import { sentenceRange, type PageSentence } from './page-sentences';

/**
 * A reply's matches as marks on the page (the annotator paints them): a match already placed
 * from the same batch's other reply (`known`, by sentence, span, set and row) gains that
 * reply's settings instead (`grown`); a match whose text the page removed or replaced while
 * the reply was on its way, or that repeats a mark already made (`marks`), is dropped.
 */
export function marksOfReply(
  sentences: readonly PageSentence[],
  reply: MatchReply,
  known: Map<string, Mark>,
  marks: readonly Mark[],
  doc: Document,
  nextKey: () => string,
): { added: Mark[]; grown: Mark[] } {
  const added: Mark[] = [];
  const grown: Mark[] = [];
  reply.matches.forEach((match, i) => {
    const shownAt = reply.shownAt[i] ?? [];
    const id = `${match.sentence}:${match.start}:${match.end}:${match.set}:${match.row}`;
    const had = known.get(id);
    if (had) {
      had.shownAt = [...had.shownAt, ...shownAt];
      // The semantic pass's match of a sentence the lexical pass found possible: the card
      // says why it was marked at Balanced (by meaning), not that it may not state the claim.
      if (match.semantic && !had.match.semantic) had.match = match;
      grown.push(had);
      return;
    }
    const claim = reply.claims[match.set]?.[match.row];
    const sentence = sentences[match.sentence];
    if (!claim || !sentence) return;
    // Null for text the page removed or replaced while the reply was on its way.
    const range = sentenceRange(sentence, match.start, match.end, doc);
    if (!range) return;
    const m: Mark = {
      key: nextKey(),
      match,
      claim,
      range,
      block: blockOf(range.startContainer),
      shownAt,
    };
    known.set(id, m);
    // The same text read again meanwhile (a late reply) is marked once.
    if (isDuplicate(m, marks) || isDuplicate(m, added)) return;
    added.push(m);
  });
  return { added, grown };
}
