import { segmentSentences } from '../lib/text/segment';
import type { Sentence } from '../lib/types';
import type { TextChunk } from './extract-text';
import { rangeFor } from './text-range';

/**
 * The page side's sentence table: each sentence with the chunk (text nodes) it was cut from,
 * so a span the matcher returns, relative to the sentence, maps straight to a Range.
 */
export interface PageSentence extends Sentence {
  /** The chunk whose text `start`/`end` are offsets into. */
  chunk: TextChunk;
}

/** Whether a sentence is long enough to be marked (lib/text/markable.ts: the one rule). */
export { markable, sendable } from '../lib/text/markable';

/**
 * The sentences of each chunk, in reading order; none crosses a chunk (a block), and each
 * carries its chunk's index as its `block`, so the matcher reads a paragraph as one statement.
 */
export function pageSentences(chunks: readonly TextChunk[]): PageSentence[] {
  const out: PageSentence[] = [];
  chunks.forEach((chunk, block) => {
    for (const s of segmentSentences(chunk.text)) out.push({ ...s, chunk, block });
  });
  return out;
}

/**
 * A Range over [start, end) of the sentence's text, or null for an empty or outside span, or
 * text that is no longer in `doc`.
 */
export function sentenceRange(
  s: PageSentence,
  start: number,
  end: number,
  doc: Document = document,
): Range | null {
  if (start < 0 || end > s.text.length || end <= start) return null;
  return rangeFor(s.chunk, s.start + start, s.start + end, doc);
}
