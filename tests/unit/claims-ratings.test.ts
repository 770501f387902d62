import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AVERITEC,
  GENERIC,
  POLITIFACT,
  SNOPES,
  mapRating,
  mapRatingValue,
  ratingKey,
} from '../../lib/claims/ratings';
import type { Verdict } from '../../lib/types';

const DATA = join(__dirname, '..', '..', '..', 'shared', 'data');

function distinct(file: string, key: string): string[] {
  const values = new Set<string>();
  for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const v = (JSON.parse(line) as Record<string, unknown>)[key];
    if (typeof v === 'string') values.add(v);
  }
  return [...values].sort();
}

describe('publisher tables', () => {
  // The documented mapping (data/claims/README.md); null = left out.
  it.each<[string, string, Verdict | null, string]>([
    ['PolitiFact', 'true', 'accurate', 'True'],
    ['PolitiFact', 'mostly-true', 'mostly-accurate', 'Mostly True'],
    ['PolitiFact', 'half-true', 'needs-context', 'Half True'],
    ['PolitiFact', 'barely-true', 'misleading', 'Mostly False'],
    ['PolitiFact', 'false', 'false', 'False'],
    ['PolitiFact', 'pants-fire', 'false', 'Pants on Fire!'],
    ['PolitiFact', 'Pants on Fire!', 'false', 'Pants on Fire!'],
    ['PolitiFact', 'full-flop', null, 'Full Flop'],
    ['PolitiFact', 'half-flip', null, 'Half Flip'],
    ['PolitiFact', 'no-flip', null, 'No Flip'],
    ['Snopes', 'true', 'accurate', 'True'],
    ['Snopes', 'mostly-true', 'mostly-accurate', 'Mostly True'],
    ['Snopes', 'mixture', 'needs-context', 'Mixture'],
    ['Snopes', 'mostly-false', 'misleading', 'Mostly False'],
    ['Snopes', 'false', 'false', 'False'],
    ['Snopes', 'miscaptioned', 'misleading', 'Miscaptioned'],
    ['Snopes', 'misattributed', 'false', 'Misattributed'],
    ['Snopes', 'correct-attribution', 'accurate', 'Correct Attribution'],
    ['Snopes', 'outdated', 'needs-context', 'Outdated'],
    ['Snopes', 'legend', 'unproven', 'Legend'],
    ['Snopes', 'scam', 'false', 'Scam'],
    ['Snopes', 'unproven', 'unproven', 'Unproven'],
    ['Snopes', 'Labeled Satire', null, 'Labeled Satire'],
    ['Snopes', 'research-in-progress', null, 'Research In Progress'],
    ['www.snopes.com', 'Correct Attribution', 'accurate', 'Correct Attribution'],
    ['AVeriTeC', 'Supported', 'accurate', 'Supported'],
    ['AVeriTeC', 'Refuted', 'false', 'Refuted'],
    [
      'AVeriTeC',
      'Conflicting Evidence/Cherrypicking',
      'needs-context',
      'Conflicting Evidence/Cherrypicking',
    ],
    ['AVeriTeC', 'Not Enough Evidence', 'unproven', 'Not Enough Evidence'],
    ['Full Fact', 'Missing context', 'needs-context', 'Missing Context'],
    ['Lead Stories', 'Misleading', 'misleading', 'Misleading'],
    ['AFP', 'Fabricated', 'false', 'Fabricated'],
  ])('%s %j -> %s', (publisher, text, verdict, label) => {
    const r = mapRating(publisher, text);
    if (verdict === null) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain(label);
    } else expect(r).toEqual({ ok: true, value: { verdict, rating: label } });
  });

  it('leaves out rating text it does not know, saying so', () => {
    expect(mapRating('Some Checker', 'Spicy')).toEqual({
      ok: false,
      reason: 'rating "Spicy" has no mapping to a verdict',
      known: false,
    });
  });

  it('prefers the publisher table to the generic one', () => {
    // Generic "Mostly False" -> misleading too, but Snopes' own label text wins.
    expect(mapRating('Snopes', 'mostly false')).toEqual({
      ok: true,
      value: { verdict: 'misleading', rating: 'Mostly False' },
    });
  });

  it.each([
    ['Pants on Fire!', 'pants-on-fire'],
    ['Conflicting Evidence/Cherrypicking', 'conflicting-evidence-cherrypicking'],
    ['  Mostly  TRUE ', 'mostly-true'],
    ['Faux', 'faux'],
  ])('ratingKey(%j) = %j', (t, k) => expect(ratingKey(t)).toBe(k));
});

describe('every rating in ../shared/data has an entry', () => {
  it.each([
    ['checkthat2021-2b/claims.jsonl', 'rating', POLITIFACT],
    ['checkthat2021-2a/claims.jsonl', 'rating', SNOPES],
    ['snopes/claims.jsonl', 'verdict', SNOPES],
  ] as const)('%s', (file, key, table) => {
    const values = distinct(file, key);
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) expect(table[v], `${file}: ${v}`).toBeDefined();
  });
  it('averitec-dev/claims.jsonl', () => {
    for (const v of distinct('averitec-dev/claims.jsonl', 'verdict'))
      expect(AVERITEC[ratingKey(v)], v).toBeDefined();
  });
});

describe('generic table', () => {
  it('every label maps back to its own key', () => {
    for (const [key, entry] of Object.entries(GENERIC)) expect(ratingKey(entry.label)).toBe(key);
  });
});

describe('mapRatingValue (numeric ClaimReview ratings)', () => {
  it.each<[number, number, number, Verdict | null]>([
    [1, 5, 1, 'false'],
    [2, 5, 1, 'misleading'],
    [3, 5, 1, 'needs-context'],
    [4, 5, 1, 'mostly-accurate'],
    [5, 5, 1, 'accurate'],
    [10, 10, 0, 'accurate'],
    [0, 10, 0, 'false'],
    [3, 7, 1, null],
    [2.5, 5, 1, null],
    [1, 1, 1, null],
    [Number.NaN, 5, 1, null],
  ])('%d on [%d..%d] -> %s', (v, best, worst, verdict) =>
    expect(mapRatingValue(v, best, worst)).toBe(verdict),
  );
});

describe('data/claims/README.md', () => {
  // The README renders the tables; a changed mapping must change the documentation too.
  const readme = readFileSync(join(__dirname, '..', '..', 'data', 'claims', 'README.md'), 'utf8');
  const rows = new Set(
    readme
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) =>
        l
          .split('|')
          .slice(1, 4)
          .map((c) => c.trim())
          .join('|'),
      ),
  );
  it.each([
    ['PolitiFact', POLITIFACT],
    ['Snopes', SNOPES],
    ['AVeriTeC', AVERITEC],
    ['generic', GENERIC],
  ] as const)('documents every %s entry', (_name, table) => {
    for (const [key, e] of Object.entries(table))
      expect(rows.has(`\`${key}\`|${e.label}|${e.verdict ?? 'left out'}`), key).toBe(true);
  });
});
