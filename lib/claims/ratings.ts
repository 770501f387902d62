/**
 * Publisher ratings -> Factmark's six verdicts (issue 4). One documented table per publisher
 * whose rating scale we know, then a generic table for ClaimReview `alternateName` text from
 * other fact-checkers. `verdict: null` means "no honest mapping: leave the fact check out".
 * We never guess: an unknown rating is left out, not forced into the nearest verdict.
 *
 * The publisher's own label is always kept (`rating`) and shown on the card, so the verdict
 * colour never hides a nuance the publisher gave (e.g. Snopes "Miscaptioned" shown as
 * Misleading, with "Miscaptioned" beside it).
 *
 * data/claims/README.md renders these tables; keep them in step.
 */
import { slugify } from '../text/slugify';
import type { Verdict } from '../types';

export interface RatingEntry {
  /** null: not a truth rating, or no honest mapping; such fact checks are left out. */
  verdict: Verdict | null;
  /** The publisher's label as it shows it. */
  label: string;
  /** Why, where the mapping is not obvious. */
  why?: string;
}

export type RatingTable = Readonly<Record<string, RatingEntry>>;

/** PolitiFact's Truth-O-Meter and Flip-O-Meter (keys as in the CheckThat! 2021 data). */
export const POLITIFACT: RatingTable = {
  true: { verdict: 'accurate', label: 'True' },
  'mostly-true': { verdict: 'mostly-accurate', label: 'Mostly True' },
  'half-true': {
    verdict: 'needs-context',
    label: 'Half True',
    why: 'partially accurate, leaves out important details or takes things out of context',
  },
  'barely-true': {
    verdict: 'misleading',
    label: 'Mostly False',
    why: 'PolitiFact renamed "Barely True" to "Mostly False": an element of truth, ignores critical facts',
  },
  'mostly-false': { verdict: 'misleading', label: 'Mostly False' },
  false: { verdict: 'false', label: 'False' },
  'pants-fire': {
    verdict: 'false',
    label: 'Pants on Fire!',
    why: 'false and ridiculous; the label keeps the emphasis',
  },
  'pants-on-fire': { verdict: 'false', label: 'Pants on Fire!' },
  'full-flop': {
    verdict: null,
    label: 'Full Flop',
    why: 'Flip-O-Meter rates consistency of a position, not truth',
  },
  'half-flip': { verdict: null, label: 'Half Flip', why: 'Flip-O-Meter: not a truth rating' },
  'no-flip': { verdict: null, label: 'No Flip', why: 'Flip-O-Meter: not a truth rating' },
};

/** Snopes ratings (https://www.snopes.com/fact-check-ratings/ as of 2020–2021). */
export const SNOPES: RatingTable = {
  true: { verdict: 'accurate', label: 'True' },
  'mostly-true': { verdict: 'mostly-accurate', label: 'Mostly True' },
  mixture: {
    verdict: 'needs-context',
    label: 'Mixture',
    why: 'significant elements of both truth and falsity',
  },
  'mostly-false': {
    verdict: 'misleading',
    label: 'Mostly False',
    why: 'as PolitiFact "Mostly False": some truth, primary elements not accurate',
  },
  false: { verdict: 'false', label: 'False' },
  miscaptioned: {
    verdict: 'misleading',
    label: 'Miscaptioned',
    why: 'real photo or video, false description of it',
  },
  misattributed: {
    verdict: 'false',
    label: 'Misattributed',
    why: 'the claim that this person said it is false',
  },
  'correct-attribution': {
    verdict: 'accurate',
    label: 'Correct Attribution',
    why: 'the quote is real; says nothing of whether its content is true',
  },
  outdated: {
    verdict: 'needs-context',
    label: 'Outdated',
    why: 'was accurate once, circumstances changed',
  },
  legend: {
    verdict: 'unproven',
    label: 'Legend',
    why: 'folklore-like stories; Snopes published no definition we could confirm, so the verdict that claims least',
  },
  scam: {
    verdict: 'false',
    label: 'Scam',
    why: 'the offer or promise is not what it claims to be',
  },
  unproven: { verdict: 'unproven', label: 'Unproven' },
  unfounded: {
    verdict: 'unproven',
    label: 'Unfounded',
    why: 'Snopes: no demonstrable evidence found to support it; not shown to be false',
  },
  legit: { verdict: null, label: 'Legit', why: 'no published definition we could confirm' },
  'labeled-satire': {
    verdict: null,
    label: 'Labeled Satire',
    why: 'Snopes does not rate the claim: the source says it is satire; marking it False would misstate the review',
  },
  'originated-as-satire': {
    verdict: null,
    label: 'Originated as Satire',
    why: 'as Labeled Satire: no truth rating given',
  },
  'lost-legend': {
    verdict: null,
    label: 'Lost Legend',
    why: 'no stable definition to map honestly',
  },
  'research-in-progress': { verdict: null, label: 'Research In Progress', why: 'no verdict yet' },
  recall: { verdict: null, label: 'Recall', why: 'a product recall notice, not a rating' },
};

/** AVeriTeC labels (the shared task's four classes). */
export const AVERITEC: RatingTable = {
  supported: { verdict: 'accurate', label: 'Supported' },
  refuted: { verdict: 'false', label: 'Refuted' },
  'conflicting-evidence-cherrypicking': {
    verdict: 'needs-context',
    label: 'Conflicting Evidence/Cherrypicking',
  },
  'not-enough-evidence': { verdict: 'unproven', label: 'Not Enough Evidence' },
};

/**
 * Rating text used by many fact-checkers in ClaimReview `alternateName`, for publishers
 * without their own table. Only labels whose meaning is plain; anything else is left out.
 */
export const GENERIC: RatingTable = {
  true: { verdict: 'accurate', label: 'True' },
  correct: { verdict: 'accurate', label: 'Correct' },
  accurate: { verdict: 'accurate', label: 'Accurate' },
  'mostly-true': { verdict: 'mostly-accurate', label: 'Mostly True' },
  'mostly-correct': { verdict: 'mostly-accurate', label: 'Mostly Correct' },
  'mostly-accurate': { verdict: 'mostly-accurate', label: 'Mostly Accurate' },
  'half-true': { verdict: 'needs-context', label: 'Half True' },
  'partly-true': { verdict: 'needs-context', label: 'Partly True' },
  'partially-true': { verdict: 'needs-context', label: 'Partially True' },
  'partly-false': { verdict: 'needs-context', label: 'Partly False' },
  'partially-false': { verdict: 'needs-context', label: 'Partially False' },
  mixture: { verdict: 'needs-context', label: 'Mixture' },
  mixed: { verdict: 'needs-context', label: 'Mixed' },
  'lacks-context': { verdict: 'needs-context', label: 'Lacks Context' },
  'missing-context': { verdict: 'needs-context', label: 'Missing Context' },
  'needs-context': { verdict: 'needs-context', label: 'Needs Context' },
  'needs-more-context': { verdict: 'needs-context', label: 'Needs More Context' },
  outdated: { verdict: 'needs-context', label: 'Outdated' },
  misleading: { verdict: 'misleading', label: 'Misleading' },
  'mostly-false': { verdict: 'misleading', label: 'Mostly False' },
  miscaptioned: { verdict: 'misleading', label: 'Miscaptioned' },
  false: { verdict: 'false', label: 'False' },
  incorrect: { verdict: 'false', label: 'Incorrect' },
  fake: { verdict: 'false', label: 'Fake' },
  fabricated: { verdict: 'false', label: 'Fabricated' },
  'pants-on-fire': { verdict: 'false', label: 'Pants on Fire!' },
  'four-pinocchios': { verdict: 'false', label: 'Four Pinocchios' },
  unproven: { verdict: 'unproven', label: 'Unproven' },
  unverified: { verdict: 'unproven', label: 'Unverified' },
  'no-evidence': { verdict: 'unproven', label: 'No Evidence' },
  'not-enough-evidence': { verdict: 'unproven', label: 'Not Enough Evidence' },
  ...AVERITEC,
};

/** Which table a publisher uses, by name or by its site's host. */
const PUBLISHER_TABLES: ReadonlyArray<readonly [RegExp, RatingTable]> = [
  [/^politifact$|(^|\.)politifact\.com$/, POLITIFACT],
  [/^snopes$|(^|\.)snopes\.com$/, SNOPES],
  [/^averitec$/, AVERITEC],
];

/** "Pants on Fire!" -> "pants-on-fire"; "Conflicting Evidence/Cherrypicking" -> "conflicting-evidence-cherrypicking". */
export function ratingKey(text: string): string {
  return slugify(text);
}

export function publisherTable(publisher: string): RatingTable | null {
  const p = publisher
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  for (const [re, table] of PUBLISHER_TABLES) if (re.test(p)) return table;
  return null;
}

export interface MappedRating {
  verdict: Verdict;
  /** The publisher's label, prettified. */
  rating: string;
}

/** `known`: the text is in a table but deliberately left out (vs. not understood at all). */
export type RatingResult =
  { ok: true; value: MappedRating } | { ok: false; reason: string; known: boolean };

/**
 * Maps a publisher's rating text to a verdict: the publisher's own table first (a publisher
 * name or host), then the generic table. `ok: false` says why the fact check is left out.
 */
export function mapRating(publisher: string, ratingText: string): RatingResult {
  const key = ratingKey(ratingText);
  if (key === '') return { ok: false, reason: 'empty rating', known: false };
  const own = publisherTable(publisher);
  const entry = own?.[key] ?? GENERIC[key];
  if (!entry)
    return {
      ok: false,
      reason: `rating ${JSON.stringify(ratingText)} has no mapping to a verdict`,
      known: false,
    };
  if (entry.verdict === null)
    return {
      ok: false,
      reason: `rating ${JSON.stringify(entry.label)} is left out: ${entry.why ?? 'no honest mapping'}`,
      known: true,
    };
  return { ok: true, value: { verdict: entry.verdict, rating: entry.label } };
}

/**
 * A numeric ClaimReview rating, only where its meaning is unambiguous: the scale's extremes
 * (best -> accurate, worst -> false) and Google's documented 1–5 convention for ClaimReview
 * (1 False, 2 Mostly false, 3 Half true, 4 Mostly true, 5 True). Anything else: null.
 */
export function mapRatingValue(value: number, best: number, worst: number): Verdict | null {
  if (![value, best, worst].every(Number.isFinite) || best === worst) return null;
  if (value === best) return 'accurate';
  if (value === worst) return 'false';
  if (worst === 1 && best === 5 && Number.isInteger(value)) {
    const five: Record<number, Verdict> = {
      2: 'misleading',
      3: 'needs-context',
      4: 'mostly-accurate',
    };
    return five[value] ?? null;
  }
  return null;
}
