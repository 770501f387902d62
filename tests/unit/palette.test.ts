import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { VERDICT_COLORS, verdictVariables } from '../../lib/palette';
import { VERDICTS } from '../../lib/types';

describe('the verdict palette', () => {
  test.each(VERDICTS.map((v) => [v]))('%s: both tones are defined and mapped to --v', (v) => {
    const css = verdictVariables(':root', '--');
    expect(css).toContain(`--${v}:${VERDICT_COLORS[v].light};`);
    expect(css).toMatch(
      new RegExp(`prefers-color-scheme: dark.*--${v}:${VERDICT_COLORS[v].dark};`),
    );
    expect(css).toContain(`.fm-v-${v}{--v:var(--${v})}`);
  });

  test.each(['components/overlay.css', 'entrypoints/popup/style.css'])(
    '%s holds no copy of a verdict colour',
    (file) => {
      const css = readFileSync(file, 'utf8').toLowerCase();
      for (const v of VERDICTS) {
        expect(css).not.toContain(VERDICT_COLORS[v].light);
        expect(css).not.toContain(VERDICT_COLORS[v].dark);
      }
    },
  );
});
