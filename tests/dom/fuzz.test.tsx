/** @vitest-environment happy-dom */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { NoteCard } from '../../components/NoteCard';
import { whySpans } from '../../lib/highlight';
import { validateRecord } from '../../lib/claims/validate';
import { buildIndex, matchSentences } from '../../lib/match/matcher';
import { segmentSentences } from '../../lib/text/segment';
import { VERDICTS, type ClaimRecord } from '../../lib/types';
import { toMatchable } from '../../lib/claims/to-matchable';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';

/**
 * Property tests (fast-check): hostile claim data through validation and the card, and any
 * text through sentence splitting and the matcher. Seeded, so a failure reproduces; the
 * counterexample fast-check prints is the input to add to a table test.
 */
const SEED = 20261202;
afterEach(cleanup);

/** Pieces hostile pages and feeds carry: markup, scripts, URL schemes, bidi, zero-width. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '\u202Eevil\u202C',
  '\u200B\u200C\u200D\uFEFF',
  '&lt;b&gt;',
  '{{constructor.constructor("x")()}}',
  'Russia annexed Crimea in 2014.',
  '',
  ' ',
  '\u0000\u0007',
  'x'.repeat(5000),
];
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 80 }),
  fc.array(fc.constantFrom(...HOSTILE, 'word', ' ', '.'), { maxLength: 8 }).map((a) => a.join('')),
);
const url = fc.oneof(
  fc.constantFrom(
    'https://www.politifact.com/factchecks/2020/jan/01/x/',
    'http://example.org/',
    'javascript:alert(1)',
    'data:text/html,x',
    'https://exa mple.org/',
    '//evil.example/',
    'HTTPS://EXAMPLE.ORG/',
  ),
  hostileText,
);
const date = fc.oneof(fc.constantFrom('2024-05-01', '2024-13-01', '2024', ''), hostileText);
const source = fc.record(
  { publisher: hostileText, title: hostileText, url, date },
  { requiredKeys: [] },
);
const rawRecord = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a-claim', 'Bad Id', ''), hostileText),
    claim: hostileText,
    claimant: hostileText,
    verdict: fc.oneof(fc.constantFrom(...VERDICTS), hostileText),
    rating: hostileText,
    note: hostileText,
    sources: fc.array(source, { maxLength: 3 }),
    reviewed: date,
    attribution: hostileText,
  },
  { requiredKeys: [] },
);
/** Records that pass the validator, with hostile text in every free-text field. */
const validRecord = fc.record({
  id: fc.constant('fuzz-claim'),
  claim: hostileText.filter((s) => s.trim().length > 0),
  verdict: fc.constantFrom(...VERDICTS),
  note: hostileText.filter((s) => s.trim().length > 0),
  sources: fc.array(
    fc.record({
      publisher: hostileText.filter((s) => s.trim().length > 0),
      title: hostileText.filter((s) => s.trim().length > 0),
      url: fc.constantFrom('https://www.snopes.com/fact-check/x/', 'https://example.org/a?b=<c>'),
      date: fc.constant('2024-05-01'),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  reviewed: fc.constant('2024-05-02'),
});

describe('hostile claim records (fast-check)', () => {
  it('are either valid or rejected with file, record and field; validation never throws', () => {
    fc.assert(
      fc.property(rawRecord, (raw) => {
        const r = validateRecord(raw, { file: 'feed.jsonl', record: 'line 7' });
        if (r.record) expect(r.errors).toEqual([]);
        else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.file).toBe('feed.jsonl');
            expect(e.record).toBe('line 7');
            expect(typeof e.field).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
        // Anything accepted links only to https: pages.
        for (const s of r.record?.sources ?? []) expect(s.url.startsWith('https://')).toBe(true);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('render on the card as text only: no element from the data, links https: only', () => {
    let rendered = 0;
    fc.assert(
      fc.property(validRecord, (raw) => {
        const { record } = validateRecord(raw, { file: 'f', record: 'r' });
        if (!record) return; // the filter above can still fail a limit: nothing to render
        const { container, unmount } = render(
          <NoteCard
            claim={record}
            evidence={{ terms: ['crimea'], numbers: ['2014'] }}
            quote={record.claim}
            shared={whySpans({ terms: ['crimea'], numbers: ['2014'] }, record.claim, record.claim)}
            now={new Date('2026-12-02T00:00:00Z')}
            autoFocus={false}
            onClose={() => {}}
          />,
        );
        expect(container.querySelectorAll('script, img, svg, iframe, object, embed')).toHaveLength(
          0,
        );
        for (const a of container.querySelectorAll('a')) {
          expect(a.getAttribute('href')?.startsWith('https://')).toBe(true);
          expect(a.getAttribute('rel')).toContain('noopener');
        }
        expect(container.textContent).toContain(record.claim.slice(0, 40));
        unmount();
        rendered++;
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The property held on cards that were drawn, not on inputs the validator turned away.
    expect(rendered).toBeGreaterThan(60);
  });
});

const seedClaims = (parseYaml(readFileSync('data/claims/seed.yaml', 'utf8')) as ClaimRecord[]).map(
  (r) => toMatchable(r, 1),
);
const index = buildIndex(seedClaims);
/** Page text: seed-claim words (so matches happen), numbers, punctuation and hostile pieces. */
const pageText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Russia',
        'annexed',
        'Crimea',
        'in',
        '2014',
        'a fifth',
        'of',
        'Ukraine',
        'territory',
        'U.S.',
        'Dr.',
        '20%',
        '“quoted”',
        '...',
        '. ',
        '! ',
        '\n\n',
        ' ',
      ),
      hostileText,
    ),
    { maxLength: 40 },
  )
  .map((a) => a.join(' '));

describe('any text through sentence splitting and the matcher (fast-check)', () => {
  it('every sentence and every mark maps back to exactly the original characters', () => {
    let marks = 0;
    fc.assert(
      fc.property(pageText, (text) => {
        const sentences = segmentSentences(text);
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        const blocks = sentences.map((s) => ({ text: s.text, block: 0 }));
        for (const strictness of ['strict', 'balanced', 'broad'] as const)
          for (const m of matchSentences(index, blocks, {}, { strictness })) {
            const s = sentences[m.sentence];
            expect(s).toBeDefined();
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeLessThanOrEqual(s?.text.length ?? 0);
            expect(m.end).toBeGreaterThan(m.start);
            expect(index.src.ids[m.row]).toBeDefined();
            marks++;
          }
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(marks).toBeGreaterThan(10);
  });
});
