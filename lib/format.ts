/**
 * Dates and ages as the card and the popup write them: "25 Nov 2025", "Checked 2 years ago",
 * and the warning for a page much newer than its fact check.
 */
import { isoDateParts } from './iso-date';
import { MONTH_NAMES } from './text/month-names';

/** Parses YYYY, YYYY-MM or YYYY-MM-DD (with optional time) to a UTC date, or null. */
export function parseIsoDate(s: string | undefined): Date | null {
  const p = s ? isoDateParts(s.trim()) : null;
  if (!p) return null;
  const d = new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * "25 Nov 2025", "Nov 2025" or "2025", as precise as the ISO string given; with a locale,
 * written as that locale writes dates (`Intl`, e.g. "25 лист. 2025 р." for uk).
 */
export function formatDate(s: string, locale?: string): string {
  const p = isoDateParts(s.trim());
  if (!p) return s;
  if (locale) return intlDate(p, locale) ?? s;
  const year = p.text.slice(0, 4);
  const month = p.month !== undefined ? MONTH_NAMES[p.month - 1]?.slice(0, 3) : undefined;
  if (!month) return year;
  return p.day !== undefined ? `${p.day} ${month} ${year}` : `${month} ${year}`;
}

function intlDate(p: NonNullable<ReturnType<typeof isoDateParts>>, locale: string) {
  try {
    const d = new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (p.month !== undefined) opts.month = 'short';
    if (p.day !== undefined) opts.day = 'numeric';
    return new Intl.DateTimeFormat(locale, opts).format(d);
  } catch {
    return null;
  }
}

/** A count as the locale writes it ("27,754"; "27 754" for uk). */
export function formatNumber(n: number, locale = 'en'): string {
  try {
    return new Intl.NumberFormat(locale).format(n);
  } catch {
    return String(n);
  }
}

/** How long ago, in its largest whole unit ("today" is `{ unit: 'day', n: 0 }`). */
export interface Age {
  unit: 'day' | 'month' | 'year';
  n: number;
}

/** How long ago `then` was, seen from `now`, in whole days, calendar months or years. */
export function ageOf(then: Date, now: Date): Age {
  const days = Math.floor((now.getTime() - then.getTime()) / 86_400_000);
  if (days < 31) return { unit: 'day', n: Math.max(0, days) };
  // Whole calendar months, so 25 Nov 2025 -> 25 Nov 2026 is exactly "1 year".
  let months =
    (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + (now.getUTCMonth() - then.getUTCMonth());
  if (now.getUTCDate() < then.getUTCDate()) months--;
  months = Math.max(1, months);
  if (months < 12) return { unit: 'month', n: months };
  return { unit: 'year', n: Math.floor(months / 12) };
}

/** "today", "3 days", "5 months", "2 years" (English: the tools' and tests' wording). */
export function formatAge(then: Date, now: Date): string {
  const { unit, n } = ageOf(then, now);
  return n === 0 ? 'today' : `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A page published this long after the fact check is told the check may be out of date. */
export const STALE_AFTER_DAYS = 365;

/** The card's ages: since the check, and (when much newer) from the check to the page. */
export interface StaleParts {
  checked: Age | null;
  /** Set when the page is much newer than the fact check. */
  pageAfter: Age | null;
}

export function staleParts(reviewed: string, pageDate: string | undefined, now: Date): StaleParts {
  const checked = parseIsoDate(reviewed);
  if (!checked) return { checked: null, pageAfter: null };
  const page = parseIsoDate(pageDate);
  const gap = page ? (page.getTime() - checked.getTime()) / 86_400_000 : 0;
  return {
    checked: ageOf(checked, now),
    pageAfter: page && gap > STALE_AFTER_DAYS ? ageOf(checked, page) : null,
  };
}

export interface Staleness {
  /** "Checked 2 years ago" */
  age: string | null;
  /** Set when the page is much newer than the fact check. */
  warning: string | null;
}

/** The same in English words (the UI writes them in the reader's language: utils/i18n.ts). */
export function staleness(reviewed: string, pageDate: string | undefined, now: Date): Staleness {
  const checked = parseIsoDate(reviewed);
  if (!checked) return { age: null, warning: null };
  const age = formatAge(checked, now);
  const { pageAfter } = staleParts(reviewed, pageDate, now);
  const page = parseIsoDate(pageDate);
  const warning =
    pageAfter && page
      ? `This page was published ${formatAge(checked, page)} after the fact check: facts may have changed since.`
      : null;
  return { age: age === 'today' ? 'Checked today' : `Checked ${age} ago`, warning };
}
