import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  buildIndex,
  loadIndex,
  matchSentences,
  rankQuery,
  serializeIndex,
} from '../../lib/match/matcher';
import { segmentSentences } from '../../lib/text/segment';
import type { MatchableClaim } from '../../lib/types';
import { SEED_CLAIMS } from './match-seed-claims';
import { parse as parseYaml } from 'yaml';
import { toMatchable } from '../../lib/claims/to-matchable';
import {
  allDatasetClaims,
  linesAsSentences,
  loadClaims,
  loadTranscript,
} from '../../tools/train-data';
import { whereStated } from '../../lib/match/match-sentences';
import type { ClaimRecord, Match } from '../../lib/types';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const SEED_ARTICLE = join(SHARED, 'seed', '000_056fa72ee288ad71.txt');

describe('index payload', () => {
  // The binary payload's own tests: match-index-binary.test.ts.
  test('round-trips through the binary payload with identical rankings', () => {
    const index = buildIndex(SEED_CLAIMS);
    const loaded = loadIndex(serializeIndex(index));
    expect(loaded.size).toBe(6);
    const q = { id: 'q', text: 'Moscow annexed the Crimean peninsula in 2014.' };
    expect(rankQuery(loaded, q)).toEqual(rankQuery(index, q));
  });
  test.each([
    [null, /must be an ArrayBuffer/],
    [new TextEncoder().encode('{"format":"other"}'), /not a Factmark index/],
    [{ format: 'factmark-index', version: 999 }, /must be an ArrayBuffer/],
  ])('rejects a bad payload %#', (payload, message) => {
    expect(() => loadIndex(payload)).toThrow(message);
  });
});

describe('phrasings and priority', () => {
  test('a phrasing matches like the claim text', () => {
    const index = buildIndex([
      {
        id: 'x',
        text: 'The city banned cars downtown.',
        phrasings: ['Downtown is now closed to motor traffic.'],
      },
    ]);
    expect(
      rankQuery(index, {
        id: 'q',
        text: 'Downtown is now closed to motor traffic, the mayor said.',
      })[0]?.claim,
    ).toBe('x');
  });
  test('near-duplicates mark once, preferring the higher priority', () => {
    const claims: MatchableClaim[] = [
      { id: 'low', text: 'Russia annexed Crimea in 2014.' },
      { id: 'high', text: 'Russia annexed Crimea in 2014.', priority: 10 },
    ];
    const text = 'Russia annexed Crimea in 2014, officials recalled.';
    const index = buildIndex(claims);
    const marks = matchSentences(index, segmentSentences(text), {}, { strictness: 'broad' });
    expect(marks.map((m) => index.src.ids[m.row])).toEqual(['high']);
  });
});

describe.skipIf(!existsSync(SEED_ARTICLE) || !existsSync(join(SHARED, 'data')))(
  'seed article',
  () => {
    test(
      'marks each seed claim and nothing else, in the full claim set',
      { timeout: 120_000 },
      () => {
        // The bundled seed records, phrasings included: on a page a sentence must state most
        // of a claim in one of its wordings, and the article states the 28-point plan in the
        // words of a phrasing, not of the one-line summary.
        const seed = (
          parseYaml(readFileSync('data/claims/seed.yaml', 'utf8')) as ClaimRecord[]
        ).map((r) => toMatchable(r, 1));
        const index = buildIndex([...allDatasetClaims(), ...seed]);
        const text = readFileSync(SEED_ARTICLE, 'utf8');
        const marks = matchSentences(index, segmentSentences(text));
        const ids = marks.map((m) => index.src.ids[m.row] ?? '');
        expect(new Set(ids)).toEqual(new Set(SEED_CLAIMS.map((c) => c.id)));
        const both = ids.filter((id) => id.startsWith('ru-annexed'));
        expect(both).toHaveLength(2);
        for (const m of marks) {
          expect(m.evidence.terms.length + m.evidence.numbers.length).toBeGreaterThan(0);
          expect(m.end).toBeGreaterThan(m.start);
        }
      },
    );
  },
);

describe('a claim is marked where it is stated', () => {
  test("a debate line that follows a checked claim does not take the claim's mark", () => {
    // O'Rourke, Detroit debate of 2019-07-30 (CheckThat! 2b transcript, lines 754-758).
    const lines = loadTranscript('20190730_democratic_debate_Detroit_1')
      .filter((l) => l.line >= 754 && l.line <= 758)
      .map((l) => l.text);
    expect(lines[1]).toMatch(/^It is because, in this country, money buys influence/);
    const sentences = linesAsSentences(lines);
    const index = buildIndex(loadClaims('2b'));
    const marks = matchSentences(index, sentences, {
      doc: 'detroit-1',
      speaker: "O'ROURKE",
      date: '2019-07-30',
    });
    // The figure's own line carries PolitiFact's check; the line after it states nothing of it.
    expect(marks.map((m) => [m.sentence, index.src.ids[m.row]])).toEqual([[0, 'vclaim-pol-00371']]);
  });

  test('whereStated keeps the best-covering sentences of a run and leaves other runs alone', () => {
    const mark = (sentence: number, claim: string): Match => ({
      sentence,
      start: 0,
      end: 1,
      set: '',
      row: claim === 'a' ? 0 : 1,
      score: 0.9,
      band: 'annotate',
      evidence: { terms: [], numbers: [] },
    });
    const a0 = mark(0, 'a');
    const a1 = mark(1, 'a');
    const b1 = mark(1, 'b');
    const a2 = mark(2, 'a');
    const a5 = mark(5, 'a');
    const cov = new Map([
      [a0, 0.9],
      [a1, 0.2], // a neighbour of a0 with a fifth of its coverage: loses the mark
      [b1, 0.2], // another claim: judged on its own
      [a2, 0.5], // states part of it: keeps the mark
      [a5, 0.3], // not adjacent: a run of its own
    ]);
    expect(whereStated([a0, a1, b1, a2, a5], cov)).toEqual([a0, b1, a2, a5]);
    // On a page, a run ends with its paragraph: a paragraph (a tweet) states its claim on
    // its own. Sentences 0 and 1 in paragraphs of their own keep both marks; 1 and 2 in one
    // paragraph are still one run (a1 has under half of a2's coverage).
    const blocks = [0, 1, 1, 2, 2, 2];
    expect(whereStated([a0, a1, b1, a2, a5], cov, (i) => blocks[i])).toEqual([a0, b1, a2, a5]);
    const own = [0, 1, 2, 3, 4, 5];
    expect(whereStated([a0, a1, b1, a2, a5], cov, (i) => own[i])).toEqual([a0, a1, b1, a2, a5]);
  });
});
