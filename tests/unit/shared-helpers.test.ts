import { describe, expect, it } from 'vitest';
import { isoDateParts } from '../../lib/iso-date';
import { dayNumber } from '../../lib/match/index-core';
import { tweetDate } from '../../lib/match/prepare-query';
import { foldDiacritics } from '../../lib/text/fold-diacritics';
import { slugify } from '../../lib/text/slugify';

describe('slugify', () => {
  it.each([
    ['Pants on Fire!', 'pants-on-fire'],
    ['Conflicting Evidence/Cherrypicking', 'conflicting-evidence-cherrypicking'],
    ['Señor Pérez_2020', 'senor-perez-2020'],
    ['--already-a-slug--', 'already-a-slug'],
    ['¿?', ''],
  ])('%j -> %j', (text, slug) => expect(slugify(text)).toBe(slug));
});

describe('foldDiacritics', () => {
  it.each([
    ['Pérez', 'Perez'],
    ['Zoë Ñuñez', 'Zoe Nunez'],
    ['ﬁle', 'file'],
    ['plain', 'plain'],
  ])('%j -> %j', (text, folded) => expect(foldDiacritics(text)).toBe(folded));
});

describe('isoDateParts', () => {
  it.each([
    ['2020-10-09', { year: 2020, month: 10, day: 9, text: '2020-10-09' }],
    ['2020-10-09T12:00:00Z', { year: 2020, month: 10, day: 9, text: '2020-10-09' }],
    ['2020-10', { year: 2020, month: 10, text: '2020-10' }],
    ['2020', { year: 2020, text: '2020' }],
    ['Oct 2020', null],
  ])('%j -> %j', (s, parts) => expect(isoDateParts(s)).toEqual(parts));

  it('gives the matcher day numbers, a bare year counted from mid-year', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2020')).toBe(dayNumber('2020-07-01'));
    expect(dayNumber('2020-03')).toBe(dayNumber('2020-03-01'));
    expect(dayNumber(undefined)).toBeNaN();
    expect(dayNumber('soon')).toBeNaN();
  });
});

describe('tweetDate', () => {
  it('reads the date of an embedded tweet from its month name', () => {
    const t = tweetDate('Taxes went up. — Jane Doe (@JaneDoe) March 4, 2021');
    expect(t).toEqual({ text: 'Taxes went up.', date: '2021-03-04', author: 'Jane Doe Jane Doe' });
  });
});
