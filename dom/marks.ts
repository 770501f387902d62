import type { CardClaim, Match, Strictness, Verdict } from '../lib/types';
import type { PageClaim } from '../utils/messages';
import { compareRanges, containsComposed, isLive } from './live-range';

/**
 * The page's marks: a Match from the background, placed in the page (its Range) with its
 * card data. The one shape the painter, the overlay and the annotator share.
 */
export interface Mark {
  /** Unique on the page (the overlay keys its markers by it). */
  key: string;
  match: Match;
  /** The claim's card data (verdict, text, sources). */
  claim: CardClaim;
  range: Range;
  /** The block the mark's text is in: re-reading that block replaces the mark. */
  block: Node | null;
  /** The strictness settings the mark is shown at (grows as the other settings' reply comes). */
  shownAt: Strictness[];
}

/** Which marks the reader wants to see (the popup's settings). */
export interface MarkFilter {
  strictness: Strictness;
  verdicts: readonly Verdict[];
  /** Marks the reader hid ("Not this claim"). */
  hidden?: (m: Mark) => boolean;
}

/** Whether the filter shows the mark. */
export function isShown(m: Mark, f: MarkFilter): boolean {
  return (
    m.shownAt.includes(f.strictness) &&
    f.verdicts.includes(m.claim.verdict) &&
    !(f.hidden?.(m) ?? false)
  );
}

/** Document order (shadow roots at their host; never throws), then claim id. */
export function compareMarks(a: Mark, b: Mark): number {
  const c = compareRanges(a.range, b.range);
  return c !== 0 ? c : a.claim.id < b.claim.id ? -1 : 1;
}

/**
 * Adds `added` to `marks` (both in document order). The first reading goes through the page
 * in order, so a batch usually lands after every mark so far and is appended (sorting hundreds
 * of Ranges per batch was a long task on huge pages); text added later, anywhere, takes the
 * full sort.
 */
export function mergeMarks(marks: readonly Mark[], added: Mark[]): Mark[] {
  added.sort(compareMarks);
  const last = marks[marks.length - 1];
  const first = added[0];
  if (!first) return [...marks];
  return !last || compareMarks(last, first) <= 0
    ? marks.concat(added)
    : [...marks, ...added].sort(compareMarks);
}

/** Whether a mark's text is gone from `doc` (dom/live-range.ts `isLive`). */
export function isGone(m: Mark, doc: Document): boolean {
  return !isLive(m.range, doc);
}

/** Whether a mark's text is gone or was in one of the blocks about to be read again. */
export function isStale(m: Mark, rereading: readonly Node[], doc: Document): boolean {
  const start = m.range.startContainer;
  return isGone(m, doc) || rereading.some((b) => b === m.block || containsComposed(b, start));
}

/**
 * The same text with the same claim twice (a batch's late reply on text read again
 * meanwhile): a mark of `added` that one of `marks` already is.
 */
export function isDuplicate(m: Mark, marks: readonly Mark[]): boolean {
  const r = m.range;
  return marks.some(
    (o) =>
      o.claim.id === m.claim.id &&
      o.range.startContainer === r.startContainer &&
      o.range.startOffset === r.startOffset &&
      o.range.endContainer === r.endContainer &&
      o.range.endOffset === r.endOffset,
  );
}

/** The claims of these marks, each once with how often it is marked (the popup's list). */
export function claimsOf(marks: readonly Mark[]): PageClaim[] {
  const byId = new Map<string, PageClaim>();
  for (const m of marks) {
    const c = byId.get(m.claim.id);
    if (c) c.count++;
    else
      byId.set(m.claim.id, {
        id: m.claim.id,
        claim: m.claim.claim,
        verdict: m.claim.verdict,
        count: 1,
      });
  }
  return [...byId.values()];
}
