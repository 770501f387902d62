import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fillCache,
  readKeyedVectors,
  tableFor,
  vectorKey,
  writeKeyedVectors,
  type KeyedVectors,
} from '../../tools/claim-vectors';
import { PAGE_MODEL } from '../../lib/semantic/page-decision';
import { taskDir } from '../../tools/train-data';

const dir = mkdtempSync(join(tmpdir(), 'factmark-vectors-'));

/** A stand-in encoder: a text's vector from its characters (deterministic), counting calls. */
function fakeEmbed(dim: number) {
  const seen: string[] = [];
  const embed = async (texts: readonly string[]) => {
    seen.push(...texts);
    const out = new Float32Array(texts.length * dim);
    texts.forEach((t, i) => {
      for (let d = 0; d < dim; d++)
        out[i * dim + d] = Math.sin((t.charCodeAt(d % t.length) || 1) * (d + 1));
    });
    return out;
  };
  return { embed, seen };
}

describe('the claim vector cache', () => {
  it('embeds only texts it has not seen, and survives a round trip through its file', async () => {
    const path = join(dir, 'a.fmk');
    const cache: KeyedVectors = { dim: 8, rows: new Map() };
    const { embed, seen } = fakeEmbed(8);
    expect(await fillCache(['one claim', 'two claim'], cache, embed, { path })).toBe(2);
    expect(await fillCache(['one claim', 'three claim'], cache, embed, { path })).toBe(1);
    expect(seen).toEqual(['one claim', 'two claim', 'three claim']);
    const back = readKeyedVectors(path);
    expect(back.rows.size).toBe(3);
    expect([...back.rows.get(vectorKey('two claim'))!.q]).toEqual([
      ...cache.rows.get(vectorKey('two claim'))!.q,
    ]);
    const table = tableFor(['three claim', 'one claim'], back);
    expect(table?.n).toBe(2);
    // A set with a claim never embedded has no table (its semantic channel stays off).
    expect(tableFor(['one claim', 'never seen'], back)).toBeUndefined();
  });

  it('refuses a corrupt cache file, naming it', () => {
    const path = join(dir, 'bad.fmk');
    writeFileSync(path, Buffer.from('FMK1 not really a cache'));
    expect(() => readKeyedVectors(path)).toThrow(/bad\.fmk/);
    writeKeyedVectors({ dim: 4, rows: new Map() }, join(dir, 'empty.fmk'));
    expect(readKeyedVectors(join(dir, 'empty.fmk')).rows.size).toBe(0);
  });
});

describe('npm run match with the semantic channel', () => {
  /** The match CLI on the 2a claims for one query (its own file). */
  const run = (query: { id: string; text: string }, ...extra: string[]) => {
    const queries = join(dir, `${query.id}.jsonl`);
    writeFileSync(queries, `${JSON.stringify(query)}\n`);
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/match.ts',
        '--claims',
        join(taskDir('2a'), 'claims.jsonl'),
        '--queries',
        queries,
        ...extra,
      ],
      { encoding: 'utf8', env: { ...process.env, FACTMARK_VECTOR_CACHE: join(dir, 'cli.fmk') } },
    );
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as {
      results: { claim: string; score: number; annotate: boolean; semantic?: number }[];
    };
  };
  it('ranks the restated claim first where the lexical ranker does not', () => {
    // A real 2a dev tweet: the lexical ranker puts the claim of Facebook hiding #FeelTheBern
    // first (they share the hashtag); the tweet restates the checked claim of the menu on
    // Sanders's chartered plane.
    const tweet = {
      id: 'tweet-sno-1134',
      text: 'The menu on Bernie Sanders\' chartered plane. He\'s a real "man of the people." What a joke. Only suckers #FeelTheBern pic.twitter.com/Me0rKbez8f — Dan Bongino (@dbongino) April 16, 2016',
    };
    const lexical = run(tweet, '--no-semantic');
    expect(lexical.results[0]?.claim).toBe('vclaim-sno-facebook-bernie-blackout');
    expect(lexical.results[0]?.semantic).toBeUndefined();
    const semantic = run(tweet);
    expect(semantic.results[0]?.claim).toBe('vclaim-sno-sanders-private-jet-menu');
    expect(semantic.results).toHaveLength(5);
  }, 120_000);
  it('finds a checked claim the lexical ranker does not list at all, through the BM25 half of the pool', () => {
    // A real 2a dev tweet; its checked claim (a French law on child consent) shares "child"
    // and "sexual" with it, and the lexical ranker's top 20 does not list it. Its lexical
    // decision stays: score 0, not marked.
    const tweet = {
      id: 'tweet-sno-1013',
      text: 'Is @jacindaardern willing to denounce this legislation of child sexual abuse? https://t.co/6YMlJiO8zr — Judith Collins (@JudithCollinsMP) August 6, 2018',
    };
    const claim = 'vclaim-sno-france-law-children-consent-sex';
    expect(run(tweet, '--no-semantic', '--top', '20').results.map((r) => r.claim)).not.toContain(
      claim,
    );
    const hybrid = run(tweet).results;
    expect(hybrid.slice(0, 2).map((r) => r.claim)).toContain(claim);
    expect(hybrid.find((r) => r.claim === claim)).toMatchObject({ score: 0, annotate: false });
  }, 120_000);
});

describe('npm run scan --semantic', () => {
  const scan = (...extra: string[]) => {
    const r = spawnSync(
      'npx',
      ['tsx', 'scripts/scan.ts', 'tests/fixtures/pages/restated.html', ...extra],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    return r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { claim: string; semantic?: boolean; score: number });
  };
  it("marks the page's restatement with its claim, as the extension's pass does", () => {
    // The lexical pass alone marks nothing at Balanced on this page (a possible match at Broad).
    expect(scan()).toEqual([]);
    const marks = scan('--semantic');
    expect(marks.map((m) => [m.claim, m.semantic])).toEqual([['trump-end-war-24-hours', true]]);
    expect(marks[0]?.score).toBeGreaterThanOrEqual(PAGE_MODEL.threshold);
  }, 180_000);
});
