/**
 * Handles and hashtags read as the words they are written from: "@MichaelKors" names
 * Michael Kors, "#MarchForOurLives" is March For Our Lives, "@realDonaldTrump" holds Donald
 * Trump. A tweet names who and what it is about this way more often than in running text,
 * and a fact check spells the same names as words. Only case changes and digits show where a
 * word ends ("#fercdoesntwork" stays one word); digit runs are dropped ("@Emma4Change" is
 * Emma Change), so a handle never brings a number into the number checks.
 */
import { isDigit, isLower, isUpper } from './ascii';

/**
 * The [start, end) of each word of a tag's body (the letters and digits after "@" or "#"):
 * cut before a capital that follows a small letter ("realDonald"), before the last capital of
 * a run of them that a small letter follows ("NASAFacts" -> NASA, Facts), and between letters
 * and digits; digit runs left out. Null when the body is one word or not plain ASCII.
 */
export function tagParts(body: string): [number, number][] | null {
  const n = body.length;
  const parts: [number, number][] = [];
  let from = 0;
  const close = (at: number): void => {
    if (at > from && !isDigit(body.charCodeAt(from))) parts.push([from, at]);
    from = at;
  };
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (!isUpper(c) && !isLower(c) && !isDigit(c)) return null;
    if (i === 0) continue;
    const p = body.charCodeAt(i - 1);
    const cut =
      (isUpper(c) && isLower(p)) ||
      (isUpper(c) && isUpper(p) && isLower(body.charCodeAt(i + 1))) ||
      isDigit(c) !== isDigit(p);
    if (cut) close(i);
  }
  close(n);
  return parts.length > 1 || (parts.length === 1 && parts[0]![1] - parts[0]![0] < n) ? parts : null;
}

const TAGS = /([@#])(\w+)/g;

/**
 * The text with each handle's and hashtag's words spelled apart ("@MichaelKors" ->
 * "@Michael Kors", "@danney_williams" -> "@danney williams"), for what reads whole strings
 * (the sentence model); the tokenizer cuts the same words in place (lib/text/raw-tokens.ts).
 */
export function spellTags(text: string): string {
  return text.replace(TAGS, (whole: string, sigil: string, body: string) => {
    const words = body
      .split('_')
      .flatMap((w) => (tagParts(w) ?? [[0, w.length]]).map(([a, b]) => w.slice(a, b)))
      .filter((w) => w && !/^\d+$/.test(w));
    return words.length ? `${sigil}${words.join(' ')}` : whole;
  });
}
