import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileClaimSet, serializeClaimSetIndex } from '../../lib/claims/compile-claim-set';
import { MatchingService, type SetSources } from '../../lib/matching-service';
import type { Closeness } from '../../lib/semantic/page-decision';
import {
  checkItems,
  WorkerClient,
  type CosineItem,
  type WorkerLike,
} from '../../lib/semantic/protocol';
import { StoredSets } from '../../lib/stored-sets';
import type { ClaimRecord } from '../../lib/types';

/**
 * The background's semantic pass (lib/semantic-pass.ts through MatchingService): which
 * paragraphs go to the model, how their claims are named, and what its answer marks. The
 * model is a stand-in giving chosen closeness (cosine, margin over every other claim); the
 * real one runs in the e2e tests.
 */
const SEED = parseYaml(readFileSync('data/claims/seed.yaml', 'utf8')) as ClaimRecord[];
const bundled = compileClaimSet(SEED, { name: 'Seed', version: '1', built: '2025-11-25' });

/**
 * Close to a seed claim (trump-end-war-24-hours) but under the page threshold: the lexical
 * pass marks it at Broad only, as a possible match.
 */
const VOWED = 'Trump vowed to end the war 24 hours.';
const FIFTH = 'Russia now holds about a fifth of Ukraine’s territory, officials said.';
const TOPIC = 'Ukraine and Russia were discussed at length by the ministers on Tuesday.';

function service(
  close: (items: CosineItem[]) => Promise<Closeness[]>,
  imported: ClaimRecord[] = [],
): { svc: MatchingService; asked: CosineItem[][] } {
  const asked: CosineItem[][] = [];
  const sources: SetSources = {
    fetchIndex: async () => serializeClaimSetIndex(bundled),
    fetchShard: async (file) => bundled.shards.find((s) => s.file === file)?.data,
    imported: new StoredSets({
      list: async () =>
        imported.length
          ? [
              {
                id: 'mine',
                name: 'Mine',
                enabled: true,
                date: '2026-01-01',
                kind: 'imported' as const,
                stamp: 'x',
              },
            ]
          : [],
      records: async () => imported,
    }),
    semantic: (items) => {
      asked.push(items);
      return close(items);
    },
  };
  return { svc: new MatchingService(sources), asked };
}

const sentences = (...texts: string[]) => texts.map((text, block) => ({ text, block }));
/** The model's answer: every paragraph this close to each of its claims. */
const same = (cos: number, margin: number) => async (items: CosineItem[]) =>
  items.map((it) => {
    const claims = it.claims ?? it.rows;
    return { cos: claims.map(() => cos), margin: claims.map(() => margin) };
  });
/** Close to its claim, and closer to it than to any other claim of the set. */
const NEAR = same(0.6, 0.05);

describe('the semantic pass', () => {
  test('a close paragraph the model finds nearest its claim is marked, at Balanced and Broad', async () => {
    const { svc, asked } = service(NEAR);
    const r = await svc.match({ sentences: sentences(TOPIC, VOWED), semantic: true });
    expect(r.matches.map((m) => [m.sentence, m.set, m.semantic])).toEqual([[1, 'bundled', true]]);
    const row = r.matches[0]?.row ?? -1;
    expect(r.claims.bundled?.[row]?.id).toBe('trump-end-war-24-hours');
    expect(r.shownAt).toEqual([['balanced', 'broad']]);
    // Only the close paragraph went to the model, with its bundled claims' rows.
    expect(asked).toHaveLength(1);
    expect(asked[0]?.map((it) => it.text)).toEqual([VOWED]);
    expect(asked[0]?.[0]?.rows[0]).toBe(row);
  });

  test('the same paragraph as close to another claim of the set stays unmarked', async () => {
    const { svc } = service(same(0.6, -0.2));
    const r = await svc.match({ sentences: sentences(VOWED), semantic: true });
    expect(r.matches).toEqual([]);
  });

  test('a paragraph the lexical pass marks, or one sharing only a topic, never goes to the model', async () => {
    const { svc, asked } = service(NEAR);
    const r = await svc.match({ sentences: sentences(FIFTH, TOPIC), semantic: true });
    expect(r.matches).toEqual([]);
    expect(asked).toEqual([]);
  });

  test('a model that fails costs the semantic marks only', async () => {
    const { svc } = service(async () => {
      throw new Error('model did not load');
    });
    const r = await svc.match({ sentences: sentences(VOWED), semantic: true });
    expect(r.matches).toEqual([]);
    const lexical = await svc.match({ sentences: sentences(VOWED) });
    expect(lexical.matches).toHaveLength(1);
  });

  test('Strict never shows a semantic mark', async () => {
    const { svc, asked } = service(NEAR);
    const r = await svc.match({
      sentences: sentences(VOWED),
      strictnesses: ['strict'],
      semantic: true,
    });
    expect(r.matches).toEqual([]);
    expect(asked).toEqual([]);
  });

  test("an imported set's candidates go in the same request, by their claims' own texts", async () => {
    // A claim the bundled set lacks, as a reader's import or feed would bring it.
    const base = SEED.find((r) => r.id === 'trump-end-war-24-hours') as ClaimRecord;
    const mine = [
      {
        ...base,
        id: 'my-water-claim',
        claim: 'Officials warned that someone is injecting poison into bottled water.',
        sources: [{ ...base.sources[0], title: 'Is someone poisoning bottled water?' }],
      } as ClaimRecord,
    ];
    const WATER = 'Officials warned people about poison in water.';
    // The model finds each paragraph far nearer its claim than any other (a clear restatement).
    const { svc, asked } = service(same(0.95, 0.3), mine);
    const r = await svc.match({ sentences: sentences(VOWED, WATER), semantic: true });
    expect(r.matches.map((m) => [m.sentence, m.set])).toEqual([
      [0, 'bundled'],
      [1, 'mine'],
    ]);
    expect(r.claims.mine?.[r.matches[1]?.row ?? -1]?.id).toBe('my-water-claim');
    // One request: the bundled paragraph by rows, the imported one by its claim's text + title.
    expect(asked).toHaveLength(1);
    const [bundledItem, mineItem] = asked[0] ?? [];
    expect(bundledItem?.claims).toBeUndefined();
    expect(mineItem?.rows).toEqual([]);
    expect(mineItem?.claims).toEqual([
      'Officials warned that someone is injecting poison into bottled water. Is someone poisoning bottled water?',
    ]);
  });

  test('an imported claim the model finds as close to other claims stays unmarked', async () => {
    const { svc } = service(same(0.6, -0.2), [
      { ...SEED.find((r) => r.id === 'trump-end-war-24-hours'), id: 'my-24h' } as ClaimRecord,
    ]);
    const r = await svc.match({ sentences: sentences(VOWED), semantic: true });
    expect(r.matches).toEqual([]);
  });
});

describe('the worker protocol', () => {
  test('a request the worker cannot read says what and where', () => {
    expect(() => checkItems([{ text: 'a', rows: [0, -1] }])).toThrow(
      'items[0].rows[1] is not a row number',
    );
    expect(() => checkItems([{ rows: [] }])).toThrow('items[0].text is not a string');
    expect(() => checkItems('x')).toThrow('items is not a list');
    expect(() => checkItems([{ text: 'a', rows: [1], claims: ['b'] }])).toThrow(
      'items[0] names both rows and claims',
    );
    expect(() => checkItems([{ text: 'a', rows: [], claims: ['b', 3] }])).toThrow(
      'items[0].claims[1] is not a string',
    );
    expect(checkItems([{ text: 'a', rows: [], claims: ['b'] }])).toEqual([
      { text: 'a', rows: [], claims: ['b'] },
    ]);
  });

  test('replies find their request by id; a worker error fails what is pending', async () => {
    const listeners: Record<string, ((e: never) => void)[]> = { message: [], error: [] };
    const posted: { id: number }[] = [];
    const worker: WorkerLike = {
      postMessage: (m) => void posted.push(m),
      addEventListener: (t: string, fn: (e: never) => void) => void listeners[t]?.push(fn),
      terminate: () => {},
    } as WorkerLike;
    const client = new WorkerClient(worker);
    const a = client.closeness([{ text: 'a', rows: [0] }]);
    const b = client.closeness([{ text: 'b', rows: [1] }]);
    const reply = (data: unknown) => listeners.message?.forEach((fn) => fn({ data } as never));
    reply({ id: posted[1]?.id, close: [{ cos: [0.5], margin: [0.1] }] });
    await expect(b).resolves.toEqual([{ cos: [0.5], margin: [0.1] }]);
    listeners.error?.forEach((fn) => fn({ message: 'out of memory' } as never));
    await expect(a).rejects.toThrow('semantic worker: out of memory');
    expect(client.busy).toBe(false);
  });
});
