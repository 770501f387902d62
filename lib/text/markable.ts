/**
 * The one "long enough to state a claim" rule. A sentence states a checked claim only with
 * at least MIN_TERMS content terms (the matcher's rule, lib/match/rank-prepared.ts), so one
 * of fewer words, or shorter than MIN_SENTENCE_CHARS, is never sent to be matched: the
 * content script's cheap pre-filter of menus, buttons and captions, implied by that rule.
 */
export const MIN_TERMS = 4;

/** Sentences shorter than this are never marked (a menu item, a button). */
export const MIN_SENTENCE_CHARS = 20;

const WORDS = new RegExp(`^\\s*(\\S+\\s+){${MIN_TERMS - 1}}\\S`);

/** Whether a sentence is long enough to be marked. */
export function markable(text: string): boolean {
  return text.length >= MIN_SENTENCE_CHARS && WORDS.test(text);
}

/**
 * The sentences worth sending to the matcher: those long enough to be marked, and the short
 * ones of a paragraph that holds such a sentence. A paragraph is read as one statement
 * (lib/match/match-blocks.ts), and its short sentences are part of it: the tweet "Felons
 * can't vote. But pardoned ones can" states its claim only with both. A paragraph of short
 * sentences only (a menu, a caption, a button row) is not sent.
 */
export function sendable<T extends { text: string; block?: number }>(sentences: readonly T[]): T[] {
  const long = sentences.map((s) => markable(s.text));
  const blocks = new Set<number>();
  sentences.forEach((s, i) => {
    if (s.block !== undefined && long[i]) blocks.add(s.block);
  });
  return sentences.filter((s, i) => long[i] || (s.block !== undefined && blocks.has(s.block)));
}
