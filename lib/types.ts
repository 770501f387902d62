/**
 * Shared data shapes. Pure types: no DOM, no extension APIs.
 *
 * Data flow (DESIGN.md): claim source files -> validated ClaimRecord -> compiled
 * ClaimSet (display data + matcher index) -> matcher -> Match -> marks (docs/architecture.md).
 */
import type { SharedSpans } from './shared-spans';

/** Factmark's six verdicts, in order from best to worst supported. */
export const VERDICTS = [
  'accurate',
  'mostly-accurate',
  'needs-context',
  'misleading',
  'false',
  'unproven',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Source {
  publisher: string;
  title: string;
  /** Always `https:`; validated at build and import time. */
  url: string;
  /** ISO date, YYYY-MM-DD (or YYYY-MM / YYYY where the publisher gives no day). */
  date: string;
}

/** A claim as written in a source file (close to schema.org ClaimReview). */
export interface ClaimRecord {
  id: string;
  claim: string;
  phrasings?: string[];
  claimant?: string;
  /** When the claim was made, if known (ISO date). */
  claimDate?: string;
  verdict: Verdict;
  /** The publisher's own rating text, e.g. "Pants on Fire!". */
  rating?: string;
  /** 1–3 sentences. Card data decoded from a compiled set has '' when the note was the headline. */
  note: string;
  sources: Source[];
  /** When the fact check was published or last reviewed (ISO date). */
  reviewed: string;
  /**
   * When a feed's update changed this fact check's verdict or rating (ISO date): the card
   * says "verdict updated on …". Set by lib/feeds/merge.ts.
   */
  verdictUpdated?: string;
  topics?: string[];
  lang?: string;
  /** Attribution / licence line shown on the card for claims from third-party data. */
  attribution?: string;
}

/**
 * A claim as the note card gets it: the record, the claim set it came from, and the other
 * sets' checks of the same claim (lib/merge-set-matches.ts).
 */
export interface CardClaim extends ClaimRecord {
  fromSet?: string;
  also?: CardClaim[];
}

/** What the matcher needs of a claim. */
export interface MatchableClaim {
  id: string;
  text: string;
  phrasings?: string[];
  /** Extra context text (e.g. a fact-check headline); weighted lower than `text`. */
  title?: string;
  claimant?: string;
  /** ISO date of the claim or of its fact check. */
  date?: string;
  /**
   * Ranking preference among near-duplicate claims (default 0). Hand-curated
   * claims get a higher one (e.g. 10); when near-duplicates match a sentence,
   * only the highest-priority one is marked.
   */
  priority?: number;
}

/** Context a query or sentence may carry (match contract: doc, speaker, date). */
export interface QueryContext {
  /** Identifies the document; sentences of one doc are ranked with their neighbours. */
  doc?: string;
  speaker?: string;
  /** ISO date of the page / statement. */
  date?: string;
}

export interface Query extends QueryContext {
  id: string;
  text: string;
}

export type Band = 'annotate' | 'possible';

/** Why a sentence matched: the specific words and numbers it shares with the claim. */
export interface Evidence {
  terms: string[];
  numbers: string[];
}

export interface RankedClaim {
  claim: string;
  /** Calibrated confidence in [0, 1]. */
  score: number;
  /** True when the extension, at default settings, would mark this. */
  annotate: boolean;
  band: Band | null;
  evidence: Evidence;
}

/** A sentence, with offsets into the text it was cut from (lib/text/segment.ts). */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /**
   * The block (paragraph) the sentence belongs to: consecutive sentences with the same
   * block are read together as one statement on a page (absent: a block of its own).
   */
  block?: number;
}

/**
 * One claim found in one sentence: the one shape that goes from the matcher (lib/match) through
 * the background to the page, which maps it to a Range and paints it.
 */
export interface Match {
  /** Index of the sentence in the list given to the matcher. */
  sentence: number;
  /** The span that states the claim: offsets into that sentence's text (the sentence, trimmed). */
  start: number;
  end: number;
  /** The claim set the claim is in (its SetInfo id; '' when only one index is matched). */
  set: string;
  /** The claim's row in that set's index (and its display data). */
  row: number;
  score: number;
  band: Band;
  evidence: Evidence;
  /** Found by the semantic pass (lib/semantic/page-decision.ts): `score` is its probability. */
  semantic?: boolean;
  /**
   * The shared words the card marks, in the claim's card text and in [start, end) of the
   * sentence (lib/highlight.ts whySpans; set by the matching service for the page).
   */
  shared?: SharedSpans;
}

/** Strictness set in the popup (which bands are marked), from strictest to broadest. */
export const STRICTNESSES = ['strict', 'balanced', 'broad'] as const;
export type Strictness = (typeof STRICTNESSES)[number];
