/**
 * One mark per claim across claim sets (bundled, imported, feeds), at one strictness:
 * - the same fact check (the same first-source URL) arriving from two sets is one claim, kept
 *   from the set that scored it higher;
 * - two sets marking overlapping text of one sentence (two publishers checking the same claim)
 *   are one mark: the better-scored match, whose card lists the other checks (`also`).
 * Pure.
 */
import type { CardClaim, ClaimRecord, Match } from './types';

export interface SetMatches {
  setName: string;
  matches: readonly Match[];
  records: ReadonlyMap<number, ClaimRecord>;
}

export interface MergedMatch {
  match: Match;
  claim: ClaimRecord;
  setName: string;
  /** The other sets' checks of the same claim, best first. */
  also: CardClaim[];
}

const urlOf = (r: ClaimRecord): string => r.sources[0]?.url ?? `id:${r.id}`;
const overlaps = (a: Match, b: Match) =>
  a.sentence === b.sentence && a.start < b.end && b.start < a.end;

export function mergeSetMatches(perSet: readonly SetMatches[]): MergedMatch[] {
  type Candidate = { m: Match; claim: ClaimRecord; setName: string; set: number; order: number };
  let all: Candidate[] = [];
  perSet.forEach((s, set) => {
    for (const m of s.matches) {
      const claim = s.records.get(m.row);
      if (claim) all.push({ m, claim, setName: s.setName, set, order: all.length });
    }
  });
  // The same fact check (URL) in one sentence from several sets is kept from the first set
  // (the bundled set first), so a feed repeating the bundle changes nothing.
  const firstSet = new Map<string, number>();
  const keyOf = (c: Candidate) => `${c.m.sentence}\n${urlOf(c.claim)}`;
  for (const c of all) if (!firstSet.has(keyOf(c))) firstSet.set(keyOf(c), c.set);
  all = all.filter((c) => firstSet.get(keyOf(c)) === c.set);
  // Then best first; ties keep the sets' order.
  all.sort((a, b) => b.m.score - a.m.score || a.order - b.order);
  const kept: (MergedMatch & { urls: Set<string>; order: number })[] = [];
  for (const c of all) {
    const url = urlOf(c.claim);
    const host = kept.find((k) => overlaps(k.match, c.m) && k.setName !== c.setName);
    if (host) {
      if (!host.urls.has(url)) host.also.push({ ...c.claim, fromSet: c.setName });
      host.urls.add(url);
      continue;
    }
    kept.push({
      match: c.m,
      claim: c.claim,
      setName: c.setName,
      also: [],
      urls: new Set([url]),
      order: c.order,
    });
  }
  kept.sort((a, b) => a.order - b.order);
  return kept.map(({ match, claim, setName, also }) => ({ match, claim, setName, also }));
}
