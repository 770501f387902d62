import { describe, expect, test } from 'vitest';
import {
  addHidden,
  entryFor,
  isHidden,
  pageKey,
  removeHidden,
  sanitizeHidden,
} from '../../lib/hidden';

const place = {
  claim: 'ru-annexed-crimea-2014',
  site: 'www.example.com',
  page: 'https://www.example.com/news/a?utm=x#top',
  text: 'Russia  annexed\nCrimea in 2014.',
};

describe('hidden marks', () => {
  test('a hidden match hides that claim on that sentence of that page only', () => {
    const list = [entryFor('match', place, 'Russia annexed Crimea in 2014.', '2026-12-01')];
    expect(isHidden(list, place)).toBe(true);
    // The same page with another query or hash is the same article.
    expect(isHidden(list, { ...place, page: 'https://www.example.com/news/a' })).toBe(true);
    expect(isHidden(list, { ...place, text: 'Crimea was annexed in 2014.' })).toBe(false);
    expect(isHidden(list, { ...place, page: 'https://www.example.com/news/b' })).toBe(false);
    expect(isHidden(list, { ...place, claim: 'ru-holds-fifth-of-ukraine' })).toBe(false);
  });

  test('a hidden claim hides it on every page of the site, and no other site', () => {
    const list = [entryFor('claim', place, 'Russia annexed Crimea in 2014.', '2026-12-01')];
    expect(list[0]?.site).toBe('example.com');
    expect(isHidden(list, { ...place, page: 'https://example.com/other', text: 'x' })).toBe(true);
    expect(isHidden(list, { ...place, site: 'news.other.org' })).toBe(false);
  });

  test('adding twice keeps one entry; removing restores', () => {
    const e = entryFor('match', place, 'c', '2026-12-01');
    const list = addHidden(addHidden([], e), { ...e });
    expect(list).toHaveLength(1);
    expect(removeHidden(list, e)).toEqual([]);
    expect(pageKey('not a url')).toBe('not a url');
  });

  test('corrupt storage is dropped entry by entry and said', () => {
    const good = entryFor('claim', place, 'c', '2026-12-01');
    const r = sanitizeHidden([good, { kind: 'match', claim: 'x' }, 7]);
    expect(r.list).toEqual([good]);
    expect(r.problems).toEqual(['hidden: dropped 2 entries that are not well formed']);
    expect(r.dropped).toBe(2);
    expect(sanitizeHidden('junk')).toEqual({
      list: [],
      problems: ['hidden: expected a list; cleared'],
      dropped: 0,
      whole: true,
    });
  });
});
