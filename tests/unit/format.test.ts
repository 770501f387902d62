import { describe, expect, test } from 'vitest';
import { formatAge, formatDate, staleness } from '../../lib/format';
import { safeHttpsUrl } from '../../lib/safe-https-url';

describe('safeHttpsUrl', () => {
  test.each([
    ['https://www.politifact.com/factchecks/2019/oct/30/x/', true],
    ['http://example.com/', false],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
    ['//example.com/x', false],
    ['not a url', false],
    ['https://user:pw@example.com/', false],
    ['https://example.com/a b', false],
  ])('%s is a link: %s', (url, ok) => {
    expect(safeHttpsUrl(url) !== null).toBe(ok);
  });
});

describe('dates', () => {
  test.each([
    ['2025-11-21', '21 Nov 2025'],
    ['2025-11', 'Nov 2025'],
    ['2014', '2014'],
  ])('%s reads as %s', (iso, text) => expect(formatDate(iso)).toBe(text));

  test('ages read in the largest whole unit', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    expect(formatAge(new Date('2026-11-24T00:00:00Z'), now)).toBe('1 day');
    expect(formatAge(new Date('2026-08-20T00:00:00Z'), now)).toBe('3 months');
    expect(formatAge(new Date('2022-09-30T00:00:00Z'), now)).toBe('4 years');
  });

  test('a page published long after the fact check gets a plain warning', () => {
    const now = new Date('2026-11-25T00:00:00Z');
    const s = staleness('2019-10-30', '2025-11-21', now);
    expect(s.age).toBe('Checked 7 years ago');
    expect(s.warning).toMatch(/published 6 years after the fact check/);
    expect(staleness('2025-11-20', '2025-11-21', now).warning).toBeNull();
    expect(staleness('2025-11-20', undefined, now).warning).toBeNull();
  });
});
