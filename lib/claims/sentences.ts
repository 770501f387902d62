/**
 * Sentence counting for notes: the note limit is stated in sentences (DESIGN.md: "1–3
 * sentences"), and converters clip long publisher text (a review body, a justification) to
 * whole sentences rather than cutting mid-word. Pure string code.
 */

// Tokens that end with a period without ending a sentence. Lower-case, without the final dot.
// Kept short on purpose: a missed abbreviation only makes a note count one sentence more.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'gov',
  'sen',
  'rep',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'rev',
  'pres',
  'inc',
  'co',
  'corp',
  'ltd',
  'no',
  'vs',
  'etc',
  'approx',
  'est',
  'u.s',
  'u.k',
  'u.n',
  'd.c',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'ph.d',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'ave',
  'blvd',
]);

// A candidate end: terminator(s), optional closing quotes/brackets, whitespace, then something
// that can start a sentence (capital, digit, opening quote or bracket).
const BOUNDARY = /([.!?…]+)["'”’)\]]*\s+(?=["'“‘([]?[\p{Lu}\d])/gu;

/** Offsets just after each sentence end (not counting the text's own end). */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index;
    if (m[1] === '.') {
      // The word before the dot: an abbreviation or a lone initial ("George W. Bush").
      const before = /(\S+)$/u.exec(text.slice(0, at))?.[1] ?? '';
      const word = before.replace(/^["'“‘([]+/u, '').toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    out.push(at + m[0].trimEnd().length);
  }
  return out;
}

/** How many sentences `text` has (0 for blank text). */
export function countSentences(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  return boundaries(t).length + 1;
}

/**
 * The longest run of whole leading sentences of `text` within both limits, or null when even
 * the first sentence is too long. Never cuts inside a sentence: a clipped note must still say
 * only what the publisher said.
 */
export function clipSentences(text: string, maxSentences: number, maxChars: number): string | null {
  const t = text.replace(/\s+/gu, ' ').trim();
  if (t === '') return null;
  const ends = [...boundaries(t), t.length];
  let best: string | null = null;
  for (let i = 0; i < ends.length && i < maxSentences; i++) {
    const end = ends[i] ?? t.length;
    if (end > maxChars) break;
    best = t.slice(0, end);
  }
  return best;
}
