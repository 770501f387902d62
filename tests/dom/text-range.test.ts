/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { extractChunks } from '../../dom/extract-text';
import { positionAt, rangeFor } from '../../dom/text-range';
import { setBody } from './page';

describe('rangeFor: offsets in a chunk -> a Range over the same text', () => {
  test.each([
    { html: '<p>Russia annexed Crimea in 2014.</p>', want: 'annexed Crimea' },
    { html: '<p>Trump has vowed to <b>end the war</b> within 24 hours.</p>', want: 'vowed to end' },
    {
      html: '<p>A <i>b</i> <em>claim</em> across <a href="#">four</a> nodes.</p>',
      want: 'b claim across four',
    },
    {
      html: '<p><span>Starts in a span</span> and ends outside.</p>',
      want: 'Starts in a span and ends',
    },
  ])('$want', ({ html, want }) => {
    setBody(html);
    const [chunk] = extractChunks(document.body);
    if (!chunk) throw new Error('no chunk');
    const start = chunk.text.indexOf(want);
    expect(rangeFor(chunk, start, start + want.length)?.toString()).toBe(want);
  });
});

describe('positionAt', () => {
  test.each([
    { offset: 0, node: 0, at: 0 },
    { offset: 3, node: 0, at: 3 },
    // A boundary belongs to the node that starts there.
    { offset: 4, node: 1, at: 0 },
    { offset: 9, node: 2, at: 1 },
    // Past the end: clamped to the last node's length.
    { offset: 99, node: 2, at: 6 },
  ])('offset $offset -> node $node, $at', ({ offset, node, at }) => {
    setBody('<p>One <b>two </b>three.</p>');
    const [chunk] = extractChunks(document.body);
    if (!chunk) throw new Error('no chunk');
    const pos = positionAt(chunk, offset);
    expect(pos.node).toBe(chunk.nodes[node]);
    expect(pos.offset).toBe(at);
  });

  test('a piece of a long text node maps into the node at its own offset', () => {
    setBody(`<p>${'word '.repeat(5_000)}Crimea</p>`);
    const chunks = extractChunks(document.body);
    const last = chunks[chunks.length - 1];
    if (!last || chunks.length < 2) throw new Error('not read in pieces');
    const start = last.text.indexOf('Crimea');
    const pos = positionAt(last, start);
    expect(pos.node.data.slice(pos.offset, pos.offset + 6)).toBe('Crimea');
    expect(rangeFor(last, start, start + 6)?.toString()).toBe('Crimea');
  });
});
