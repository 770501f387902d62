/** @vitest-environment happy-dom */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { LONG_STRETCH_MS, TaskClock, TIMING } from '../../dom/timing';

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMeasures();
});

describe('TaskClock', () => {
  test.each([
    { stretches: [5, 12, 3], longest: 12, measures: 0 },
    { stretches: [LONG_STRETCH_MS - 1], longest: LONG_STRETCH_MS - 1, measures: 0 },
    { stretches: [LONG_STRETCH_MS, 40], longest: 40, measures: 2 },
  ])(
    'stretches $stretches ms -> longest $longest, $measures measures',
    ({ stretches, longest, measures }) => {
      const clock = new TaskClock();
      let now = 1_000;
      vi.spyOn(performance, 'now').mockImplementation(() => now);
      for (const ms of stretches) {
        const t0 = now;
        now += ms;
        clock.note(t0, 'read');
      }
      expect(clock.detail.longestTaskMs).toBe(longest);
      const long = performance
        .getEntriesByType('measure')
        .filter((m) => m.name === `${TIMING.longPrefix}read`);
      expect(long).toHaveLength(measures);
    },
  );

  test('a draw counts as a stretch and as the longest draw', () => {
    const clock = new TaskClock();
    clock.noteDraw(7);
    expect(clock.detail.longestDrawMs).toBe(7);
    expect(clock.detail.longestTaskMs).toBeGreaterThanOrEqual(7);
  });
});

test('every User Timing name is a factmark- name, each once', () => {
  const names = Object.values(TIMING);
  expect(new Set(names).size).toBe(names.length);
  for (const n of names) expect(n.startsWith('factmark-')).toBe(true);
});
