/** @vitest-environment happy-dom */
import { describe, expect, test } from 'vitest';
import { claimsOf, isShown, isStale, mergeMarks } from '../../dom/marks';
import { markOn, rangeOver, record, setBody } from './page';

const PAGE = '<p id="a">Alpha claim here.</p><p id="b">Beta claim here.</p><p id="c">Gamma.</p>';

describe('mergeMarks keeps document order', () => {
  test.each([
    {
      what: 'a batch after every mark is appended',
      have: ['a'],
      add: ['b', 'c'],
      want: ['a', 'b', 'c'],
    },
    {
      what: 'a batch before them is sorted in',
      have: ['b', 'c'],
      add: ['a'],
      want: ['a', 'b', 'c'],
    },
    {
      what: 'a batch in any order is sorted',
      have: [],
      add: ['c', 'a', 'b'],
      want: ['a', 'b', 'c'],
    },
    { what: 'an empty batch changes nothing', have: ['a', 'c'], add: [], want: ['a', 'c'] },
  ])('$what', ({ have, add, want }) => {
    setBody(PAGE);
    const m = (id: string) =>
      markOn(id, rangeOver(`#${id}`, id === 'c' ? 'Gamma' : 'claim'), record(id));
    expect(mergeMarks(have.map(m), add.map(m)).map((x) => x.key)).toEqual(want);
  });
});

describe('isStale', () => {
  test.each([
    { what: 'untouched text', change: () => {}, rereading: [], want: false },
    { what: 'its block is read again', change: () => {}, rereading: ['#a'], want: true },
    { what: 'another block is read again', change: () => {}, rereading: ['#b'], want: false },
    {
      what: 'its text was removed',
      change: () => document.querySelector('#a')?.remove(),
      rereading: [],
      want: true,
    },
    {
      what: 'its text was emptied',
      change: () => ((document.querySelector('#a')?.firstChild as Text).data = ''),
      rereading: [],
      want: true,
    },
  ])('$what -> $want', ({ change, rereading, want }) => {
    setBody(PAGE);
    const m = markOn('a', rangeOver('#a', 'claim'), record('a'));
    change();
    const blocks = rereading.map((s) => document.querySelector(s) as Node);
    expect(isStale(m, blocks, document)).toBe(want);
  });
});

describe('isShown', () => {
  test.each([
    { strictness: 'balanced', verdicts: ['false'], shownAt: ['balanced', 'broad'], want: true },
    { strictness: 'strict', verdicts: ['false'], shownAt: ['balanced', 'broad'], want: false },
    { strictness: 'broad', verdicts: ['false'], shownAt: ['broad'], want: true },
    { strictness: 'balanced', verdicts: ['accurate'], shownAt: ['balanced'], want: false },
  ] as const)(
    '$strictness, $verdicts, shown at $shownAt -> $want',
    ({ strictness, verdicts, shownAt, want }) => {
      setBody(PAGE);
      const m = markOn('a', rangeOver('#a', 'claim'), record('a', 'false'), [...shownAt]);
      expect(isShown(m, { strictness, verdicts })).toBe(want);
    },
  );
});

test('claimsOf lists each claim once, with how often it is marked', () => {
  setBody(PAGE);
  const x = record('x', 'false');
  const y = record('y', 'accurate');
  const marks = [
    markOn('1', rangeOver('#a', 'claim'), x),
    markOn('2', rangeOver('#b', 'claim'), y),
    markOn('3', rangeOver('#c', 'Gamma'), x),
  ];
  expect(claimsOf(marks)).toEqual([
    { id: 'x', claim: x.claim, verdict: 'false', count: 2 },
    { id: 'y', claim: y.claim, verdict: 'accurate', count: 1 },
  ]);
});
