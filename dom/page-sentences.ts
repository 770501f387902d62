import { segmentSentences } from '../lib/text/segment';
import type { Sentence } from '../lib/types';
import { lastAtOrBefore, rangeFor, type TextChunk } from './extract-text';

/**
 * Lays the page's chunks end to end in one virtual text (two newlines between chunks, so
 * no sentence crosses a block) and segments each chunk into sentences with offsets into
 * that virtual text. `rangeAt` maps a virtual span back to a DOM Range.
 */
export interface PageSentences {
  sentences: Sentence[];
  rangeAt(start: number, end: number): Range | null;
  /** The text of a virtual span (tools print what a mark covers). */
  textAt(start: number, end: number): string;
}

const GAP = 2;

export function pageSentences(chunks: TextChunk[], base = 0): PageSentences {
  const bases: number[] = [];
  const sentences: Sentence[] = [];
  let at = base;
  chunks.forEach((chunk, block) => {
    bases.push(at);
    for (const s of segmentSentences(chunk.text)) {
      sentences.push({ text: s.text, start: s.start + at, end: s.end + at, block });
    }
    at += chunk.text.length + GAP;
  });
  return {
    sentences,
    textAt(start, end) {
      const i = lastAtOrBefore(bases, start); // the chunk holding `start`
      const chunk = chunks[i];
      const b = bases[i];
      return chunk && b !== undefined ? chunk.text.slice(start - b, end - b) : '';
    },
    rangeAt(start, end) {
      const i = lastAtOrBefore(bases, start); // the chunk holding `start`
      const chunk = chunks[i];
      const b = bases[i];
      if (!chunk || b === undefined) return null;
      const s = start - b;
      const e = end - b;
      if (s < 0 || e > chunk.text.length || e <= s) return null;
      return rangeFor(chunk, s, e);
    },
  };
}
