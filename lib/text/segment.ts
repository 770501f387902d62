import type { Sentence } from '../types';
import { isAscii, isDigit, isUpper } from './ascii';
import { lazyRegExp } from './lazy-regexp';

/**
 * Sentence segmentation with offsets into the caller's text.
 *
 * A boundary is a run of [.!?…] (plus closing quotes/brackets) followed by
 * whitespace and then something that can start a sentence (capital, digit,
 * opening quote/bracket), or any line break (headlines and list items carry no
 * final period). Not boundaries: known abbreviations ("Mr.", "Jan.", "Gen."),
 * dotted initialisms ("U.S.") unless the next word is a typical sentence
 * opener, single initials ("John F. Kennedy"), decimals ("1.8") and ellipses
 * followed by lower case. Cost: one linear scan.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres supt ' +
    'inc ltd co corp bros dept univ assn est approx vs etc al fig no nos vol pp ed eds ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ft mt ave blvd rd ste apt e.g i.e cf ca v'
  ).split(' '),
);

/** Words that, capitalised after "U.S.", signal a new sentence. */
const OPENERS = new Set(
  (
    'the a an he she it they we i but and or so yet this that these those there his her its their ' +
    'in on at for after before when while however meanwhile still also then now if as our my'
  ).split(' '),
);

const CLOSERS = '"\'”’»)]';
// The Unicode classes are built on first use (lib/text/lazy-regexp.ts): an English page is
// segmented on the ASCII paths below and never needs them.
const OPEN_START = lazyRegExp(String.raw`[\p{Lu}\p{N}"'“‘«([¿¡]`, 'u');
const NEXT_WORD = lazyRegExp(String.raw`\p{L}+`, 'uy');
const DOTTED = lazyRegExp(String.raw`^(?:\p{L}\.)+\p{L}$`, 'u');
const ONE_CAPITAL = lazyRegExp(String.raw`^\p{Lu}$`, 'u');
const CAPITAL_OR_QUOTE = lazyRegExp(String.raw`[\p{Lu}"“]`, 'u');
const LETTER_OR_DIGIT = lazyRegExp(String.raw`[\p{L}\p{N}]`, 'u');
const LONE_CLOSERS = /^["'”’»)\]]+$/;
const ASCII_DOTTED = /^(?:[A-Za-z]\.)+[A-Za-z]$/;

/** Whether `ch` can start a sentence: a capital, a digit, an opening quote or bracket. */
function opensSentence(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return isUpper(c) || isDigit(c) || c === 34 || c === 39 || c === 40 || c === 91;
  return OPEN_START().test(ch);
}

/** The word at `k`, lower-cased ('' if none). */
function wordAt(text: string, k: number): string {
  let e = k;
  while (e < text.length && e - k < 64) {
    const c = text.charCodeAt(e) | 32;
    if (c >= 97 && c <= 122) e++;
    else break;
  }
  if (e < text.length && text.charCodeAt(e) >= 128) {
    const re = NEXT_WORD();
    re.lastIndex = k;
    return re.exec(text)?.[0]?.toLowerCase() ?? '';
  }
  return text.slice(k, e).toLowerCase();
}

/** The characters the scan stops at: line breaks and sentence-final punctuation. */
const STOPS = /[\n\r\u2028\u2029.!?\u2026]/g;

/**
 * White space as /\s/u sees it, by char code: the content script segments every sentence
 * of a page, and a regular expression per character was its hottest loop.
 */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether text[i] is a letter, a digit or a period (ASCII by char code, the rest by \p{L}\p{N}). */
function wordOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128)
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46;
  return LETTER_OR_DIGIT().test(text[i] as string);
}

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    const last = out[out.length - 1];
    // A quote or bracket left alone after a space ('crashed. "') closes the sentence before it.
    if (last && LONE_CLOSERS.test(text.slice(s, e))) {
      last.end = e;
      last.text = text.slice(last.start, e);
    } else out.push({ text: text.slice(s, e), start: s, end: e });
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Ordinary text is skipped by the regular expression engine, not a loop per character:
    // the content script runs this once per page, mostly before V8 optimises it.
    STOPS.lastIndex = i;
    if (!STOPS.test(text)) break;
    i = STOPS.lastIndex - 1;
    const code = text.charCodeAt(i);
    // \n \r, line and paragraph separators: a boundary.
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    // Extend over the punctuation run and any closing quotes/brackets.
    let j = i;
    while (j < n && '.!?…'.includes(text[j] as string)) j++;
    while (j < n && CLOSERS.includes(text[j] as string)) j++;
    // Must be followed by whitespace (or end of text).
    if (j < n && !isSpace(text.charCodeAt(j))) {
      i = j;
      continue;
    }
    let k = j;
    while (
      k < n &&
      (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0xa0)
    )
      k++;
    if (k >= n || text[k] === '\n' || text[k] === '\r') {
      push(start, j);
      start = j;
      i = j;
      continue;
    }
    const next = text[k] as string;
    const run = text.slice(i, j);
    let boundary = opensSentence(next);
    if (boundary && run.startsWith('.') && !run.startsWith('..')) {
      // Word before the period.
      let w = i;
      while (w > 0 && wordOrDot(text, w - 1)) w--;
      const word = text.slice(w, i);
      const ascii = isAscii(word);
      if (ABBREVIATIONS.has(word.toLowerCase())) boundary = false;
      else if (ascii ? ASCII_DOTTED.test(word) : DOTTED().test(word))
        boundary = OPENERS.has(wordAt(text, k)); // U.S.
      else if (ascii ? word.length === 1 && isUpper(word.charCodeAt(0)) : ONE_CAPITAL().test(word))
        boundary = false; // initial: "John F. Kennedy"
    } else if (boundary && (run.startsWith('..') || run.startsWith('…'))) {
      const c = next.charCodeAt(0);
      boundary = c < 128 ? isUpper(c) || c === 34 : CAPITAL_OR_QUOTE().test(next);
    }
    if (boundary) {
      push(start, j);
      start = j;
    }
    i = j;
  }
  push(start, n);
  return out;
}
