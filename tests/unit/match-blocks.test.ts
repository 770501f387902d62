import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildIndex, matchSentences, type ClaimIndex } from '../../lib/match/matcher';
import { blocksOf } from '../../lib/match/match-blocks';
import { MODEL } from '../../lib/match/model';
import { segmentSentences } from '../../lib/text/segment';
import { readClaimsFile } from '../../tools/read-claims';
import { DATA_DIR, loadQueries } from '../../tools/train-data';
import { tweetPageHtml } from '../../tools/page-mode';
import { scanPage } from '../../tools/scan-page';
import type { Strictness } from '../../lib/types';

describe('blocksOf', () => {
  const s = (block?: number) => ({ text: 'x', start: 0, end: 1, block });
  test.each([
    ['one block', [s(0), s(0), s(0)], [[0, 3]]],
    [
      'two blocks',
      [s(0), s(0), s(1)],
      [
        [0, 2],
        [2, 3],
      ],
    ],
    ['sentences without a block are not grouped', [s(), s(), s(4)], [[2, 3]]],
    [
      'a block number seen again later starts a new block',
      [s(1), s(2), s(1)],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ],
  ])('%s', (_, sentences, blocks) => {
    expect(blocksOf(sentences)).toEqual(blocks);
  });
});

/**
 * Real 2a dev tweets (CheckThat! 2021) whose statement is split across sentences: read as
 * one paragraph, the tweet is marked with its fact check, on the sentence that states it;
 * read as unrelated sentences, it is not.
 */
const CLAIMS = join(DATA_DIR, 'checkthat2021-2a', 'claims.jsonl');
describe.runIf(existsSync(CLAIMS))('a paragraph is read as one statement', () => {
  let index: ClaimIndex;
  beforeAll(() => {
    index = buildIndex(readClaimsFile(CLAIMS));
  }, 60_000);

  test.each([
    [
      'What a joke: Emory students claim to be scared & in pain by Trump chalk signs. Counseling offered to those impacted https://t.co/ahrdB6knXP — The GOP Report (@TheGOPReport) March 24, 2016',
      'vclaim-sno-emory-students-trump-graffiti',
      0,
    ],
    [
      // Who flies coach is in the first sentence; the hashtag's words are read too.
      'I forgot how much Bernie warms my heart ? He flies coach with us too. #SandersOnAPlane pic.twitter.com/nhaeI9k6rd — no (@ineedanatlas) December 7, 2015',
      'vclaim-sno-bernie-sanders-flies-coach',
      1,
    ],
  ])('%s', (tweet, claim, sentence) => {
    const sentences = segmentSentences(tweet);
    expect(sentences.length).toBeGreaterThan(1);
    const asParagraph = matchSentences(
      index,
      sentences.map((s) => ({ ...s, block: 0 })),
    );
    expect(asParagraph.map((m) => [index.src.ids[m.row], m.sentence])).toEqual([[claim, sentence]]);
    expect(asParagraph[0]?.band).toBe('annotate');
    expect(matchSentences(index, sentences).map((m) => index.src.ids[m.row])).not.toContain(claim);
  });

  test('a mark carries the surer of its two readings: Strict keeps exactly the surest marks', () => {
    // A sentence's own score is the lower of with and without its neighbours; its paragraph
    // read as one statement is ranked as query mode ranks it. Where both readings find a
    // claim, the mark rests on the surer one, so the marks found at Balanced cut at the Strict
    // threshold are the marks Strict finds (a strictness change needs no second reading).
    const tweets = loadQueries('2a', 'dev').slice(0, 60);
    const sentences = tweets.flatMap((q, block) =>
      segmentSentences(q.text).map((s) => ({ ...s, block })),
    );
    const key = (m: { row: number; sentence: number }) => `${m.row}@${m.sentence}`;
    const balanced = matchSentences(index, sentences, {}, { strictness: 'balanced' });
    const strict = matchSentences(index, sentences, {}, { strictness: 'strict' });
    expect(strict.length).toBeGreaterThan(5);
    expect(balanced.filter((m) => m.score >= MODEL.thresholds.strict).map(key)).toEqual(
      strict.map(key),
    );
  });

  test('a mark never highlights a bare date: the span holds words of its claim', () => {
    // A tweet ends with its byline's date ("October 18, 2018"); a claim dated that year used
    // to be narrowed to the clause with its number, so the reader saw "2018" highlighted.
    const tweets = loadQueries('2a', 'dev');
    const sentences = tweets.flatMap((q, block) =>
      segmentSentences(q.text).map((s) => ({ ...s, block })),
    );
    const spans = matchSentences(index, sentences).map((m) =>
      (sentences[m.sentence]?.text ?? '').slice(m.start, m.end),
    );
    expect(spans.length).toBeGreaterThan(100);
    expect(spans.filter((t) => !/\p{L}{3}/u.test(t))).toEqual([]);
  });

  test('the short sentences of a paragraph are read with it: the statement is whole', () => {
    // A 2a train tweet: its first sentence is too short to be marked alone, yet it is half the
    // statement. Read as the extension reads a page (tools/scan-page.ts), it is marked there.
    const html = tweetPageHtml([
      {
        id: 't',
        text: 'Felons can’t vote. But pardoned ones can @realDonaldTrump@tedcruz pic.twitter.com/5G7SPelalw — Dinesh D’Souza (@DineshDSouza) October 30, 2018',
      },
    ]);
    expect(scanPage(html, index).map((m) => [m.claim, m.text])).toEqual([
      ['vclaim-sno-can-pardoned-felons-vote', 'Felons can’t vote.'],
    ]);
  });

  test('only a number of the same kind conflicts: an age is no date, a different year is', () => {
    // The claim: "A photograph published in December 2019 showed a boy forced to sleep on a
    // hospital floor in Leeds"; the tweet's "4-year-old" says nothing against its year.
    const tweet = (where: string) =>
      `Tried to show @BorisJohnson the picture of Jack Williment-Barr. The 4-year-old with suspected pneumonia forced to lie on a pile of coats on the floor of a Leeds hospital${where}. The PM grabbed my phone and put it in his pocket: @itvcalendar | #GE19pic.twitter.com/hv9mk4xrNJ — Joe Pike (@joepike) December 9, 2019`;
    const marks = (text: string, strictness: Strictness) =>
      matchSentences(
        index,
        segmentSentences(text).map((s) => ({ ...s, block: 0 })),
        {},
        { strictness },
      ).map((m) => [index.src.ids[m.row], m.band]);
    const claim = 'vclaim-sno-leeds-hospital-floor-photo';
    expect(marks(tweet(''), 'balanced')).toEqual([[claim, 'annotate']]);
    // Another year is another event, however close the words: Broad shows it as possible only.
    expect(marks(tweet(' in 2017'), 'balanced')).toEqual([]);
    expect(marks(tweet(' in 2017'), 'broad')).toEqual([[claim, 'possible']]);
  });

  test('matching one request at every strictness shares its rankings and changes no mark', () => {
    const tweets = loadQueries('2a', 'dev').slice(0, 40);
    const sentences = tweets.flatMap((q, block) =>
      segmentSentences(q.text).map((s) => ({ ...s, block })),
    );
    const fresh = (st: Strictness) => matchSentences(index, [...sentences], {}, { strictness: st });
    const shared = (st: Strictness) => matchSentences(index, sentences, {}, { strictness: st });
    const order: Strictness[] = ['broad', 'strict', 'balanced', 'broad'];
    const want = order.map(fresh);
    expect(order.map(shared)).toEqual(want);
    expect(want[0]?.length).toBeGreaterThan(want[1]?.length ?? 0);
  });

  test('a paragraph that only shares a topic with fact checks is not marked', () => {
    const text =
      'Students gathered on the campus lawn on Friday. The university offered free counseling during exam week, and the chalk drawings were washed away by the rain.';
    const sentences = segmentSentences(text).map((s) => ({ ...s, block: 0 }));
    expect(matchSentences(index, sentences)).toEqual([]);
  });
});
