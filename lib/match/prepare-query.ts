import { MONTH_NAMES } from '../text/month-names';
import { tokenizeIds, type Token } from '../text/tokenize';
import { blendedIdf } from './df-prior';
import { claimantTokens, dayNumber, type ClaimIndexCore } from './index-core';

/** A sentence or query turned into index terms once, reused for every candidate. */
export interface PreparedQuery {
  tokens: Token[];
  /** Term id per token (-1 when the term is not in the index). */
  tokenTerm: Int32Array;
  /** Known term id -> query term frequency. */
  qtf: Map<number, number>;
  /** Sum of idf over unique query terms (unknown terms count at the maximum idf). */
  idfSum: number;
  /** Number terms (known or not). */
  numbers: ReadonlySet<string>;
  /** Content tokens (after stopwords). */
  length: number;
  speaker: string[];
  day: number;
}

// Embedded tweets end "— Name (@handle) Month D, YYYY": the date is the
// statement's date; the trailer's words are not part of the statement.
const TWEET_TRAILER = new RegExp(
  `\\s*[—–-]\\s*([^—–]{0,80})\\(@(\\w+)\\)\\s*((?:${MONTH_NAMES.join('|')}) \\d{1,2}, \\d{4})\\s*$`,
);
const URLS = /\b(?:https?:\/\/|pic\.twitter\.com\/|www\.)\S+/g;

export function tweetDate(text: string): { text: string; date?: string; author?: string } {
  const m = TWEET_TRAILER.exec(text);
  if (!m || !m[3]) return { text };
  const [month, day, year] = m[3].replace(',', '').split(' ');
  const mi = MONTH_NAMES.findIndex((name) => name === month) + 1;
  const date = `${year}-${String(mi).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // The author (display name and handle split at case changes: "MorganEastwood"
  // -> "Morgan Eastwood") is context, never evidence: who posted a statement
  // is often who the fact check is about.
  const handle = (m[2] ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return { text: text.slice(0, m.index), date, author: `${(m[1] ?? '').trim()} ${handle}` };
}

export function cleanQueryText(text: string): { text: string; date?: string; author?: string } {
  const t = tweetDate(text);
  // Replace URLs by spaces of the same length so token offsets stay valid.
  return {
    text: t.text.replace(URLS, (u) => ' '.repeat(u.length)),
    date: t.date,
    author: t.author,
  };
}

/** The terms prepareQuery has counted as unknown in the current call (reused between calls). */
const UNKNOWN = new Set<string>();
const NO_NUMBERS: ReadonlySet<string> = new Set();

export function prepareQuery(
  index: ClaimIndexCore,
  text: string,
  speaker?: string,
  date?: string,
): PreparedQuery {
  const ids: number[] = [];
  const tokens = tokenizeIds(text, index.termId, ids);
  const tokenTerm = new Int32Array(tokens.length);
  const qtf = new Map<number, number>();
  const unknown = UNKNOWN;
  unknown.clear();
  // Most sentences hold no number: they share one empty set instead of each allocating one.
  let numbers: Set<string> | null = null;
  const units = index.src.unitClaim.length;
  let idfSum = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k] as Token;
    const t = ids[k] as number;
    tokenTerm[k] = t;
    if (tok.kind === 'number') (numbers ??= new Set()).add(tok.term);
    if (t < 0) {
      if (!unknown.has(tok.term)) {
        unknown.add(tok.term);
        // A term the claims lack: as rare as can be in a big index; in a
        // small one, as common as the background prior says.
        idfSum += blendedIdf(0, units, tok.term);
      }
      continue;
    }
    const prev = qtf.get(t);
    if (prev === undefined) idfSum += index.idf[t] ?? 0;
    qtf.set(t, (prev ?? 0) + 1);
  }
  return {
    tokens,
    tokenTerm,
    qtf,
    idfSum,
    numbers: numbers ?? NO_NUMBERS,
    length: tokens.length,
    speaker: speaker ? claimantTokens(speaker) : [],
    day: dayNumber(date),
  };
}
