import type en from '../public/_locales/en/messages.json';
import { formatDate, formatNumber, staleParts, type Age } from '../lib/format';
import type { Verdict } from '../lib/types';
import { describeSummary, type SetSummary } from '../lib/feeds/summary';

/**
 * The user-visible strings, from the browser's `_locales` (public/_locales/<lang>/
 * messages.json) through `i18n.getMessage`, in the browser's language. The files are not
 * bundled (the browser reads them); the DOM tests put the English file behind a stand-in
 * `chrome.i18n` (tests/dom/setup-i18n.ts). Placeholders are `$1`…`$9`.
 */
export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, subs?: string[]): string;
  getUILanguage?(): string;
}

function api(): I18nApi | undefined {
  return (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
}

/** The message `key` with its placeholders filled. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const args = subs.map(String);
  // A key the browser does not know reads as itself: visible, never blank.
  return api()?.getMessage(key, args) || key;
}

/** The reader's language for `Intl` (dates, numbers): the browser's UI language. */
export function uiLocale(): string {
  return api()?.getUILanguage?.() ?? 'en';
}

const VERDICT_KEYS: Record<Verdict, MessageKey> = {
  accurate: 'verdictAccurate',
  'mostly-accurate': 'verdictMostlyAccurate',
  'needs-context': 'verdictNeedsContext',
  misleading: 'verdictMisleading',
  false: 'verdictFalse',
  unproven: 'verdictUnproven',
};

/** A verdict's name in the reader's language. */
export function verdictLabel(v: Verdict): string {
  return t(VERDICT_KEYS[v]);
}

/** An ISO date as the reader's locale writes it, as precise as it is. */
export function localDate(iso: string): string {
  return formatDate(iso, uiLocale());
}

/** An ISO date-time as the reader's locale writes a day and time ("6 Dec 2026, 21:40"). */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toISOString();
  }
}

/** A count as the reader's locale writes it. */
export function localNumber(n: number): string {
  return formatNumber(n, uiLocale());
}

/** "2 years" in the reader's language. */
export function localDuration(a: Age): string {
  try {
    return new Intl.NumberFormat(uiLocale(), {
      style: 'unit',
      unit: a.unit,
      unitDisplay: 'long',
    }).format(a.n);
  } catch {
    return `${a.n} ${a.unit}`;
  }
}

/** "Checked 2 years ago" / the page-newer-than-the-check warning, in the reader's language. */
export function localStaleness(
  reviewed: string,
  pageDate: string | undefined,
  now: Date,
): { age: string | null; warning: string | null } {
  const { checked, pageAfter } = staleParts(reviewed, pageDate, now);
  let age: string | null = null;
  if (checked) {
    if (checked.n === 0) age = t('checkedToday');
    else {
      let ago: string;
      try {
        ago = new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' }).format(
          -checked.n,
          checked.unit,
        );
      } catch {
        ago = `${localDuration(checked)} ago`;
      }
      age = t('checkedAgo', ago);
    }
  }
  return { age, warning: pageAfter ? t('staleWarning', localDuration(pageAfter)) : null };
}

type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_other` ? B : never;
}[MessageKey];

/**
 * A message with a count, in the plural form the reader's language uses for it (`Intl`
 * PluralRules: English one/other, Ukrainian one/few/many/other; each language's file has
 * all four keys `<base>_one`, `_few`, `_many`, `_other`). $1 is the count, then `subs`.
 */
export function tn(base: PluralBase, n: number, ...subs: (string | number)[]): string {
  let cat = 'other';
  try {
    cat = new Intl.PluralRules(uiLocale()).select(n);
  } catch {
    // an unknown locale: the other form
  }
  const key = (
    ['one', 'few', 'many'].includes(cat) ? `${base}_${cat}` : `${base}_other`
  ) as MessageKey;
  return t(key, localNumber(n), ...subs);
}

/** "a, b and c" in the reader's language. */
export function localList(names: readonly string[]): string {
  try {
    return new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** A set's publishers and review years in the reader's language (lib/feeds/summary.ts). */
export function localSummary(s: SetSummary): string {
  return describeSummary(s, {
    list: localList,
    others: (n) => tn('otherPublishers', n),
    noPublisher: t('noPublisher'),
    year: (a) => t('reviewedYear', a),
    years: (a, b) => t('reviewedYears', a, b),
  });
}
