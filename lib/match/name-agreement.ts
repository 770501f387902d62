import { ACTOR_EQUIVALENTS, NAME_TERMS } from '../text/aliases';
import type { ClaimIndexCore } from './index-core';
import type { PreparedQuery } from './prepare-query';

/**
 * Name agreement, a hard gate beside number agreement (number-agreement.ts): a sentence that
 * puts another place or person in the claim's stead states another claim.
 */

const nameTermCache = new WeakMap<ClaimIndexCore, Uint8Array>();

/** 1 for terms that are names: alias names, or capitalised in most claims. */
function nameTerms(index: ClaimIndexCore): Uint8Array {
  let m = nameTermCache.get(index);
  if (!m) {
    m = new Uint8Array(index.src.vocab.length);
    for (let t = 0; t < m.length; t++)
      m[t] = NAME_TERMS.has(index.src.vocab[t] ?? '') || (index.nameScore[t] ?? 0) >= 0.6 ? 1 : 0;
    nameTermCache.set(index, m);
  }
  return m;
}

export interface NameCheck {
  /** The claim unit's names, its subject (first name) first. */
  names: number[];
  subjectPresent: boolean;
  /** How many of the other names are absent from the sentence and its neighbours. */
  othersMissing: number;
}

/**
 * Which of a claim unit's names (alias names, or capitalised in most claims) the sentence
 * states. The subject counts as present when the sentence, its neighbours or anywhere in
 * the document names it (a page names its subject once, early); the others only in the
 * sentence or its neighbours. A name counts through its actor equivalents too; those may be
 * unknown to the index, so they are looked up in the sentence's own terms. Cost: one pass
 * over the unit's terms.
 */
export function checkNames(
  index: ClaimIndexCore,
  q: PreparedQuery,
  ctx: Pick<PreparedQuery, 'qtf'> | null,
  doc: ReadonlyMap<number, number> | null,
  unit: number,
): NameCheck {
  if (unit < 0) return { names: [], subjectPresent: true, othersMissing: 0 };
  const isName = nameTerms(index);
  const names: number[] = [];
  for (let k = index.unitSeqStart[unit] ?? 0; k < (index.unitSeqStart[unit + 1] ?? 0); k++) {
    const t = index.src.seq[k] ?? 0;
    if (isName[t] && !names.includes(t)) names.push(t);
  }
  if (names.length === 0) return { names, subjectPresent: true, othersMissing: 0 };
  const near = (t: number): boolean => q.qtf.has(t) || !!ctx?.qtf.has(t);
  const actorNear = (t: number, inDoc: boolean): boolean =>
    (ACTOR_EQUIVALENTS.get(index.src.vocab[t] ?? '') ?? []).some((a) => {
      if (q.tokens.some((tok) => tok.term === a)) return true;
      const id = index.termId.get(a) ?? -1;
      return near(id) || (inDoc && !!doc?.has(id));
    });
  const subject = names[0] as number;
  return {
    names,
    subjectPresent: near(subject) || !!doc?.has(subject) || actorNear(subject, true),
    othersMissing: names.slice(1).filter((t) => !near(t) && !actorNear(t, false)).length,
  };
}

/**
 * A sentence that shares a curated claim's words but not its actors states another claim
 * ("Trump vowed to end inflation within 24 hours" is not "...the Russia-Ukraine war..."):
 * the subject must be present, and of the other names at most one may be absent (none
 * when the claim has fewer than three).
 */
export function namesAgree(n: NameCheck): boolean {
  return n.subjectPresent && n.othersMissing <= (n.names.length >= 3 ? 1 : 0);
}

/**
 * Another actor in the subject's stead: the claim's subject is nowhere on the page near the
 * sentence, and the sentence names someone or somewhere the claim does not ("Biden brokered
 * the ceasefire..." for "Trump brokered..."). A different person or place is a different
 * claim, however similar the rest.
 */
export function subjectReplaced(
  index: ClaimIndexCore,
  q: PreparedQuery,
  names: NameCheck,
  c: number,
): boolean {
  if (names.subjectPresent) return false;
  const isName = nameTerms(index);
  const { claimUnitStart, uStart, uTerm } = index;
  const inClaim = (t: number): boolean => {
    for (let u = claimUnitStart[c] ?? 0; u < (claimUnitStart[c + 1] ?? 0); u++)
      for (let j = uStart[u] ?? 0; j < (uStart[u + 1] ?? 0); j++) if (uTerm[j] === t) return true;
    return false;
  };
  for (let k = 0; k < q.tokenTerm.length; k++) {
    const t = q.tokenTerm[k] ?? -1;
    if (t >= 0 && isName[t] && !inClaim(t)) return true;
  }
  return false;
}
