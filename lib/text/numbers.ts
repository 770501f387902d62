/**
 * Numbers in any form, read from a run of word tokens: "20 percent", "20%",
 * "twenty per cent", "a fifth", "one-fifth", "one in five", "1.8 billion",
 * "$1.8bn", "1,800,000", "twenty-eight", "2014". Each becomes one canonical term
 * ("#20%", "#1800000000", "#2014"), so every spelling of a quantity indexes as
 * the same highly specific term.
 *
 * Fractions are read as percentages ("a fifth" = "#20%") because news copy uses
 * both for the same share. Percentages are rounded to whole numbers (a third =
 * 33%), other values to 3 significant digits.
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  millions: 1e6,
  billion: 1e9,
  billions: 1e9,
  trillion: 1e12,
  trillions: 1e12,
  bn: 1e9,
  mn: 1e6,
  tn: 1e12,
  trn: 1e12,
};
/** Suffixes glued to digits: "1.8bn", "$5m", "10k". */
export const DIGIT_SUFFIX_SCALE: Record<string, number> = {
  bn: 1e9,
  b: 1e9,
  mn: 1e6,
  m: 1e6,
  k: 1e3,
  tn: 1e12,
  trn: 1e12,
};
const FRACTIONS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  tenths: 10,
};

/** A token as the number reader sees it. */
export interface NumToken {
  /** Lower-case text. */
  w: string;
  /** Parsed value when the token is written in digits. */
  value?: number;
  /** Scale suffix glued to digits ("bn"). */
  scale?: number;
  /** Punctuation other than a hyphen separates it from the previous token. */
  gap?: boolean;
}

export interface NumberMatch {
  /** Canonical term, e.g. "#20%". */
  term: string;
  /** Tokens consumed. */
  length: number;
  value: number;
  percent: boolean;
}

/** Canonical term for a value. */
export function numberTerm(value: number, percent: boolean): string {
  if (percent) return `#${Math.round(value)}%`;
  if (Number.isInteger(value)) return `#${value}`;
  return `#${Number(value.toPrecision(3))}`;
}

// Maps, not the records: a plain-object lookup of an arbitrary word finds
// Object.prototype members ("constructor"), and Map lookups of unseen keys are
// cheaper than dictionary-mode property lookups.
const toMap = (r: Record<string, number>): Map<string, number> => new Map(Object.entries(r));
const WORD_VALUE = new Map([...toMap(UNITS), ...toMap(TENS)]);
const SCALE = toMap(SCALES);
const FRACTION = toMap(FRACTIONS);

function wordValue(w: string): number | undefined {
  return WORD_VALUE.get(w);
}

/** Words that can begin a number: the reader is not called for any other. */
const STARTS: ReadonlySet<string> = new Set([
  '$',
  '€',
  '£',
  'a',
  'an',
  ...WORD_VALUE.keys(),
  ...FRACTION.keys(),
]);

/** Cheap pre-check for readNumber (a token with a digit value always may). */
export function mayStartNumber(w: string): boolean {
  return STARTS.has(w);
}

/** Token k, when it continues the number begun at i (no punctuation before it). */
function tokenAt(tokens: readonly NumToken[], i: number, k: number): NumToken | undefined {
  const t = tokens[k];
  return t && (k === i || !t.gap) ? t : undefined;
}

/**
 * Read a number starting at `i`. Returns undefined when there is none (a lone
 * "one" or "a" is not a number: "no one", "one of them").
 */
export function readNumber(tokens: readonly NumToken[], i: number): NumberMatch | undefined {
  // Tokens after the first must follow without punctuation ("one; one" is not 2).
  let j = i;
  let value: number | undefined;
  let explicit = false; // digits, or a number word other than a lone "one"
  const first = tokenAt(tokens, i, j);
  if (!first) return undefined;
  if (first.w === '$' || first.w === '€' || first.w === '£') {
    const next = tokenAt(tokens, i, j + 1);
    if (!next || next.value === undefined) return undefined;
    j += 1;
  }
  const tok = tokenAt(tokens, i, j);
  if (!tok) return undefined;
  let article = false;
  if (tok.value !== undefined) {
    value = tok.value * (tok.scale ?? 1);
    explicit = true;
    j += 1;
  } else if (tok.w === 'a' || tok.w === 'an') {
    // "a fifth", "a quarter", "a million", "a half": only with what follows.
    article = true;
    value = 1;
    j += 1;
  } else {
    // Word numbers: "twenty eight", "one hundred", "two thousand fourteen".
    let total = 0;
    let current = 0;
    let words = 0;
    let lastUnit = 0; // value of the previous word if it was a unit/tens word
    for (;;) {
      const t = tokenAt(tokens, i, j);
      if (!t) break;
      const u = wordValue(t.w);
      // "twenty eight" composes; "one one" and "eight twenty" do not.
      if (
        u !== undefined &&
        (lastUnit === 0 || (lastUnit >= 20 && lastUnit % 10 === 0 && u < 10))
      ) {
        lastUnit = u;
        current += u;
        words += 1;
        j += 1;
        continue;
      }
      const s = SCALE.get(t.w);
      if (s !== undefined && words > 0 && !t.w.startsWith('b') && s <= 1e3) {
        lastUnit = 0;
        current = (current || 1) * s;
        if (s >= 1e3) {
          total += current;
          current = 0;
        }
        words += 1;
        j += 1;
        continue;
      }
      if (
        t.w === 'and' &&
        words > 0 &&
        tokenAt(tokens, i, j + 1) &&
        wordValue(tokenAt(tokens, i, j + 1)?.w ?? '') !== undefined
      ) {
        j += 1;
        continue;
      }
      break;
    }
    if (words === 0) {
      // "half of", "quarter of" without article.
      const den = FRACTION.get(tok.w);
      if (den !== undefined && (tok.w === 'half' || tokenAt(tokens, i, j + 1)?.w === 'of')) {
        return { term: numberTerm(100 / den, true), length: 1, value: 100 / den, percent: true };
      }
      return undefined;
    }
    value = total + current;
    explicit = !(words === 1 && value === 1);
  }
  // Large scales: "1.8 billion", "a million", "five million".
  const scaleTok = tokenAt(tokens, i, j);
  if (scaleTok && SCALE.get(scaleTok.w) !== undefined && (SCALE.get(scaleTok.w) ?? 0) >= 1e3) {
    value *= SCALE.get(scaleTok.w) ?? 1;
    explicit = true;
    j += 1;
  }
  // Fractions: "a fifth", "one-fifth", "two thirds", "one in five".
  const fracTok = tokenAt(tokens, i, j);
  if (fracTok && FRACTION.get(fracTok.w) !== undefined && value < 20) {
    const den = FRACTION.get(fracTok.w) ?? 1;
    const pct = (value / den) * 100;
    if (pct <= 100)
      return { term: numberTerm(pct, true), length: j + 1 - i, value: pct, percent: true };
  }
  if (fracTok && fracTok.w === 'in' && !article && value < 100) {
    const den = tokenAt(tokens, i, j + 1);
    const dv = den ? (den.value ?? wordValue(den.w)) : undefined;
    if (dv !== undefined && dv > value && dv <= 1000) {
      const pct = (value / dv) * 100;
      return { term: numberTerm(pct, true), length: j + 2 - i, value: pct, percent: true };
    }
  }
  if (article) return undefined;
  if (!explicit) return undefined;
  // Percent: "%", "percent", "per cent", "pct", "percentage points".
  const p = tokenAt(tokens, i, j);
  if (p && (p.w === '%' || p.w === 'percent' || p.w === 'pct' || p.w === 'percentage')) {
    return { term: numberTerm(value, true), length: j + 1 - i, value, percent: true };
  }
  if (p && p.w === 'per' && tokenAt(tokens, i, j + 1)?.w === 'cent') {
    return { term: numberTerm(value, true), length: j + 2 - i, value, percent: true };
  }
  return { term: numberTerm(value, false), length: j - i, value, percent: false };
}
