import type { ClaimIndexCore } from './index-core';
import type { PreparedQuery } from './prepare-query';

/** Number agreement, a hard gate: a different figure for the same thing is another claim. */

/**
 * What a number term measures, as far as its form tells: a percentage, a year (a whole number
 * from 1000 to 2099: "in 1783" is a year; a count of 1,500 is taken for one, which only keeps
 * the stricter rule), or a count.
 */
export function numberKind(term: string): 'percent' | 'year' | 'count' {
  if (term.endsWith('%')) return 'percent';
  const v = Number(term.slice(1));
  return Number.isInteger(v) && v >= 1000 && v <= 2099 ? 'year' : 'count';
}

/**
 * Whether the query and claim c disagree on numbers: no unit of the claim (text, phrasings,
 * title) shares a number with the query, and both carry a number of the same kind (a
 * percentage, a year, a count) — a different figure for the same thing is a different claim.
 * Numbers of different kinds do not conflict: a tweet's "4-year-old" or "26 injured" says
 * nothing against a claim dated "December 2019". Checked over every unit, since the best-
 * scoring unit may be a phrasing that words the number differently ("in a day").
 */
export function numbersDisagree(index: ClaimIndexCore, q: PreparedQuery, c: number): boolean {
  if (q.numbers.size === 0) return false;
  const { claimUnitStart, uStart, uTerm, isNumber } = index;
  const claimKinds = new Set<string>();
  for (let u = claimUnitStart[c] ?? 0; u < (claimUnitStart[c + 1] ?? 0); u++) {
    for (let k = uStart[u] ?? 0; k < (uStart[u + 1] ?? 0); k++) {
      const t = uTerm[k] ?? 0;
      if (!isNumber[t]) continue;
      if (q.qtf.has(t)) return false;
      claimKinds.add(numberKind(index.src.vocab[t] ?? ''));
    }
  }
  for (const n of q.numbers) if (claimKinds.has(numberKind(n))) return true;
  return false;
}
