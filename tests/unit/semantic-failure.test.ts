import { describe, expect, it } from 'vitest';
import { failureOf, reportingFailures, sanitizeFailure } from '../../lib/semantic/failure';
import type { SemanticFailure } from '../../lib/semantic/failure';

describe("the semantic pass's failures, reported for the options page", () => {
  /** A stand-in model whose next answers are scripted: a value, or an Error to throw. */
  function scripted(answers: (number | Error)[]) {
    const reports: (SemanticFailure | null)[] = [];
    const call = reportingFailures(
      async () => {
        const a = answers.shift();
        if (a instanceof Error) throw a;
        return a;
      },
      async (f) => {
        reports.push(f);
      },
    );
    return { call, reports };
  }

  it('reports a failure with its message and still rejects, so the page keeps its lexical marks', async () => {
    const { call, reports } = scripted([new Error('weights.bin: 404')]);
    await expect(call(undefined)).rejects.toThrow('weights.bin: 404');
    expect(reports).toEqual([{ error: 'weights.bin: 404', at: expect.any(String) }]);
    expect(Number.isNaN(Date.parse(reports[0]!.at))).toBe(false);
  });

  it('clears the report when the model answers again, once, not on every answer', async () => {
    const { call, reports } = scripted([new Error('out of memory'), 1, 2, 3]);
    await expect(call(undefined)).rejects.toThrow();
    expect(await call(undefined)).toBe(1);
    expect(await call(undefined)).toBe(2);
    expect(reports.map((r) => r?.error ?? null)).toEqual(['out of memory', null]);
  });

  it('clears, on the first answer after a start, a report an earlier session left', async () => {
    const { call, reports } = scripted([1, 2]);
    await call(undefined);
    await call(undefined);
    expect(reports).toEqual([null]);
  });

  it('keeps the failure thrown when the report cannot be written', async () => {
    const call = reportingFailures(
      () => Promise.reject(new Error('worker gone')),
      () => Promise.reject(new Error('storage full')),
    );
    await expect(call(undefined)).rejects.toThrow('worker gone');
  });

  it('reads only a well-formed stored failure, a long message cut', () => {
    expect(sanitizeFailure({ error: 'x', at: '2026-12-06T21:40:00.000Z' })).toEqual({
      error: 'x',
      at: '2026-12-06T21:40:00.000Z',
    });
    for (const bad of [null, 'x', { error: 1, at: '2026-12-06' }, { error: 'x', at: 'soon' }])
      expect(sanitizeFailure(bad)).toBeNull();
    expect(failureOf('e'.repeat(1000)).error).toHaveLength(300);
    expect(failureOf(new Error('  ')).error).toBe('unknown error');
  });
});
