/**
 * Sentence counting for notes: the note limit is stated in sentences (DESIGN.md: "1–3
 * sentences"), and converters clip long publisher text (a review body, a justification) to
 * whole sentences rather than cutting mid-word. The sentences are the page's
 * (lib/text/segment.ts): one splitter, one list of abbreviations. Pure string code.
 */
import { segmentSentences } from '../text/segment';

/** White space folded to single spaces, as validation folds note text. */
const fold = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** How many sentences `text` has (0 for blank text). */
export function countSentences(text: string): number {
  return segmentSentences(fold(text)).length;
}

/**
 * The longest run of whole leading sentences of `text` within both limits, or null when even
 * the first sentence is too long. Never cuts inside a sentence: a clipped note must still say
 * only what the publisher said.
 */
export function clipSentences(text: string, maxSentences: number, maxChars: number): string | null {
  const t = fold(text);
  let best: string | null = null;
  for (const s of segmentSentences(t).slice(0, maxSentences)) {
    if (s.end > maxChars) break;
    best = t.slice(0, s.end);
  }
  return best;
}
