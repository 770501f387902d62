/**
 * "Why it matched": the words and numbers a sentence shares with the claim it matched,
 * marked in both texts. A word counts as shared when its index term (stem, alias, number)
 * is one of the evidence's, so "annexed" in the page and "annexation" in the claim, or
 * "Kiev" and "Kyiv", are marked alike. Pure.
 */
import { tokenize } from './text/tokenize';
import type { Evidence } from './types';

export interface Segment {
  text: string;
  shared: boolean;
}

/** The index terms of the evidence's words and numbers. */
export function sharedTerms(evidence: Evidence): Set<string> {
  const out = new Set<string>();
  for (const w of [...evidence.numbers, ...evidence.terms])
    for (const tok of tokenize(w)) out.add(tok.term);
  return out;
}

/** `text` cut into runs, each shared (one of `terms`) or not; adjacent shared runs join. */
export function highlightShared(text: string, terms: ReadonlySet<string>): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  const push = (s: string, shared: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.shared === shared) last.text += s;
    else out.push({ text: s, shared });
  };
  if (terms.size > 0) {
    for (const tok of tokenize(text)) {
      if (!terms.has(tok.term) || tok.start < at) continue;
      push(text.slice(at, tok.start), false);
      push(text.slice(tok.start, tok.end), true);
      at = tok.end;
    }
  }
  push(text.slice(at), false);
  return out;
}
