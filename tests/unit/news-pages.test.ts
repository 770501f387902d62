/**
 * Ordinary news articles (../shared/data/news-pages: BBC, CNN, NYT, Guardian, Wikipedia, ...)
 * read with the extension's own extraction and matched against the whole bundled claim set
 * must get (almost) no marks: a wrong mark costs more than a missed one. These pages are
 * not about the checked claims; a few may legitimately repeat one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseJsonl } from '../../lib/claims/parse-jsonl';
import { toMatchable } from '../../lib/claims/to-matchable';
import { buildIndex, type ClaimIndex } from '../../lib/match/matcher';
import { scanPage } from '../../tools/scan-page';
import type { ClaimRecord, MatchableClaim } from '../../lib/types';

const PAGES = '../shared/data/news-pages';
const have = existsSync(PAGES);

let index: ClaimIndex;
beforeAll(() => {
  const claims: MatchableClaim[] = [];
  for (const f of ['politifact.jsonl', 'snopes.jsonl']) {
    const { records } = parseJsonl(readFileSync(join('data/claims', f), 'utf8'), f);
    for (const r of records) claims.push(toMatchable(r, 0));
  }
  const seed = parseYaml(readFileSync('data/claims/seed.yaml', 'utf8')) as ClaimRecord[];
  for (const r of seed) claims.push(toMatchable(r, 1));
  index = buildIndex(claims);
}, 60_000);

function marksOn(html: string): { claim: string; text: string }[] {
  return scanPage(html, index);
}

describe.runIf(have)('ordinary news pages', () => {
  test('100 real articles get at most 3 marks in all', () => {
    const names = readdirSync(PAGES).filter((n) => existsSync(join(PAGES, n, 'source.html')));
    expect(names.length).toBeGreaterThanOrEqual(100);
    const marks: string[] = [];
    for (const name of names) {
      for (const m of marksOn(readFileSync(join(PAGES, name, 'source.html'), 'utf8'))) {
        marks.push(`${name}: ${m.claim} <- ${m.text.slice(0, 120)}`);
      }
    }
    expect(marks.length, marks.join('\n')).toBeLessThanOrEqual(3);
  }, 120_000);

  test.each([
    ["WWE terminates Hulk Hogan's contract", 'a death hoax is not a contract'],
    ['How did a surfer fend off a shark attack?', 'a question, not a video claim'],
    [
      'Mr Obama will become the first US president to address the African Union when he travels on to Ethiopia on Sunday.',
      'shares names only',
    ],
    [
      'Supreme Court’s Simple Marriage Case Questions Lead To Complex Arguments',
      'a headline sharing two words',
    ],
  ])('"%s" is not marked (%s)', (sentence) => {
    const html = `<head><meta property="article:published_time" content="2015-07-25"></head><p>${sentence}</p>`;
    expect(marksOn(html)).toEqual([]);
  });
});

describe('the seed article, sentence by sentence', () => {
  // Each sentence that states a seed claim, with the claims it may carry; every other
  // sentence of the article must get no mark at all.
  const EXPECTED: [string, string[], 'must' | 'may'][] = [
    ['vowed to end the conflict within 24 hours', ['trump-end-war-24-hours'], 'must'],
    ['ceasefire between Israel and Hamas in Gaza', ['gaza-ceasefire-trump'], 'must'],
    ['Russia presently holds about 20 percent', ['ru-holds-fifth-of-ukraine'], 'must'],
    [
      'Moscow claims to have annexed Donetsk',
      ['ru-annexed-four-regions-2022', 'ru-annexed-crimea-2014'],
      'must',
    ],
    ['familiar with the 28-point document', ['us-28-point-peace-plan'], 'may'],
    ['Sources familiar with the draft told AFP', ['us-28-point-peace-plan'], 'may'],
  ];

  test('marks exactly the sentences that state a seed claim', () => {
    const text = readFileSync('../shared/seed/000_056fa72ee288ad71.txt', 'utf8');
    const html = text
      .split('\n')
      .filter((p) => p.trim() !== '')
      .map((p) => `<p>${p.replace(/[<&]/g, ' ')}</p>`)
      .join('');
    const marks = marksOn(
      `<head><meta property="article:published_time" content="2025-11-21"></head>${html}`,
    );
    const unexpected = marks.filter(
      (m) =>
        !EXPECTED.some(
          ([needle, claims]) =>
            m.text.length > 0 &&
            sentenceOf(text, m.text).includes(needle) &&
            claims.includes(m.claim),
        ),
    );
    expect(unexpected.map((m) => `${m.claim} <- ${m.text}`)).toEqual([]);
    for (const [needle, claims, need] of EXPECTED) {
      if (need !== 'must') continue;
      for (const c of claims) {
        expect(
          marks.some((m) => m.claim === c && sentenceOf(text, m.text).includes(needle)),
          `${c} on "${needle}"`,
        ).toBe(true);
      }
    }
    expect(marks.some((m) => m.claim === 'us-28-point-peace-plan')).toBe(true);
  });
});

/** The sentence of `text` that contains `part` (marks may be narrowed to a clause). */
function sentenceOf(text: string, part: string): string {
  const at = text.indexOf(part);
  if (at < 0) return part;
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf('\n', at)) + 1;
  const end = text.indexOf('.', at + part.length);
  return text.slice(start, end < 0 ? undefined : end + 1);
}
