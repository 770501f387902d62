import type { MatchableClaim } from '../types';

/**
 * What the matcher reads of a claim, under the source form's names: a ClaimRecord is one, and
 * the tools map their looser JSON Lines onto it, so every claim reaches the index the same way.
 */
export interface MatchableFields {
  id: string;
  claim: string;
  phrasings?: readonly string[];
  /** The first source's title is the claim's title unit. */
  sources?: readonly { title?: string }[];
  claimant?: string;
  claimDate?: string;
  reviewed?: string;
}

/** The matcher's view of a record. The date is the claim's, else the fact check's. */
export function toMatchable(r: MatchableFields, priority: number): MatchableClaim {
  const m: MatchableClaim = { id: r.id, text: r.claim };
  if (r.phrasings && r.phrasings.length > 0) m.phrasings = [...r.phrasings];
  const title = r.sources?.[0]?.title;
  if (title !== undefined) m.title = title;
  if (r.claimant !== undefined) m.claimant = r.claimant;
  const date = r.claimDate ?? r.reviewed;
  if (date !== undefined) m.date = date;
  if (priority !== 0) m.priority = priority;
  return m;
}
