import { isAscii, isUpper } from './ascii';
import { lazyRegExp } from './lazy-regexp';
import { normalizeFast } from './normalize';
import { DIGIT_SUFFIX_SCALE, type NumToken } from './numbers';
import { STOPWORDS } from './stopwords';
import { tagParts } from './tags';

/**
 * The tokenizer's first step (tokenize.ts): normalised text scanned into raw tokens, each with
 * [start, end) offsets into the caller's string. Dotted abbreviations ("U.S."), numbers with a
 * glued scale ("$1.8bn"), words with inner apostrophes (contractions and possessives split
 * here), currency and percent signs.
 */
export interface Raw extends NumToken {
  start: number;
  end: number;
  cap: boolean;
  /** Part of a contraction ("n't", "'re"): never part of an alias or number. */
  clitic?: boolean;
}

// Alternatives, in order: dotted abbreviations (u.s., d.c.), numbers with an
// optional glued suffix, words with inner apostrophes, currency and percent.
const RAW_SOURCE = String.raw`((?:\p{L}\.){2,})|((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(bn|mn|tn|trn|b|m|k|st|nd|rd|th|s)?(?![\p{L}\p{N}])|([\p{L}\p{N}]+(?:'[\p{L}]+)*)|([$€£%])`;
/** The raw-token pattern (built on first use: lib/text/lazy-regexp.ts). */
const RAW = lazyRegExp(RAW_SOURCE, 'gu');
/** RAW anchored at one position (the ASCII scanner asks it about digits and dots). */
const RAW_AT = lazyRegExp(RAW_SOURCE, 'uy');

const isAlnum = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
const isAlpha = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/** nextRaw's result (module scratch: one per word would be garbage). */
let hitIndex = 0;
let hitM: (string | undefined)[] = [];
/** Group slots for a hand-scanned word: [whole, g1..g5] with g4 = the word. */
const WORD_M: (string | undefined)[] = ['', undefined, undefined, undefined, '', undefined];

/**
 * Finds the next RAW match at or after `p` (false when none) and leaves it in
 * hitIndex / hitM ([whole, g1..g5]). For
 * ASCII text, plain words (most tokens) are scanned by hand: a letter not
 * followed by "." can only start RAW's word alternative, [a-z0-9]+('[a-z]+)*;
 * anything that may be a number or an abbreviation goes to the anchored regex.
 * Same matches as `text.matchAll(RAW)` (checked on ~86k dataset texts), ~3x
 * cheaper: no match array per word from the regex engine.
 */
function nextRaw(text: string, p: number, ascii: boolean): boolean {
  if (!ascii) {
    const raw = RAW();
    raw.lastIndex = p;
    const m = raw.exec(text);
    if (!m) return false;
    hitIndex = m.index;
    hitM = m;
    return true;
  }
  const n = text.length;
  for (; p < n; p++) {
    const c = text.charCodeAt(p);
    if (isAlpha(c) && text.charCodeAt(p + 1) !== 46) {
      let q = p + 1;
      while (q < n && isAlnum(text.charCodeAt(q))) q++;
      while (q + 1 < n && text.charCodeAt(q) === 39 && isAlpha(text.charCodeAt(q + 1))) {
        q += 2;
        while (q < n && isAlpha(text.charCodeAt(q))) q++;
      }
      const w = text.slice(p, q);
      WORD_M[0] = w;
      WORD_M[4] = w;
      hitIndex = p;
      hitM = WORD_M;
      return true;
    }
    if (isAlnum(c) || c === 46 || c === 36 || c === 37) {
      const rawAt = RAW_AT();
      rawAt.lastIndex = p;
      const m = rawAt.exec(text);
      if (m) {
        hitIndex = p;
        hitM = m;
        return true;
      }
    }
  }
  return false;
}

/**
 * A Map, read only for words with an apostrophe: looking a fresh word up in a plain object
 * makes V8 internalise the string first, which was 7% of the matcher's time on the bench
 * article (a line-level CPU profile, 2026-12-03).
 */
const CONTRACTIONS: ReadonlyMap<string, string[]> = new Map([
  ["can't", ['can', 'not']],
  ["won't", ['will', 'not']],
  ["shan't", ['shall', 'not']],
  ["ain't", ['is', 'not']],
  ["let's", ['let', 'us']],
]);

/** True when text[a..b) holds a character other than whitespace or a hyphen. */
function hasGap(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 32 || (c >= 9 && c <= 13) || c === 160) continue;
    if (c > 127 && /\s/u.test(text[k] ?? '')) continue;
    return true;
  }
  return false;
}

/**
 * Every raw token with the same fields in the same order: objects of one shape keep the
 * tokenizer's property reads monomorphic (optional fields added here and there gave V8 five
 * shapes to dispatch on for each read).
 */
function rawToken(
  w: string,
  start: number,
  end: number,
  cap: boolean,
  value?: number,
  scale?: number,
  clitic?: boolean,
): Raw {
  return { w, value, scale, gap: false, start, end, cap, clitic: clitic === true };
}

/**
 * The words of a handle or hashtag (the word at original[start, end) right after "@" or "#"),
 * or null: any other word, one whose normalised form `w` is not the same length (its
 * offsets would not line up), or one whose words are all stopwords.
 */
function tagPartsAt(
  original: string,
  start: number,
  end: number,
  w: string,
): [number, number][] | null {
  const sigil = original.charCodeAt(start - 1);
  if ((sigil !== 64 && sigil !== 35) || end - start !== w.length) return null;
  const parts = tagParts(original.slice(start, end));
  // A tag of stopwords only ("#MeToo") stays one word: cut, it would leave no term at all.
  return parts?.some(([a, b]) => b - a > 1 && !STOPWORDS.has(w.slice(a, b))) ? parts : null;
}

export function rawTokens(original: string): Raw[] {
  const { text, offsets } = normalizeFast(original);
  const out: Raw[] = [];
  let prevEnd = 0;
  const ascii = isAscii(text);
  while (nextRaw(text, prevEnd, ascii)) {
    const m = hitM;
    const s = hitIndex;
    const e = s + (m[0] ?? '').length;
    const gap = hasGap(text, prevEnd, s);
    prevEnd = e;
    const before = out.length;
    const start = offsets ? (offsets[s] ?? original.length) : s;
    const end = offsets ? (offsets[e] ?? original.length) : e;
    const c0 = original.charCodeAt(start);
    let cap = c0 >= 65 && c0 <= 90;
    if (c0 >= 128) {
      const first = original[start] ?? '';
      cap = first !== first.toLowerCase();
    }
    if (m[1] !== undefined) {
      out.push(rawToken(m[1].replace(/\./g, ''), start, end, cap));
    } else if (m[2] !== undefined) {
      const suffix = m[3];
      const value = Number(m[2].replace(/,/g, ''));
      const scale = suffix !== undefined ? DIGIT_SUFFIX_SCALE[suffix] : undefined;
      out.push(rawToken(m[0] ?? '', start, end, false, value, scale));
    } else if (m[4] !== undefined) {
      const w = m[4];
      const apos = w.indexOf("'");
      const whole = apos < 0 ? undefined : CONTRACTIONS.get(w);
      const parts = apos < 0 && start > 0 ? tagPartsAt(original, start, end, w) : null;
      if (parts) {
        // A handle or hashtag: its words, each with its own offsets (lib/text/tags.ts).
        for (const [a, b] of parts)
          out.push(
            rawToken(w.slice(a, b), start + a, start + b, isUpper(original.charCodeAt(start + a))),
          );
      } else if (apos < 0) {
        out.push(rawToken(w, start, end, cap));
      } else if (whole) {
        for (const part of whole)
          out.push(rawToken(part, start, end, cap, undefined, undefined, true));
      } else {
        // Possessives and clitics: "Russia's" -> russia; "don't" -> do not;
        // "they're" -> they (the clitic is a stopword anyway).
        const head = w.slice(0, apos);
        const tail = w.slice(apos + 1);
        if (tail === 't' && head.endsWith('n')) {
          out.push(rawToken(head.slice(0, -1), start, end, cap));
          out.push(rawToken('not', start, end, false, undefined, undefined, true));
        } else if (
          tail === 's' ||
          tail === 're' ||
          tail === 've' ||
          tail === 'll' ||
          tail === 'd' ||
          tail === 'm'
        ) {
          const cut = offsets ? (offsets[s + apos] ?? original.length) : s + apos;
          out.push(rawToken(head, start, cut, cap));
        } else {
          // O'Brien, rock'n'roll: keep as one word without the apostrophe.
          out.push(rawToken(w.replace(/'/g, ''), start, end, cap));
        }
      }
    } else if (m[5] !== undefined) {
      out.push(rawToken(m[5], start, end, false));
    }
    const firstNew = out[before];
    if (firstNew && gap) firstNew.gap = true;
  }
  // Possessive of a word ending in s ("Russians'"): the regex already dropped it.
  return out;
}
