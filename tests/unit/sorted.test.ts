import { describe, expect, it, test } from 'vitest';
import { lastAtOrBefore, lowerBound } from '../../lib/sorted';

describe('lastAtOrBefore', () => {
  test.each([
    { sorted: [0], x: 5, want: 0 },
    { sorted: [0, 10, 20], x: 0, want: 0 },
    { sorted: [0, 10, 20], x: 9, want: 0 },
    { sorted: [0, 10, 20], x: 10, want: 1 },
    { sorted: [0, 10, 20], x: 25, want: 2 },
    // None is <= x: 0.
    { sorted: [5, 10], x: 1, want: 0 },
    // Repeats: the last of them.
    { sorted: [0, 10, 10, 20], x: 10, want: 2 },
  ])('$sorted, $x -> $want', ({ sorted, x, want }) => {
    expect(lastAtOrBefore(sorted, x)).toBe(want);
    expect(lastAtOrBefore(Uint32Array.from(sorted), x)).toBe(want);
  });
});

describe('lowerBound', () => {
  // Claims' days through a sorted order of rows, as candidates.ts's date window reads them.
  const days = [30, 10, 20, 20, 40];
  const order = [1, 2, 3, 0, 4];
  const key = (i: number) => days[order[i] ?? 0] ?? 0;
  it.each([
    [5, 0],
    [10, 0],
    [11, 1],
    [20, 1],
    [21, 3],
    [40, 4],
    [41, 5],
  ])('the first day >= %d is at %d', (v, want) => {
    expect(lowerBound(order.length, key, v)).toBe(want);
  });
  it('is 0 on an empty order', () => expect(lowerBound(0, key, 3)).toBe(0));
});
