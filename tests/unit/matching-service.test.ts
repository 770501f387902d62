import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileClaimSet, serializeClaimSetIndex } from '../../lib/claims/compile-claim-set';
import { MatchingService, type ImportedSet, type SetSources } from '../../lib/matching-service';
import { StoredSets } from '../../lib/stored-sets';
import type { ClaimRecord } from '../../lib/types';

/** The background's matching service, over the six seed claims compiled in memory. */
const SEED = parseYaml(readFileSync('data/claims/seed.yaml', 'utf8')) as ClaimRecord[];
const byId = (id: string) => SEED.find((r) => r.id === id) as ClaimRecord;
const bundled = compileClaimSet(SEED, { name: 'Seed', version: '1', built: '2025-11-25' });

const FIFTH = 'Russia now holds about a fifth of Ukraine’s territory, officials said.';
/** Only a possible match in this small set: shown at Broad alone. */
const CRIMEA = 'Russia annexed Crimea in 2014.';
const TOPIC = 'Ukraine and Russia were discussed at length by the ministers on Tuesday.';

/** Stored imports as the background reads them (lib/stored-sets.ts), from memory. */
function storedSets(get: () => unknown): StoredSets {
  const sets = (): ImportedSet[] => {
    const v = get();
    if (!Array.isArray(v)) throw new Error('the stored imports are not a list');
    return v as ImportedSet[];
  };
  return new StoredSets({
    list: async () =>
      sets().map((s) => ({
        id: s.id,
        name: s.name,
        enabled: s.enabled,
        date: s.imported,
        kind: 'imported' as const,
        stamp: `${s.id}:${s.records.length}`,
      })),
    records: async (id) => sets().find((s) => s.id === id)?.records ?? null,
  });
}

function sources(imported: unknown = [], failShards = false): SetSources {
  return {
    fetchIndex: async () => serializeClaimSetIndex(bundled),
    fetchShard: async (file) => {
      if (failShards) throw new Error('offline');
      return bundled.shards.find((s) => s.file === file)?.data;
    },
    imported: storedSets(() => imported),
  };
}

function imported(id: string, records: ClaimRecord[], enabled = true): ImportedSet {
  return { id, name: id, imported: '2026-01-01', enabled, records };
}

/** The settings an annotated match below the Strict threshold is shown at. */
const ANNOTATED = ['balanced', 'broad'];
const fifthOnly = [{ ...byId('ru-holds-fifth-of-ukraine'), id: 'my-fifth' }];
/** The same claim, checked by another of the seed claim's own sources (another URL). */
const fifthElsewhere = [
  {
    ...byId('ru-holds-fifth-of-ukraine'),
    id: 'my-fifth',
    sources: byId('ru-holds-fifth-of-ukraine').sources.slice(1, 2),
  },
];

describe('MatchingService.match', () => {
  test.each([
    {
      what: 'a sentence stating a bundled claim',
      sentences: [FIFTH],
      stored: [],
      want: [{ sentence: 0, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
    },
    {
      what: 'sentences are named by their index in the request',
      sentences: [TOPIC, TOPIC, FIFTH],
      stored: [],
      want: [{ sentence: 2, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
    },
    {
      what: 'a possible match is shown at Broad only',
      sentences: [CRIMEA],
      stored: [],
      want: [{ sentence: 0, set: 'bundled', id: 'ru-annexed-crimea-2014', at: ['broad'] }],
    },
    {
      what: 'a sentence that only shares words',
      sentences: [TOPIC],
      stored: [],
      want: [],
    },
    {
      what: 'the same fact check (URL) in two sets under other ids is one claim, from the first set',
      sentences: [FIFTH],
      stored: [imported('import-a', fifthOnly)],
      want: [{ sentence: 0, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
    },
    {
      // Two publishers' checks of one sentence: one mark (the better scored) listing the other.
      what: 'two sets checking one sentence give one mark whose card lists both checks',
      sentences: [FIFTH],
      stored: [imported('import-a', fifthElsewhere)],
      want: [{ sentence: 0, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
      also: ['my-fifth'],
    },
    {
      what: 'a switched-off imported set is not matched',
      sentences: [FIFTH],
      stored: [imported('import-a', fifthOnly, false)],
      want: [{ sentence: 0, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
    },
    {
      what: 'the same claim in two sets at the same span is marked once',
      sentences: [FIFTH],
      stored: [imported('import-a', [byId('ru-holds-fifth-of-ukraine')])],
      want: [{ sentence: 0, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
    },
    {
      what: 'corrupt stored imports leave the bundled set working',
      sentences: [FIFTH],
      stored: { not: 'a list' },
      want: [{ sentence: 0, set: 'bundled', id: 'ru-holds-fifth-of-ukraine', at: ANNOTATED }],
    },
  ] as { what: string; sentences: string[]; stored: unknown; want: unknown[]; also?: string[] }[])(
    '$what',
    async ({ sentences, stored, want, also }) => {
      const service = new MatchingService(sources(stored));
      const reply = await service.match({ sentences: sentences.map((text) => ({ text })) });
      const got = reply.matches.map((m, i) => ({
        sentence: m.sentence,
        set: m.set,
        id: reply.claims[m.set]?.[m.row]?.id,
        at: reply.shownAt[i],
      }));
      expect(got).toEqual(want);
      const first = reply.matches[0];
      const card = first ? reply.claims[first.set]?.[first.row] : undefined;
      expect((card?.also ?? []).map((c) => c.id)).toEqual(also ?? []);
      for (const m of reply.matches) {
        // Spans are relative to their sentence, and every match has its card data.
        const text = sentences[m.sentence] ?? '';
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(text.length);
        expect(m.end).toBeGreaterThan(m.start);
        expect(reply.claims[m.set]?.[m.row]?.sources.length).toBeGreaterThan(0);
      }
    },
  );

  test.each([
    { asked: ['balanced'], want: [['balanced']] },
    { asked: ['strict', 'broad'], want: [['broad']] },
    { asked: ['strict'], want: [] },
    { asked: [], want: [ANNOTATED] },
  ] as const)('only the strictness settings asked: $asked', async ({ asked, want }) => {
    const service = new MatchingService(sources());
    const reply = await service.match({ sentences: [{ text: FIFTH }], strictnesses: [...asked] });
    expect(reply.shownAt).toEqual(want);
  });

  test("each match carries where the card marks the shared words, in the claim and the page's text", async () => {
    const service = new MatchingService(sources());
    const reply = await service.match({ sentences: [{ text: `Officials said: ${FIFTH}` }] });
    const m = reply.matches[0];
    expect(m).toBeDefined();
    if (!m) return;
    const claim = reply.claims[m.set]?.[m.row]?.claim ?? '';
    const quote = `Officials said: ${FIFTH}`.slice(m.start, m.end);
    const words = (text: string, spans: [number, number][] = []) =>
      spans.map(([s, e]) => text.slice(s, e).toLowerCase());
    // The words both texts share (evidence), found in each, with its own offsets.
    expect(words(quote, m.shared?.quote)).toEqual(
      expect.arrayContaining(['russia', 'ukraine', 'territory']),
    );
    expect(words(claim, m.shared?.claim)).toEqual(
      expect.arrayContaining(['russia', 'ukraine', 'territory']),
    );
    expect(words(quote, m.shared?.quote)).not.toContain('officials');
  });

  test('a batch asked again for its other strictnesses gets what one request would', async () => {
    const batch = () => [FIFTH, TOPIC, CRIMEA].map((text) => ({ text, block: 0 }));
    const once = await new MatchingService(sources()).match({ sentences: batch() });
    const service = new MatchingService(sources());
    const first = await service.match({ sentences: batch(), strictnesses: ['balanced'] });
    // The follow-up names the first request's batch, as the content script sends it, and
    // carries no text: the service reuses the first request's rankings, and the marks must
    // not change for it.
    const rest = await service.match({ batch: first.batch, strictnesses: ['strict', 'broad'] });
    const ids = (r: typeof once) =>
      r.matches.flatMap((m, i) =>
        (r.shownAt[i] ?? []).map((at) => `${m.sentence}:${r.claims[m.set]?.[m.row]?.id}:${at}`),
      );
    expect([...ids(first), ...ids(rest)].sort()).toEqual(ids(once).sort());
    expect(ids(rest).length).toBeGreaterThan(0);
  });

  test('a batch no longer remembered is asked for again, not matched as empty', async () => {
    const service = new MatchingService(sources());
    const first = await service.match({ sentences: [{ text: FIFTH }], date: '2025-01-02' });
    // A background that restarted (a new service) has no batches.
    const restarted = await new MatchingService(sources()).match({ batch: first.batch });
    expect(restarted).toEqual({ unknownBatch: true, matches: [], shownAt: [], claims: {} });
    // Batches after it push it out: the last 16 are kept.
    for (let i = 0; i < 16; i++) await service.match({ sentences: [{ text: `${TOPIC} ${i}` }] });
    expect((await service.match({ batch: first.batch })).unknownBatch).toBe(true);
    // Each batch has its own id, and one still kept answers with its own sentences.
    const kept = await service.match({ sentences: [{ text: FIFTH }] });
    expect(kept.batch).not.toBe(first.batch);
    expect((await service.match({ batch: kept.batch })).matches.length).toBeGreaterThan(0);
  });

  test('a display file that cannot be read costs its marks, not the reply', async () => {
    const service = new MatchingService(sources([imported('import-a', fifthOnly)], true));
    const reply = await service.match({ sentences: [{ text: FIFTH }] });
    expect(reply.matches.map((m) => m.set)).toEqual(['import-a']);
  });

  test('a request without a sentence list gets no matches', async () => {
    const service = new MatchingService(sources());
    const bad = {} as unknown as Parameters<MatchingService['match']>[0];
    expect(await service.match(bad)).toMatchObject({ matches: [], shownAt: [], claims: {} });
  });
});

describe('MatchingService.info', () => {
  test('lists the bundled set and every imported one, switched off or not', async () => {
    const service = new MatchingService(
      sources([imported('import-a', fifthOnly), imported('import-b', fifthOnly, false)]),
    );
    const info = await service.info();
    expect(info.map((s) => [s.id, s.count, s.enabled, s.builtin])).toEqual([
      ['bundled', SEED.length, true, true],
      ['import-a', 1, true, false],
      ['import-b', 1, false, false],
    ]);
  });

  test('an import, a switch and a removal take effect after a reload', async () => {
    let stored: ImportedSet[] = [];
    const sets = storedSets(() => stored);
    const service = new MatchingService({ ...sources(), imported: sets });
    const listed = async () => (await service.info()).map((s) => [s.id, s.enabled]);
    // The imported check of the sentence is listed on its card beside the bundled one.
    const marked = async () =>
      Object.values((await service.match({ sentences: [{ text: FIFTH, block: 0 }] })).claims)
        .flatMap((rows) => Object.values(rows))
        .flatMap((card) => [card.id, ...(card.also ?? []).map((a) => a.id)]);
    expect(await listed()).toEqual([['bundled', true]]);
    stored = [imported('import-a', fifthElsewhere)];
    await sets.reload();
    expect(await listed()).toEqual([
      ['bundled', true],
      ['import-a', true],
    ]);
    expect(await marked()).toContain('my-fifth');
    stored = [imported('import-a', fifthElsewhere, false)];
    await sets.reload();
    expect(await listed()).toEqual([
      ['bundled', true],
      ['import-a', false],
    ]);
    expect(await marked()).not.toContain('my-fifth');
    stored = [];
    await sets.reload();
    expect(await listed()).toEqual([['bundled', true]]);
  });
});
