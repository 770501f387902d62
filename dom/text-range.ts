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
 * Whether the text nodes under chunk.text[start, end) still hold the text read from them (a
 * framework may rewrite a node's data in place while a match request is on its way).
 */
export function unchanged(chunk: TextChunk, start: number, end: number): boolean {
  const { starts, nodes, text } = chunk;
  for (let i = lastAtOrBefore(starts, start); i < nodes.length; i++) {
    const s = starts[i] as number;
    if (s >= end) break;
    const e = (starts[i + 1] as number | undefined) ?? text.length;
    const from = chunk.from?.[i] ?? 0;
    if ((nodes[i] as Text).data.slice(from, from + e - s) !== text.slice(s, e)) return false;
  }
  return true;
}

/**
 * A DOM Range over chunk.text[start, end), or null when that text is no longer in `doc` (the
 * page removed or replaced it after it was read), no longer says what was read, or the span
 * is empty (dom/live-range.ts).
 */
export function rangeFor(
  chunk: TextChunk,
  start: number,
  end: number,
  doc: Document = document,
): Range | null {
  if (!unchanged(chunk, start, end)) return null;
  return liveRange(doc, positionAt(chunk, start), positionAt(chunk, end));
}
