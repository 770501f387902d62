/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import type { TextChunk } from '../../dom/extract-text';
import { readInSlices } from '../../dom/read-page';
import { TaskClock } from '../../dom/timing';
import { setBody } from './page';

describe('readInSlices', () => {
  test.each([
    { paragraphs: 3, batch: 100, batches: 1 },
    // Text nodes are read 200 at a time between looks at the batch size.
    { paragraphs: 450, batch: 100, batches: 3 },
    { paragraphs: 0, batch: 10, batches: 0 },
  ])(
    '$paragraphs paragraphs, batches of $batch sentences -> $batches batches',
    async ({ paragraphs, batch, batches }) => {
      const html = Array.from({ length: paragraphs }, (_, i) => `<p>Sentence ${i}.</p>`).join('');
      setBody(`${html}<factmark-overlay><p>Ours.</p></factmark-overlay>`);
      const got: TextChunk[][] = [];
      await readInSlices([document.body], {
        exclude: (el) => el.tagName === 'FACTMARK-OVERLAY',
        stopped: () => false,
        batchSentences: () => batch,
        onBatch: async (chunks) => {
          got.push(chunks);
        },
        clock: new TaskClock(),
      });
      expect(got).toHaveLength(batches);
      // Every paragraph once, in order; the excluded host never.
      expect(got.flat().map((c) => c.text)).toEqual(
        Array.from({ length: paragraphs }, (_, i) => `Sentence ${i}.`),
      );
    },
  );

  test('stops when told to', async () => {
    setBody(Array.from({ length: 10 }, (_, i) => `<p>Sentence ${i}.</p>`).join(''));
    let stopped = false;
    const got: TextChunk[][] = [];
    await readInSlices([document.body], {
      exclude: () => false,
      stopped: () => stopped,
      batchSentences: () => 2,
      onBatch: async (chunks) => {
        got.push(chunks);
        stopped = true;
      },
      clock: new TaskClock(),
    });
    expect(got).toHaveLength(1);
  });
});

describe('the page limit', () => {
  const read = async (paragraphs: number, limit: { chars: number; nodes: number }) => {
    // "Sentence 000." is 13 characters, one text node per paragraph.
    setBody(
      Array.from(
        { length: paragraphs },
        (_, i) => `<p>Sentence ${String(i).padStart(3, '0')}.</p>`,
      ).join(''),
    );
    const got: string[] = [];
    const result = await readInSlices([document.body], {
      exclude: () => false,
      stopped: () => false,
      batchSentences: () => 50,
      onBatch: async (chunks) => void got.push(...chunks.map((c) => c.text)),
      clock: new TaskClock(),
      limit,
    });
    return { got, result };
  };

  test.each([
    // Under the limit: everything, complete.
    { paragraphs: 300, chars: 10_000, nodes: 1_000, complete: true },
    // Exactly at it: the page ended there, so it was read whole.
    { paragraphs: 300, chars: 3_900, nodes: 1_000, complete: true },
    // Past the characters or the text nodes: stopped, and said so.
    { paragraphs: 300, chars: 1_300, nodes: 1_000, complete: false },
    { paragraphs: 600, chars: 10_000, nodes: 250, complete: false },
  ])(
    '$paragraphs paragraphs, at most $chars characters / $nodes nodes -> complete $complete',
    async ({ paragraphs, chars, nodes, complete }) => {
      const { got, result } = await read(paragraphs, { chars, nodes });
      expect(result.complete).toBe(complete);
      // What was read was sent, in order, from the top of the page; never past the end.
      expect(got).toEqual(
        Array.from({ length: got.length }, (_, i) => `Sentence ${String(i).padStart(3, '0')}.`),
      );
      expect(result.chars).toBe(got.join('').length);
      expect(result.nodes).toBe(got.length);
      if (complete) expect(got).toHaveLength(paragraphs);
      else {
        expect(got.length).toBeLessThan(paragraphs);
        // It stops within one read of the limit (text nodes are read 200 at a time).
        expect(got.length).toBeLessThanOrEqual(Math.min(chars / 13, nodes) + 200);
        expect(got.length).toBeGreaterThanOrEqual(Math.min(chars / 13, nodes));
      }
    },
  );
});
