/**
 * What a claim set says about itself, honestly: who checked its claims, under what licence,
 * how many there are and when they were reviewed ("PolitiFact and Snopes, reviewed
 * 2007–2021"), and whether its newest review is over a year old. Computed from the records
 * when a set is compiled (bundled, imported or a feed), so the popup needs no records.
 */
import type { ClaimRecord } from '../types';
import { parseIsoDate } from '../format';

/** Publishers named in a summary, most claims first; the rest are counted. */
export const SUMMARY_PUBLISHERS = 6;

export interface SetSummary {
  /** Publishers of the claims' first sources, most claims first (at most SUMMARY_PUBLISHERS). */
  publishers: string[];
  /** How many other publishers there are. */
  otherPublishers: number;
  /** Distinct attribution / licence lines of the claims (at most 4). */
  attributions: string[];
  /** Oldest and newest review dates (ISO), '' for an empty set. */
  from: string;
  to: string;
}

export function summarize(records: Iterable<ClaimRecord>): SetSummary {
  const publishers = new Map<string, number>();
  const attributions = new Set<string>();
  let from = '';
  let to = '';
  for (const r of records) {
    const p = r.sources[0]?.publisher;
    if (p !== undefined) publishers.set(p, (publishers.get(p) ?? 0) + 1);
    if (r.attribution !== undefined && attributions.size < 4) attributions.add(r.attribution);
    if (from === '' || r.reviewed < from) from = r.reviewed;
    if (r.reviewed > to) to = r.reviewed;
  }
  const ranked = [...publishers].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return {
    publishers: ranked.slice(0, SUMMARY_PUBLISHERS).map(([p]) => p),
    otherPublishers: Math.max(0, ranked.length - SUMMARY_PUBLISHERS),
    attributions: [...attributions],
    from,
    to,
  };
}

/** The words a summary is written in: English by default, the reader's language in the UI. */
export interface SummaryWords {
  /** "A, B and C" */
  list(names: string[]): string;
  /** "4 others" */
  others(n: number): string;
  noPublisher: string;
  /** "reviewed 2021" */
  year(a: string): string;
  /** "reviewed 2007–2021" */
  years(a: string, b: string): string;
}

export const ENGLISH: SummaryWords = {
  list: (names) => `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`,
  others: (n) => `${n} other${n === 1 ? '' : 's'}`,
  noPublisher: 'no publisher',
  year: (a) => `reviewed ${a}`,
  years: (a, b) => `reviewed ${a}–${b}`,
};

/** "PolitiFact and Snopes, reviewed 2007–2021"; "A, B, C and 4 others"; just the names for an empty set. */
export function describeSummary(s: SetSummary, words: SummaryWords = ENGLISH): string {
  const names = [...s.publishers];
  if (s.otherPublishers > 0) names.push(words.others(s.otherPublishers));
  const who = names.length <= 1 ? (names[0] ?? words.noPublisher) : words.list(names);
  const a = s.from.slice(0, 4);
  const b = s.to.slice(0, 4);
  if (a === '') return who;
  return `${who}, ${a === b ? words.year(a) : words.years(a, b)}`;
}

/** Whether the set's newest review is more than a year before `now`. */
export function isStale(s: SetSummary, now: Date): boolean {
  const newest = parseIsoDate(s.to);
  if (!newest) return false;
  const yearLater = new Date(newest);
  yearLater.setUTCFullYear(yearLater.getUTCFullYear() + 1);
  return now.getTime() > yearLater.getTime();
}

/** Checks a summary read back from a stored or compiled set; null when it is not one. */
export function checkSummary(v: unknown): SetSummary | null {
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const strings = (x: unknown): x is string[] =>
    Array.isArray(x) && x.every((y) => typeof y === 'string');
  if (!strings(o.publishers) || !strings(o.attributions)) return null;
  if (typeof o.from !== 'string' || typeof o.to !== 'string') return null;
  if (typeof o.otherPublishers !== 'number' || !Number.isInteger(o.otherPublishers)) return null;
  return {
    publishers: [...o.publishers],
    otherPublishers: o.otherPublishers,
    attributions: [...o.attributions],
    from: o.from,
    to: o.to,
  };
}
