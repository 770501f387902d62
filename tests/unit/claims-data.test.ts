/**
 * Lints the committed claim sources (data/claims/): every record valid, ids unique across
 * files, dataset files sorted and in canonical key order, provenance on every dataset claim.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatError } from '../../lib/claims/claim-error';
import { validateRecords, type RawEntry } from '../../lib/claims/validate';
import { readJsonLines } from '../../lib/claims/read-json-lines';
import { ATTRIBUTION } from '../../lib/claims/dataset-rows';
import { SOURCE_KEY_ORDER, extractDatasets } from '../../lib/claims/extract-datasets';

const DIR = join(__dirname, '..', '..', 'data', 'claims');
const files = readdirSync(DIR)
  .filter((n) => /\.(ya?ml|jsonl)$/.test(n))
  .sort();

const KEY_ORDER: readonly string[] = SOURCE_KEY_ORDER;
const SHARED = join(__dirname, '..', '..', '..', 'shared', 'data');

function entries(name: string): RawEntry[] {
  const text = readFileSync(join(DIR, name), 'utf8');
  const file = `data/claims/${name}`;
  if (name.endsWith('.jsonl'))
    return readJsonLines(text, file).lines.map(({ line, value }) => ({
      raw: value,
      ref: { file, record: `line ${line}` },
    }));
  return (parse(text, { schema: 'core' }) as unknown[]).map((raw, i) => ({
    raw,
    ref: { file, record: `record ${i + 1}` },
  }));
}

const all = files.flatMap(entries);
const { records, errors } = validateRecords(all);

describe('data/claims', () => {
  it('has the seed and both dataset files', () => {
    expect(files).toEqual(
      expect.arrayContaining(['seed.yaml', 'politifact.jsonl', 'snopes.jsonl']),
    );
  });

  it('every record is valid and every id unique across files', () => {
    expect(errors.map(formatError).slice(0, 20)).toEqual([]);
    expect(records.length).toBe(all.length);
  });

  it("holds the seed article's claims under their fixed ids (DESIGN.md)", () => {
    const ids = new Set(records.map((r) => r.id));
    for (const id of [
      'ru-holds-fifth-of-ukraine',
      'ru-annexed-four-regions-2022',
      'ru-annexed-crimea-2014',
      'trump-end-war-24-hours',
      'us-28-point-peace-plan',
      'gaza-ceasefire-trump',
    ])
      expect(ids.has(id), id).toBe(true);
  });

  it.each([
    [
      'politifact.jsonl',
      'pf-',
      'https://www.politifact.com/factchecks/',
      'PolitiFact',
      ATTRIBUTION.politifact,
    ],
    ['snopes.jsonl', 'sn-', 'https://www.snopes.com/fact-check/', 'Snopes', ATTRIBUTION.snopes],
  ])(
    '%s: sorted, canonical, with provenance',
    (name, prefix, urlPrefix, publisher, attribution) => {
      const rows = entries(name).map((e) => e.raw as Record<string, unknown>);
      const ids = rows.map((r) => r.id as string);
      expect(ids).toEqual([...ids].sort());
      for (const r of rows) {
        const keys = Object.keys(r);
        expect(keys).toEqual(KEY_ORDER.filter((k) => keys.includes(k)));
        expect((r.id as string).startsWith(prefix)).toBe(true);
        expect(r.attribution).toBe(attribution);
        expect(r.rating).toEqual(expect.any(String));
        const sources = r.sources as Record<string, unknown>[];
        expect(sources).toHaveLength(1);
        expect(sources[0]?.publisher).toBe(publisher);
        expect((sources[0]?.url as string).startsWith(urlPrefix)).toBe(true);
        expect(sources[0]?.date).toBe(r.reviewed);
      }
    },
    // ~19k rows of checks: ~2 s alone, past vitest's 5 s default when the 2 cores are shared.
    30_000,
  );

  it('the dataset files are exactly what ../shared/data gives (npx tsx scripts/extract-datasets.ts)', () => {
    const read = (rel: string) => readFileSync(join(SHARED, rel), 'utf8');
    const out = extractDatasets({
      politifact: read('checkthat2021-2b/claims.jsonl'),
      snopes: read('snopes/claims.jsonl'),
      checkthat2a: read('checkthat2021-2a/claims.jsonl'),
    });
    // Compare whole texts (a failure message of 20 MB is no use: compare lengths, then equality).
    const committedPf = readFileSync(join(DIR, 'politifact.jsonl'), 'utf8');
    const committedSn = readFileSync(join(DIR, 'snopes.jsonl'), 'utf8');
    expect(out.politifact.text.length).toBe(committedPf.length);
    expect(out.politifact.text === committedPf).toBe(true);
    expect(out.snopes.text.length).toBe(committedSn.length);
    expect(out.snopes.text === committedSn).toBe(true);
  }, 30_000);
});
