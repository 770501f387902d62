/**
 * "Why it matched": the words and numbers a sentence shares with the claim it matched,
 * marked in both texts. A word counts as shared when its index term (stem, alias, number)
 * is one of the evidence's, so "annexed" in the page and "annexation" in the claim, or
 * "Kiev" and "Kyiv", are marked alike. Runs where the matcher runs (the background), whose
 * reply carries the spans to the card (lib/shared-spans.ts). Pure.
 */
import { tokenize } from './text/tokenize';
import type { SharedSpans, Span } from './shared-spans';
import type { Evidence } from './types';

/** The index terms of the evidence's words and numbers. */
export function sharedTerms(evidence: Evidence): Set<string> {
  const out = new Set<string>();
  for (const w of [...evidence.numbers, ...evidence.terms])
    for (const tok of tokenize(w)) out.add(tok.term);
  return out;
}

/** Where `text`'s words are one of `terms`: sorted spans, adjacent ones joined. */
export function sharedSpans(text: string, terms: ReadonlySet<string>): Span[] {
  const out: Span[] = [];
  if (terms.size === 0) return out;
  for (const tok of tokenize(text)) {
    if (!terms.has(tok.term)) continue;
    const last = out[out.length - 1];
    if (last && tok.start < last[1]) continue;
    if (last && tok.start === last[1]) last[1] = tok.end;
    else out.push([tok.start, tok.end]);
  }
  return out;
}

/** A match's shared words in the claim's text and in the page's marked text; none: undefined. */
export function whySpans(
  evidence: Evidence,
  claim: string,
  quote: string,
): SharedSpans | undefined {
  if (evidence.terms.length + evidence.numbers.length === 0) return undefined;
  const terms = sharedTerms(evidence);
  return { claim: sharedSpans(claim, terms), quote: sharedSpans(quote, terms) };
}
