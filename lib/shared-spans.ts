/**
 * "Why it matched" as the card draws it: runs of a text, each one of the words it shares with
 * the matched claim or not. The spans are found where the tokenizer already runs (the
 * background, lib/highlight.ts `whySpans`) and arrive with the match, so the content script
 * carries no tokenizer, stemmer or alias table (bench/ab.ts: about 1.5 ms of script a page).
 * Pure and tokenizer-free.
 */

/** [start, end) offsets into a text. */
export type Span = [number, number];

/** The shared words of a match: in the card's claim text and in the page's marked text. */
export interface SharedSpans {
  claim: Span[];
  quote: Span[];
}

export interface Segment {
  text: string;
  shared: boolean;
}

/**
 * `text` cut into runs at `spans` (sorted, not overlapping; any outside the text or out of
 * order, as from text the page changed since, are skipped); the runs join back to `text`.
 */
export function segmentsOf(text: string, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (!(Number.isInteger(s) && Number.isInteger(e)) || s < at || e <= s || e > text.length)
      continue;
    if (s > at) out.push({ text: text.slice(at, s), shared: false });
    out.push({ text: text.slice(s, e), shared: true });
    at = e;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), shared: false });
  return out;
}
