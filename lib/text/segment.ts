import type { Sentence } from '../types';

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
    'ft mt ave blvd rd ste apt e.g i.e cf ca'
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
const OPEN_START = /[\p{Lu}\p{N}"'“‘«([¿¡]/u;

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/u.test(text[s] ?? '')) s++;
    while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r' || c === '\u2029' || c === '\u2028') {
      push(start, i);
      start = i + 1;
      i++;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') {
      i++;
      continue;
    }
    // Extend over the punctuation run and any closing quotes/brackets.
    let j = i;
    while (j < n && '.!?…'.includes(text[j] as string)) j++;
    while (j < n && CLOSERS.includes(text[j] as string)) j++;
    // Must be followed by whitespace (or end of text).
    if (j < n && !/\s/u.test(text[j] as string)) {
      i = j;
      continue;
    }
    let k = j;
    while (k < n && /[ \t\u00a0]/u.test(text[k] as string)) k++;
    if (k >= n || text[k] === '\n' || text[k] === '\r') {
      push(start, j);
      start = j;
      i = j;
      continue;
    }
    const next = text[k] as string;
    const run = text.slice(i, j);
    let boundary = OPEN_START.test(next);
    if (boundary && run.startsWith('.') && !run.startsWith('..')) {
      // Word before the period.
      let w = i;
      while (w > 0 && /[\p{L}\p{N}.]/u.test(text[w - 1] as string)) w--;
      const word = text.slice(w, i);
      const lower = word.toLowerCase();
      const nextWord = /^[\p{L}]+/u.exec(text.slice(k))?.[0]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(lower)) boundary = false;
      else if (/^(?:\p{L}\.)+\p{L}$/u.test(word))
        boundary = OPENERS.has(nextWord); // U.S.
      else if (/^\p{Lu}$/u.test(word)) boundary = false; // initial: "John F. Kennedy"
    } else if (boundary && (run.startsWith('..') || run.startsWith('…'))) {
      boundary = /[\p{Lu}"“]/u.test(next);
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
