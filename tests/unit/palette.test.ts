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

describe('contrast (WCAG AA, 4.5:1 for text)', () => {
  const lum = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, b] = c.map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)) as [
      number,
      number,
      number,
    ];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: string, b: string) => {
    const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  test.each(Object.entries(VERDICT_COLORS))(
    '%s: light on white, dark on the dark card',
    (_v, c) => {
      expect(ratio(c.light, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(ratio(c.dark, '#1c2128')).toBeGreaterThanOrEqual(4.5);
    },
  );
});
