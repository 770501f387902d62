import { lastAtOrBefore } from '../lib/sorted';
import type { TextChunk } from './extract-text';

/**
 * Text ranges: offsets into a chunk's text <-> (text node, offset) <-> DOM Ranges. Creates
 * Ranges only; never changes the page.
 */

/** Maps an offset in chunk.text to a (node, offset) position. */
export function positionAt(chunk: TextChunk, offset: number): { node: Text; offset: number } {
  const { starts, nodes } = chunk;
  const i = lastAtOrBefore(starts, offset);
  const node = nodes[i] as Text;
  const at = offset - (starts[i] as number) + (chunk.from?.[i] ?? 0);
  return { node, offset: Math.min(at, node.data.length) };
}

/** A DOM Range over chunk.text[start, end). */
export function rangeFor(chunk: TextChunk, start: number, end: number): Range {
  const a = positionAt(chunk, start);
  const b = positionAt(chunk, end);
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
