/**
 * Text normalisation that keeps a map back to the caller's offsets.
 *
 * Output is lower-case, NFKC-folded, diacritic-free, with typographic quotes and
 * dashes unified to ASCII. `offsets[i]` is the index in the input of the character
 * that produced output character `i`; `offsets[out.length] === input.length`, so
 * an output span [a, b) maps back to [offsets[a], offsets[b]).
 *
 * Cost: one pass over the input; non-ASCII code points are folded once and cached
 * (a page has few distinct ones), ASCII takes a fast path.
 */
export interface Normalized {
  text: string;
  offsets: number[];
}

const foldCache = new Map<string, string>();

/** Characters that NFKC leaves alone but that we want unified. */
const EXTRA: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u0060': "'",
  '\u00b4': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\ufe58': '-',
  '\u00a0': ' ',
  '\u2026': '...',
  '\u00df': 'ss',
  '\u00e6': 'ae',
  '\u0153': 'oe',
  '\u00f8': 'o',
  '\u0142': 'l',
  '\u0111': 'd',
  '\u00f0': 'd',
  '\u00fe': 'th',
  '\u0131': 'i',
};

/** Fold one code point: NFKC, then strip combining marks (NFD), then unify. */
export function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase().normalize('NFD')) {
    const code = c.codePointAt(0) ?? 0;
    // Combining diacritical marks (U+0300–U+036F) and zero-width characters.
    if (
      (code >= 0x300 && code <= 0x36f) ||
      code === 0x200b ||
      code === 0x200c ||
      code === 0x200d ||
      code === 0xfeff ||
      code === 0xad
    )
      continue;
    const extra = EXTRA[c];
    if (extra !== undefined) out += extra;
    else if (/\s/u.test(c)) out += ' ';
    else out += c;
  }
  foldCache.set(ch, out);
  return out;
}

export function normalize(input: string): Normalized {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: lower-case letters, unify whitespace and the backtick.
      let c = input[i] as string;
      if (code >= 65 && code <= 90) c = String.fromCharCode(code + 32);
      else if (code === 9 || code === 10 || code === 13 || code === 12 || code === 11) c = ' ';
      else if (code === 96) c = "'";
      text += c;
      offsets.push(i);
      i += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length ? 2 : 1;
    const folded = foldChar(input.slice(i, i + width));
    for (let k = 0; k < folded.length; k++) {
      text += folded[k];
      offsets.push(i);
    }
    i += width;
  }
  offsets.push(input.length);
  return { text, offsets };
}

/**
 * normalize() for the tokenizer: the same text, but `offsets` is null when the
 * map is the identity (every input code unit gave exactly one output unit),
 * which holds for all-ASCII text and for the usual typographic quotes and
 * dashes. Saves building a number[] of the text's length per sentence (the
 * largest cost of tokenising a page before this fast path).
 */
export function normalizeFast(input: string): { text: string; offsets: number[] | null } {
  const n = input.length;
  let ascii = true;
  for (let i = 0; i < n; i++)
    if (input.charCodeAt(i) >= 128) {
      ascii = false;
      break;
    }
  if (ascii) {
    // Case and the backtick are all that matter to the tokenizer's pattern;
    // whitespace kinds do not (it never matches whitespace).
    const low = input.toLowerCase();
    return { text: low.includes('`') ? low.replace(/`/g, "'") : low, offsets: null };
  }
  let text = '';
  let identity = true;
  let run = 0; // start of the pending run of ASCII characters
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      i++;
      continue;
    }
    if (i > run) text += input.slice(run, i).toLowerCase();
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    const folded = foldChar(input.slice(i, i + width));
    if (folded.length !== 1 || width !== 1) identity = false;
    text += folded;
    i += width;
    run = i;
  }
  if (n > run) text += input.slice(run).toLowerCase();
  if (text.includes('`')) text = text.replace(/`/g, "'");
  return identity ? { text, offsets: null } : normalize(input);
}
