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
