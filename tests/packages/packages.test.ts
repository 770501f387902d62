/**
 * The store packages as built (`npm run test:packages` zips them first): what a store needs is
 * in each, nothing that should not ship is, and the sources archive rebuilds the Firefox one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { measure } from '../../bench/packages';
import { GECKO_ID } from '../../wxt.config';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const zip = (kind: string) => readFileSync(`.output/factmark-${version}-${kind}.zip`);

describe('store packages', () => {
  test.each(['chrome', 'firefox'] as const)(
    '%s: everything a store needs, nothing else',
    (kind) => {
      const fig = measure(kind, kind, zip(kind));
      expect(fig.problems).toEqual([]);
      expect(fig.files).toBeGreaterThan(100);
    },
  );

  test('the Firefox package carries the real add-on id', () => {
    const text = readFileSync('.output/firefox-mv2/manifest.json', 'utf8');
    expect(JSON.parse(text).browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });

  test('the sources archive holds what rebuilds it and none of what the build writes', () => {
    const fig = measure('sources', 'sources', zip('sources'));
    expect(fig.problems).toEqual([]);
  });
});
