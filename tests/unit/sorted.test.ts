import { describe, expect, test } from 'vitest';
import { lastAtOrBefore } from '../../lib/sorted';

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
