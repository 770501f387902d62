import { ALIASES, CASE_SENSITIVE_ALIASES, MAX_ALIAS_WORDS } from './aliases';
import { normalize } from './normalize';
import { DIGIT_SUFFIX_SCALE, readNumber, type NumToken } from './numbers';
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

interface Raw extends NumToken {
  start: number;
  end: number;
  cap: boolean;
  /** Part of a contraction ("n't", "'re"): never part of an alias or number. */
  clitic?: boolean;
}

// Alternatives, in order: dotted abbreviations (u.s., d.c.), numbers with an
// optional glued suffix, words with inner apostrophes, currency and percent.
const RAW =
  /((?:\p{L}\.){2,})|((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(bn|mn|tn|trn|b|m|k|st|nd|rd|th|s)?(?![\p{L}\p{N}])|([\p{L}\p{N}]+(?:'[\p{L}]+)*)|([$€£%])/gu;

const CONTRACTIONS: Record<string, string[]> = {
  "can't": ['can', 'not'],
  "won't": ['will', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  "let's": ['let', 'us'],
};

function rawTokens(original: string): Raw[] {
  const { text, offsets } = normalize(original);
  const out: Raw[] = [];
  const orig = (a: number): number => offsets[a] ?? original.length;
  let prevEnd = 0;
  for (const m of text.matchAll(RAW)) {
    const s = m.index;
    const e = s + m[0].length;
    const gap = /[^\s-]/.test(text.slice(prevEnd, s));
    prevEnd = e;
    const before = out.length;
    const start = orig(s);
    const end = orig(e);
    const first = original[start] ?? '';
    const cap = first !== first.toLowerCase();
    if (m[1] !== undefined) {
      out.push({ w: m[1].replace(/\./g, ''), start, end, cap });
    } else if (m[2] !== undefined) {
      const suffix = m[3];
      const value = Number(m[2].replace(/,/g, ''));
      const scale = suffix !== undefined ? DIGIT_SUFFIX_SCALE[suffix] : undefined;
      out.push({ w: m[0], value, scale, start, end, cap: false });
    } else if (m[4] !== undefined) {
      const w = m[4];
      const whole = CONTRACTIONS[w];
      if (!w.includes("'")) {
        out.push({ w, start, end, cap });
      } else if (whole) {
        for (const part of whole) out.push({ w: part, start, end, cap, clitic: true });
      } else {
        // Possessives and clitics: "Russia's" -> russia; "don't" -> do not;
        // "they're" -> they (the clitic is a stopword anyway).
        const apos = w.indexOf("'");
        const head = w.slice(0, apos);
        const tail = w.slice(apos + 1);
        if (tail === 't' && head.endsWith('n')) {
          out.push({ w: head.slice(0, -1), start, end, cap });
          out.push({ w: 'not', start, end, cap: false, clitic: true });
        } else if (
          tail === 's' ||
          tail === 're' ||
          tail === 've' ||
          tail === 'll' ||
          tail === 'd' ||
          tail === 'm'
        ) {
          out.push({ w: head, start, end: start + (orig(s + apos) - start), cap });
        } else {
          // O'Brien, rock'n'roll: keep as one word without the apostrophe.
          out.push({ w: w.replace(/'/g, ''), start, end, cap });
        }
      }
    } else if (m[5] !== undefined) {
      out.push({ w: m[5], start, end, cap: false });
    }
    const firstNew = out[before];
    if (firstNew && gap) firstNew.gap = true;
  }
  // Possessive of a word ending in s ("Russians'"): the regex already dropped it.
  return out;
}

/** Tokenize text into index terms (stopwords removed). */
export function tokenize(original: string): Token[] {
  const raw = rawTokens(original);
  const out: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const r = raw[i] as Raw;
    // Numbers first: "twenty per cent" must not lose "twenty" to anything else.
    if (!r.clitic) {
      const num = readNumber(raw, i);
      if (num) {
        const last = raw[i + num.length - 1] ?? r;
        out.push({ term: num.term, kind: 'number', start: r.start, end: last.end, cap: false });
        i += num.length;
        continue;
      }
    }
    // Aliases: longest word sequence first.
    let matched = false;
    for (let n = Math.min(MAX_ALIAS_WORDS, raw.length - i); n >= 1; n--) {
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
      i += n;
      matched = true;
      break;
    }
    if (matched) continue;
    i += 1;
    if (r.w === '$' || r.w === '%' || r.w === '€' || r.w === '£') continue;
    if (r.value !== undefined) {
      // A bare number the reader declined (should not happen): keep as term.
      out.push({ term: `#${r.value}`, kind: 'number', start: r.start, end: r.end, cap: false });
      continue;
    }
    if (STOPWORDS.has(r.w) || r.w.length < 2) continue;
    out.push({ term: stem(r.w), kind: 'word', start: r.start, end: r.end, cap: r.cap });
  }
  return out;
}
