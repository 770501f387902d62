/**
 * "Not this claim": the marks a reader hid, kept on this machine only (utils/hidden.ts).
 * A hidden *match* is one claim on one sentence of one page; a hidden *claim* is one claim
 * anywhere on one site. Pure: no storage, no DOM.
 */
import { normalizeHost } from './settings';
import type { Repaired } from './storage-notices';

export type HideKind = 'match' | 'claim';

export interface HiddenEntry {
  kind: HideKind;
  /** The claim's id. */
  claim: string;
  /** The claim as checked, for the options page's list. */
  claimText: string;
  /** The site (normalised hostname). */
  site: string;
  /** kind 'match': the page (origin and path, no query or hash). */
  page?: string;
  /** kind 'match': the marked text (clipped), which identifies the sentence on the page. */
  text?: string;
  /** ISO date it was hidden. */
  added: string;
}

/** What a mark is, for the hidden list. */
export interface MarkPlace {
  claim: string;
  site: string;
  page: string;
  text: string;
}

export const MAX_HIDDEN = 2000;
const MAX_TEXT = 300;

/** The page key of a URL: origin and path (a query or a hash is still the same article). */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}

/** The marked text as stored: whitespace folded, clipped. */
export function markText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

/** The entry that hides this mark (this match on this page, or this claim on this site). */
export function entryFor(
  kind: HideKind,
  place: MarkPlace,
  claimText: string,
  today: string,
): HiddenEntry {
  const base = {
    kind,
    claim: place.claim,
    claimText,
    site: normalizeHost(place.site),
    added: today,
  };
  return kind === 'match'
    ? { ...base, page: pageKey(place.page), text: markText(place.text) }
    : base;
}

/** Two entries hide the same thing. */
export function sameEntry(a: HiddenEntry, b: HiddenEntry): boolean {
  return (
    a.kind === b.kind &&
    a.claim === b.claim &&
    a.site === b.site &&
    a.page === b.page &&
    a.text === b.text
  );
}

/** Adds an entry (once; the newest last, the oldest dropped beyond MAX_HIDDEN). */
export function addHidden(list: readonly HiddenEntry[], entry: HiddenEntry): HiddenEntry[] {
  const rest = list.filter((e) => !sameEntry(e, entry));
  return [...rest, entry].slice(-MAX_HIDDEN);
}

export function removeHidden(list: readonly HiddenEntry[], entry: HiddenEntry): HiddenEntry[] {
  return list.filter((e) => !sameEntry(e, entry));
}

/** Whether any entry hides the mark at this place. */
export function isHidden(list: readonly HiddenEntry[], place: MarkPlace): boolean {
  const site = normalizeHost(place.site);
  let page: string | null = null;
  let text: string | null = null;
  for (const e of list) {
    if (e.claim !== place.claim || e.site !== site) continue;
    if (e.kind === 'claim') return true;
    page ??= pageKey(place.page);
    text ??= markText(place.text);
    if (e.page === page && e.text === text) return true;
  }
  return false;
}

/**
 * Turns whatever is in storage into a valid list: entries that are not well formed are
 * dropped and counted in `problems` (the valid ones are kept).
 */
export function sanitizeHidden(raw: unknown): {
  list: HiddenEntry[];
  problems: string[];
  /** How many entries were dropped, and whether the whole value was unreadable. */
  dropped: number;
  whole: boolean;
} {
  if (raw === null || raw === undefined)
    return { list: [], problems: [], dropped: 0, whole: false };
  if (!Array.isArray(raw))
    return { list: [], problems: ['hidden: expected a list; cleared'], dropped: 0, whole: true };
  const wellFormed = raw.filter(isEntry);
  const list = wellFormed.slice(-MAX_HIDDEN);
  const dropped = raw.length - wellFormed.length;
  return {
    list,
    problems: dropped > 0 ? [`hidden: dropped ${dropped} entries that are not well formed`] : [],
    dropped,
    whole: false,
  };
}

function isEntry(v: unknown): v is HiddenEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  const str = (x: unknown) => typeof x === 'string' && x.length > 0 && x.length <= 2000;
  if (!str(e.claim) || !str(e.site) || typeof e.claimText !== 'string' || !str(e.added))
    return false;
  if (e.kind === 'claim') return e.page === undefined && e.text === undefined;
  return e.kind === 'match' && str(e.page) && str(e.text);
}

/** The stored list as this version reads it, and what was dropped. */
export function repairHidden(raw: unknown): Repaired<HiddenEntry[]> {
  const { list, dropped, whole } = sanitizeHidden(raw);
  return {
    value: list,
    notices: dropped || whole ? [{ item: 'hidden', whole, count: dropped, what: [] }] : [],
  };
}
