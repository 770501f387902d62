import { lastAtOrBefore } from '../lib/sorted';
import type { TextChunk } from './extract-text';
import { liveRange } from './live-range';

/**
 * Text ranges: offsets into a chunk's text <-> (text node, offset) <-> DOM Ranges. Creates
 * Ranges only (through dom/live-range.ts); never changes the page.
 */

/** Maps an offset in chunk.text to a (node, offset) position. */
export function positionAt(chunk: TextChunk, offset: number): { node: Text; offset: number } {
  const { starts, nodes } = chunk;
  const i = lastAtOrBefore(starts, offset);
  const node = nodes[i] as Text;
  const at = offset - (starts[i] as number) + (chunk.from?.[i] ?? 0);
  return { node, offset: Math.min(at, node.data.length) };
}

/**
 * A DOM Range over chunk.text[start, end), or null when that text is no longer in `doc` (the
 * page removed or replaced it after it was read) or the span is empty (dom/live-range.ts).
 */
export function rangeFor(
  chunk: TextChunk,
  start: number,
  end: number,
  doc: Document = document,
): Range | null {
  return liveRange(doc, positionAt(chunk, start), positionAt(chunk, end));
}
