import type { MatchableClaim } from '../types';
import { tokenize } from '../text/tokenize';
import {
  assembleIndex,
  FIELD_PHRASING,
  FIELD_TEXT,
  FIELD_TITLE,
  type ClaimIndexCore,
  type IndexSource,
} from './index-core';

/**
 * Build the index for a claim set (once per set; at build time for the
 * bundled set). Cost: one tokenisation of every claim text, phrasing and title.
 * Duplicate claim ids keep the first record.
 */
export function buildIndex(claims: MatchableClaim[]): ClaimIndexCore {
  const vocab: string[] = [];
  const termId = new Map<string, number>();
  const capCount: number[] = [];
  const seenCount: number[] = [];
  const ids: string[] = [];
  const claimants: string[] = [];
  const dates: string[] = [];
  const priority: Record<number, number> = {};
  const unitClaim: number[] = [];
  const unitField: number[] = [];
  const unitLen: number[] = [];
  const seq: number[] = [];
  const seen = new Set<string>();

  const addUnit = (c: number, field: number, text: string | undefined): void => {
    if (!text || !text.trim()) return;
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    unitClaim.push(c);
    unitField.push(field);
    unitLen.push(tokens.length);
    for (let k = 0; k < tokens.length; k++) {
      const tok = tokens[k];
      if (!tok) continue;
      let t = termId.get(tok.term);
      if (t === undefined) {
        t = vocab.length;
        vocab.push(tok.term);
        termId.set(tok.term, t);
        capCount.push(0);
        seenCount.push(0);
      }
      seq.push(t);
      // Name evidence: capitalised away from the start of the text. Titles are
      // often in Title Case, so only claim texts and phrasings count.
      if (field !== FIELD_TITLE && k > 0 && tok.kind === 'word') {
        seenCount[t] = (seenCount[t] ?? 0) + 1;
        if (tok.cap) capCount[t] = (capCount[t] ?? 0) + 1;
      }
    }
  };

  for (const claim of claims) {
    if (seen.has(claim.id)) continue;
    seen.add(claim.id);
    const c = ids.length;
    ids.push(claim.id);
    claimants.push((claim.claimant ?? '').toLowerCase());
    dates.push(claim.date ?? '');
    if (claim.priority) priority[c] = claim.priority;
    addUnit(c, FIELD_TEXT, claim.text);
    for (const p of claim.phrasings ?? []) addUnit(c, FIELD_PHRASING, p);
    addUnit(c, FIELD_TITLE, claim.title);
  }

  const names = new Uint32Array(vocab.length);
  for (let t = 0; t < vocab.length; t++) {
    const n = seenCount[t] ?? 0;
    names[t] = n > 0 ? Math.round((255 * (capCount[t] ?? 0)) / n) : 0;
  }
  const src: IndexSource = {
    ids,
    claimants,
    dates,
    priority,
    vocab,
    names,
    unitClaim: Uint32Array.from(unitClaim),
    unitField: Uint32Array.from(unitField),
    unitLen: Uint32Array.from(unitLen),
    seq: Uint32Array.from(seq),
  };
  return assembleIndex(src);
}
