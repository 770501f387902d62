import { ALIASES, CASE_SENSITIVE_ALIASES, MAX_ALIAS_WORDS } from './aliases';
import { mayStartNumber, readNumber } from './numbers';
import { rawTokens, type Raw } from './raw-tokens';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';

/**
 * Tokenizer shared by the index and the queries, so both sides agree on terms.
 *
 * Pipeline: normalise (with offset map) -> raw tokens (abbreviations "U.S.",
 * numbers with glued scales "$1.8bn", words with inner apostrophes) ->
 * contractions and possessives -> numbers in any form -> aliases (longest
 * match, up to 4 words) -> stopwords -> Porter stems.
 *
 * Every token keeps [start, end) offsets into the caller's original string, so
 * evidence and clause narrowing can point back at the page text.
 */
export type TokenKind = 'word' | 'number';

export interface Token {
  /** Index term: a stem, an alias's canonical form, or "#<number>". */
  term: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** True when the original spelling starts with a capital (a name candidate). */
  cap: boolean;
}

/** First words of the alias keys: most tokens skip the alias look-ahead. */
const ALIAS_FIRST: ReadonlySet<string> = new Set(
  [...ALIASES.keys()].map((k) => k.split(' ')[0] ?? k),
);

// What a word can be, looked up once per distinct word (bounded cache):
// saves four hash lookups per token on the page path.
const NUM_START = 1;
const ALIAS_START = 2;
const DROP = 4; // stopword, single character or currency sign: no term
interface WordInfo {
  flags: number;
  /** Porter stem (when not DROP). */
  term: string;
  /** The stem's id in `idsOf` (tokenizeIds): the last term map asked, remembered. */
  idsOf: ReadonlyMap<string, number> | null;
  id: number;
}
const wordCache = new Map<string, WordInfo>();
const MAX_WORDS = 100_000;

function wordInfo(w: string): WordInfo {
  let info = wordCache.get(w);
  if (info) return info;
  const drop = w === '$' || w === '%' || w === '€' || w === '£' || STOPWORDS.has(w) || w.length < 2;
  info = {
    flags:
      (mayStartNumber(w) ? NUM_START : 0) |
      (ALIAS_FIRST.has(w) ? ALIAS_START : 0) |
      (drop ? DROP : 0),
    term: drop ? '' : stem(w),
    idsOf: null,
    id: -1,
  };
  if (wordCache.size >= MAX_WORDS) wordCache.clear();
  wordCache.set(w, info);
  return info;
}

const idIn = (termIds: ReadonlyMap<string, number> | null, term: string): number =>
  termIds ? (termIds.get(term) ?? -1) : -1;

/** Tokenize text into index terms (stopwords removed). */
export function tokenize(original: string): Token[] {
  return tokenizeIds(original, null, null);
}

/**
 * tokenize, also pushing each token's id in `termIds` (-1 when absent) onto `ids`. A word's
 * id is remembered beside its stem for the last map asked: looking every token up in a large
 * term map was 6% of a page's matching (cache misses), and a page asks the same map for
 * thousands of words.
 */
export function tokenizeIds(
  original: string,
  termIds: ReadonlyMap<string, number> | null,
  ids: number[] | null,
): Token[] {
  const raw = rawTokens(original);
  const out: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const r = raw[i] as Raw;
    const info = r.value === undefined ? wordInfo(r.w) : null;
    // Numbers first: "twenty per cent" must not lose "twenty" to anything else.
    if (!r.clitic && (info === null || info.flags & NUM_START)) {
      const num = readNumber(raw, i);
      if (num) {
        const last = raw[i + num.length - 1] ?? r;
        out.push({ term: num.term, kind: 'number', start: r.start, end: last.end, cap: false });
        ids?.push(idIn(termIds, num.term));
        i += num.length;
        continue;
      }
    }
    // Aliases: longest word sequence first.
    let matched = false;
    const aliasN =
      info !== null && info.flags & ALIAS_START ? Math.min(MAX_ALIAS_WORDS, raw.length - i) : 0;
    for (let n = aliasN; n >= 1; n--) {
      let key = '';
      let ok = true;
      for (let k = 0; k < n; k++) {
        const t = raw[i + k] as Raw;
        if (t.clitic || t.value !== undefined) {
          ok = false;
          break;
        }
        key += (k ? ' ' : '') + t.w;
      }
      if (!ok) continue;
      const canonical = ALIASES.get(key);
      if (canonical === undefined) continue;
      if (n === 1) {
        const needs = CASE_SENSITIVE_ALIASES.get(key);
        if (needs !== undefined && original.slice(r.start, r.end).replace(/\./g, '') !== needs)
          continue;
      }
      const last = raw[i + n - 1] as Raw;
      out.push({ term: canonical, kind: 'word', start: r.start, end: last.end, cap: r.cap });
      ids?.push(idIn(termIds, canonical));
      i += n;
      matched = true;
      break;
    }
    if (matched) continue;
    i += 1;
    if (info === null) {
      // A bare number the reader declined (should not happen): keep as term.
      const term = `#${r.value}`;
      out.push({ term, kind: 'number', start: r.start, end: r.end, cap: false });
      ids?.push(idIn(termIds, term));
      continue;
    }
    if (info.flags & DROP) continue;
    out.push({ term: info.term, kind: 'word', start: r.start, end: r.end, cap: r.cap });
    if (ids) {
      if (termIds && info.idsOf !== termIds) {
        info.idsOf = termIds;
        info.id = termIds.get(info.term) ?? -1;
      }
      ids.push(termIds ? info.id : -1);
    }
  }
  return out;
}
