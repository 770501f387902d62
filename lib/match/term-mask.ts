import type { ClaimIndexCore } from './index-core';
import type { PreparedQuery } from './prepare-query';

/**
 * The query's terms as a mark per term id: `mark[t] === stamp` when the query has term t.
 * A typed-array read instead of a Map lookup for each of a claim unit's terms and adjacent
 * pairs (the features' inner loops); built once per query, reused while the same query is
 * scored against its candidates.
 */
export interface TermMask {
  mark: Uint32Array;
  stamp: number;
}
const newMask = (index: ClaimIndexCore): TermMask => ({
  mark: new Uint32Array(index.src.vocab.length),
  stamp: 0,
});
const masks = new WeakMap<ClaimIndexCore, { mask: TermMask; q: PreparedQuery | null }>();

export function maskOf(index: ClaimIndexCore, q: PreparedQuery): TermMask {
  let m = masks.get(index);
  if (!m) {
    m = { mask: newMask(index), q: null };
    masks.set(index, m);
  }
  if (m.q === q) return m.mask;
  const mask = m.mask;
  const stamp = nextStamp(mask);
  for (const t of q.qtf.keys()) mask.mark[t] = stamp;
  m.q = q;
  return mask;
}

/** A fresh stamp for `mask` (clearing its marks when the counter would wrap). */
export function nextStamp(mask: TermMask): number {
  if (mask.stamp === 0xffffffff) {
    mask.mark.fill(0);
    mask.stamp = 0;
  }
  return ++mask.stamp;
}

/** A second mark array per index, for one claim unit's terms (matchedTokens). */
const unitMasks = new WeakMap<ClaimIndexCore, TermMask>();
export function unitMaskOf(index: ClaimIndexCore): TermMask {
  let m = unitMasks.get(index);
  if (!m) unitMasks.set(index, (m = newMask(index)));
  return m;
}
