import { describe, expect, test } from 'vitest';
import { batchedMatch } from '../../lib/batched-match';
import type { MatchQuery, MatchResult } from '../../lib/matching-service';

const reply = (batch: number | undefined, n: number): MatchResult => ({
  ...(batch === undefined ? {} : { batch }),
  matches: Array.from({ length: n }, (_, i) => ({
    sentence: i,
    start: 0,
    end: 4,
    set: 'bundled',
    row: i,
    score: 0.9,
    band: 'annotate' as const,
    evidence: { terms: [], numbers: [] },
  })),
  shownAt: Array.from({ length: n }, () => ['balanced' as const]),
  claims: {},
});

describe('batchedMatch', () => {
  test("a batch's text is sent once; its other strictnesses are asked by the batch's name", async () => {
    const sent: MatchQuery[] = [];
    const match = batchedMatch(
      async (q) => {
        sent.push(q);
        return reply(7, 1);
      },
      () => '2025-11-21',
    );
    const batch = [{ text: 'Russia annexed Crimea in 2014.', block: 0 }];
    await match(batch, ['balanced']);
    await match(batch, ['strict', 'broad']);
    expect(sent).toEqual([
      { sentences: batch, strictnesses: ['balanced'], date: '2025-11-21' },
      { batch: 7, strictnesses: ['strict', 'broad'] },
    ]);
    // Another batch with the same text is a batch of its own.
    await match([...batch], ['balanced']);
    expect(sent[2]?.sentences).toEqual(batch);
  });

  test('a background that lost the batch gets the sentences again, and its marks are kept', async () => {
    const sent: MatchQuery[] = [];
    let restarted = false;
    const match = batchedMatch(
      async (q) => {
        sent.push(q);
        if (q.batch !== undefined && restarted)
          return { unknownBatch: true, matches: [], shownAt: [], claims: {} };
        return reply(restarted ? 1 : 5, 2);
      },
      () => undefined,
    );
    const batch = [{ text: 'Russia annexed Crimea in 2014.', block: 0 }];
    await match(batch, ['balanced']);
    restarted = true;
    const again = await match(batch, ['strict']);
    expect(sent.map((q) => (q.sentences ? 'text' : `batch ${q.batch}`))).toEqual([
      'text',
      'batch 5',
      'text',
    ]);
    expect(again.matches).toHaveLength(2);
    // The new name is used from then on.
    await match(batch, ['broad']);
    expect(sent[3]).toEqual({ batch: 1, strictnesses: ['broad'] });
  });

  test('no answer from the background reads as no matches', async () => {
    const match = batchedMatch(
      async () => undefined,
      () => undefined,
    );
    expect(await match([{ text: 'x', block: 0 }], ['balanced'])).toEqual({
      matches: [],
      shownAt: [],
      claims: {},
    });
  });
});
